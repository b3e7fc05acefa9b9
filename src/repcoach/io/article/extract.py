"""An article's workout as a plan: blocks from its headings and lists, quantities from its directions.

The reading, step by step:

1. numbers in words become digits; the text is cut into headings, exercise items and sentences;
2. each heading that names a block ("Superset 1", "Circuit A") opens a block, and the items
   under it are its moves (items before any heading make one block of their own);
3. an item is a move's name, matched to the library by name or alias, and what the item says
   of it ("Goblet squat: 3 x 10, heavy");
4. each sentence of directions is read by every rule (reps, hold, rest, rounds, load, effort);
   what it says applies to the blocks or moves it names, or else to all of them. A sentence no
   rule reads is reported as not used;
5. where the text leaves a choice (a rest given as a range, a rest that could follow a block or
   a round), the common reading is taken and said in ``readings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from repcoach.errors import InvalidInput, Problem
from repcoach.io.article import phrases
from repcoach.io.article.lines import BLOCK_WORDS, Line, classify
from repcoach.io.article.numbers import with_digits
from repcoach.library import Catalogue
from repcoach.library.naming import slug
from repcoach.library.patterns import guess_pattern
from repcoach.plan import Block, BlockKind, LoadClass, Move, Plan
from repcoach.plan.own_exercises import OwnExercise
from repcoach.plan.plan import LoadGuide

DEFAULT_REPS = 10
"""Reps for a move the text gives no number for, said in the readings."""
MAX_NAME_WORDS = 6
"""The longest exercise name tried when matching the start of an item to the library."""
_SEPARATOR = re.compile(r"\s*(?:[:(,;–—]|\s-\s|\d)")
_CIRCUIT_WORDS = re.compile(r"circuit|tri-?set|giant set|complex|emom|amrap|finisher", re.IGNORECASE)


@dataclass
class DraftMove:
    exercise: str
    name: str
    known: bool
    per_side: bool = False
    """Done one side, then the other (the library says so of one-arm moves, or the text: "per side")."""
    reps: phrases.Reps | None = None
    hold: phrases.Hold | None = None
    load: LoadClass | None = None
    effort: phrases.Effort | None = None
    rest: phrases.Rest | None = None
    """A rest the item itself gives ("Pull-up: 4 x 6-8, rest 2 minutes between sets")."""


@dataclass
class DraftBlock:
    name: str
    heading: bool
    """Named by a heading of the article, not made up for items with none."""
    moves: list[DraftMove] = field(default_factory=list)
    rest_between_moves: int | None = None
    rest_between_sets: int | None = None
    rest_after: int | None = None


@dataclass
class Draft:
    blocks: list[DraftBlock] = field(default_factory=list)
    rounds: phrases.Rounds | None = None
    rest_after_round: int | None = None
    loads: dict[LoadClass, LoadGuide] = field(default_factory=dict)
    readings: list[str] = field(default_factory=list)
    unused: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Extraction:
    plan: Plan
    unused: list[Line]
    """Sentences and lines no rule could use, to show the user."""
    readings: list[str]
    """The choices made where the text allowed two readings, as sentences."""
    custom: list[str]
    """Moves the library does not know, by the names the text gives them; the plan describes them."""


def extract(text: str, catalogue: Catalogue, *, plan_id: str, title: str, source: str = "the text") -> Extraction:
    """The plan ``text`` describes.

    Raises:
        InvalidInput: no move of a workout was found ("no workout found"), or the moves found do
            not make a valid plan (each problem said).
    """
    lines = classify(with_digits(text), lambda line: _move_at_start(line, catalogue) is not None)
    draft = Draft()
    directions: list[Line] = []
    current: DraftBlock | None = None
    for line in lines:
        if line.kind == "heading":
            current = _open_block(draft, line.text)
        elif line.kind == "item":
            if current is None:
                current = DraftBlock(f"Block {len(draft.blocks) + 1}", heading=False)
                draft.blocks.append(current)
            current.moves.append(_item(line.text, catalogue, draft))
        else:
            directions.append(line)
    draft.blocks = [shaped for block in draft.blocks if block.moves for shaped in _shape(block)]
    if not draft.blocks:
        raise InvalidInput([Problem("no workout found: no list of exercises the library knows", source)])
    for line in directions:
        if not _direct(draft, line.text, catalogue):
            draft.unused.append(line)
    _last_rest_is_the_rounds(draft)
    for move in _moves(draft, None):
        if move.reps is None and move.hold is None:
            move.reps = phrases.Reps(DEFAULT_REPS, DEFAULT_REPS)
            draft.readings.append(f"No reps or time given for {move.name}: {DEFAULT_REPS} reps, to edit in the plan.")
    return Extraction(
        plan=_plan(draft, plan_id, title, source),
        unused=draft.unused,
        readings=draft.readings,
        custom=[move.name for block in draft.blocks for move in block.moves if not move.known],
    )


def _shape(block: DraftBlock) -> list[DraftBlock]:
    """The block as the article means it: a list of moves with sets of their own ("3 x 8") and no
    heading is one straight block per move; rests an item gives go to its block."""
    if not block.heading and any(move.reps and move.reps.sets for move in block.moves):
        blocks = [DraftBlock(move.name, heading=False, moves=[move]) for move in block.moves]
    else:
        blocks = [block]
    for shaped in blocks:
        for move in shaped.moves:
            if move.rest is None:
                continue
            seconds = move.rest.high
            if move.rest.scope == "sets" or (move.rest.scope is None and len(shaped.moves) == 1):
                shaped.rest_between_sets = seconds
            elif move.rest.scope == "moves":
                shaped.rest_between_moves = seconds
            else:
                shaped.rest_after = seconds
    return blocks


def _last_rest_is_the_rounds(draft: Draft) -> None:
    """A rest after the last block only ever comes between rounds: say it as that rest."""
    last = draft.blocks[-1]
    if draft.rest_after_round is None and last.rest_after:
        draft.rest_after_round, last.rest_after = last.rest_after, None


def _open_block(draft: Draft, heading: str) -> DraftBlock | None:
    """A block for a heading that names one; None for other headings ("How to do it")."""
    if not re.match(rf"^(?:{BLOCK_WORDS})\b", heading, re.IGNORECASE):
        return None
    block = DraftBlock(heading, heading=True)
    draft.blocks.append(block)
    return block


def _item(text: str, catalogue: Catalogue, draft: Draft) -> DraftMove:
    """A move from a list item: its name, then what the item says of reps, time and load."""
    found = _move_at_start(text, catalogue)
    if found is not None:
        words, exercise_id = found
        rest = " ".join(text.split()[words:])
        exercise = catalogue.get(exercise_id)
        move = DraftMove(exercise_id, exercise.name, known=True, per_side=exercise.sided == "unilateral")
    else:
        name = _SEPARATOR.split(text, maxsplit=1)[0].strip() or text.strip()
        rest = text[len(name) :]
        move = DraftMove(slug(name, "custom"), name, known=False)
    move.reps = phrases.reps(rest)
    move.hold = None if move.reps else phrases.hold(rest)
    found_load = phrases.load(rest)
    move.load = found_load.load_class if found_load else None
    if found_load and found_load.load_class and found_load.low and found_load.high and found_load.unit:
        draft.loads[found_load.load_class] = LoadGuide(low=found_load.low, high=found_load.high, unit=found_load.unit)
    move.effort = phrases.effort(rest)
    move.rest = phrases.rest(rest)
    return move


def _move_at_start(text: str, catalogue: Catalogue) -> tuple[int, str] | None:
    """How many words of ``text`` name a library move, and which: the longest match wins."""
    words = re.sub(r"[^\w\s'-]", " ", text).split()
    for count in range(min(len(words), MAX_NAME_WORDS), 0, -1):
        if (exercise := catalogue.find(" ".join(words[:count]))) is not None:
            return count, exercise.id
    return None


_CLAUSE = re.compile(r",?\s+then\s+|;\s*|\s+and\s+(?=\d)", re.IGNORECASE)
_HOLD_WORD = re.compile(r"\bhold\b|\bwork\b|\bfor each (?:move|exercise)\b", re.IGNORECASE)


def _direct(draft: Draft, sentence: str, catalogue: Catalogue) -> bool:
    """Apply one sentence of directions to the draft, clause by clause; whether any rule used it.

    "After Superset 1, rest 90 seconds, then do each move in Superset 2 for 6-10 reps" says two
    things of two blocks: each clause applies to the blocks it names.
    """
    used = said_rest = False
    for clause in _CLAUSE.split(sentence):
        blocks = [block for block in draft.blocks if block.heading and _names(clause, block.name)] or None
        if (reps := phrases.reps(clause)) is not None:
            for move in _moves(draft, blocks):
                if move.reps is None and move.hold is None:
                    move.reps = reps
            used = True
        rest = phrases.rest(clause)
        if rest is None and said_rest and re.match(r"\d", clause):
            rest = phrases.rest(f"rest {clause}")  # "Rest 15 seconds between moves and 2 minutes after the set"
        if rest is not None:
            said_rest = True
            scope = rest.scope or phrases.rest_scope(sentence)
            _rest(draft, blocks, phrases.Rest(rest.low, rest.high, scope), clause)
            used = True
        if (hold := phrases.hold(clause)) is not None and (hold.rest is not None or _HOLD_WORD.search(clause)):
            for move in _moves(draft, blocks):
                if move.reps is None and move.hold is None:
                    move.hold = hold
            if hold.rest is not None:
                _set_rest(blocks or draft.blocks, "rest_between_moves", hold.rest, named=False)
            used = True
        if (rounds := phrases.rounds(clause)) is not None:
            draft.rounds = rounds
            used = True
        used = _load_clause(draft, clause, catalogue) or used
        if (effort := phrases.effort(clause)) is not None:
            for move in _moves(draft, blocks):
                move.effort = move.effort or effort
            used = True
    return used


def _rest(draft: Draft, blocks: list[DraftBlock] | None, rest: phrases.Rest, sentence: str) -> None:
    seconds = rest.high
    if rest.low != rest.high:
        draft.readings.append(
            f'"{sentence}": the timer counts {seconds} s, the top of the range; end it early when you are ready.'
        )
    scope = rest.scope
    if scope is None:
        scope = "block" if blocks else "rounds"
        reading = f"after {blocks[0].name}" if blocks else "between rounds"
        draft.readings.append(f'"{sentence}": read as the rest {reading}.')
    targets = blocks or [block for block in draft.blocks]
    named = blocks is not None
    if scope == "moves":
        _set_rest(targets, "rest_between_moves", seconds, named)
    elif scope == "sets":
        _set_rest(targets, "rest_between_sets", seconds, named)
    elif scope == "block":
        _set_rest(targets, "rest_after", seconds, named)
    elif draft.rest_after_round is None or named:
        draft.rest_after_round = seconds


def _set_rest(blocks: list[DraftBlock], field_name: str, seconds: int, named: bool) -> None:
    """Set a rest of ``blocks``; a rest said of all blocks leaves those that have their own."""
    for block in blocks:
        if named or getattr(block, field_name) is None:
            setattr(block, field_name, seconds)


def _load_clause(draft: Draft, clause: str, catalogue: Catalogue) -> bool:
    """``light-medium (about 5-15 lb) for renegade row, halo and single-arm row``: the load of the moves named."""
    found = phrases.load(clause)
    if found is None or found.load_class is None:
        return False
    named = [move for block in draft.blocks for move in block.moves if _names_move(clause, move, catalogue)]
    for move in named or _moves(draft, None):
        move.load = found.load_class
    if found.low is not None and found.high is not None and found.unit is not None:
        draft.loads[found.load_class] = LoadGuide(low=found.low, high=found.high, unit=found.unit)
    return True


def _moves(draft: Draft, blocks: list[DraftBlock] | None) -> list[DraftMove]:
    return [move for block in blocks or draft.blocks for move in block.moves]


def _names(sentence: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b(?!\s*\d)", sentence, re.IGNORECASE) is not None


def _names_move(clause: str, move: DraftMove, catalogue: Catalogue) -> bool:
    if not move.known:
        return _names(clause, move.name)
    exercise = catalogue.get(move.exercise)
    return any(_names(clause, name) for name in (exercise.name, *exercise.aliases))


def _plan(draft: Draft, plan_id: str, title: str, source: str) -> Plan:
    blocks = []
    for block in draft.blocks:
        moves = tuple(_move(move) for move in block.moves)
        kind = _kind(block)
        sets = max((move.reps.sets or 1 for move in block.moves if move.reps), default=1)
        blocks.append(
            Block(
                name=block.name,
                kind=kind,
                moves=moves,
                sets=sets,
                rest_between_moves=0 if kind == "superset" else block.rest_between_moves or 0,
                rest_between_sets=block.rest_between_sets or 0,
                rest_after=block.rest_after or 0,
            )
        )
    rounds = draft.rounds or phrases.Rounds(1, 1)
    try:
        return Plan(
            id=plan_id,
            title=title,
            rounds={"low": rounds.low, "high": rounds.high},
            rest_after_round=draft.rest_after_round,
            blocks=tuple(blocks),
            loads=draft.loads,
            exercises=_own_exercises(draft),
        )
    except ValueError as error:
        raise InvalidInput([Problem(f"the workout found is not a plan repcoach can run: {error}", source)]) from None


def _own_exercises(draft: Draft) -> dict[str, OwnExercise]:
    """The moves the library does not know, kept in the plan with the pattern their name gives away."""
    return {
        move.exercise: OwnExercise(name=move.name, pattern=guess_pattern(move.name))
        for block in draft.blocks
        for move in block.moves
        if not move.known
    }


def _kind(block: DraftBlock) -> BlockKind:
    if len(block.moves) == 1:
        return "straight"
    if re.search(r"super ?set", block.name, re.IGNORECASE) and not block.rest_between_moves:
        return "superset"
    return "circuit"


def _move(move: DraftMove) -> Move:
    timed = move.hold is not None and move.reps is None
    return Move(
        exercise=move.exercise,
        reps=None if timed or move.reps is None else {"low": move.reps.low, "high": move.reps.high},
        hold_seconds={"low": move.hold.low, "high": move.hold.high} if timed and move.hold else None,
        rir={"low": move.effort.low, "high": move.effort.high} if move.effort else None,
        per_side=move.per_side or bool(move.reps and move.reps.per_side),
        load=move.load,
    )
