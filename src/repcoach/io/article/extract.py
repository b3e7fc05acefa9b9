"""An article's workout as a plan: blocks from its headings and lists, quantities from its directions.

The reading, step by step:

1. numbers in words become digits; the text is cut into headings, exercise items and sentences;
2. each heading that names a block ("Superset 1", "Circuit A") opens a block, and the items
   under it are its moves (items before any heading make one block of their own; items
   labelled A1, A2 make a superset); with no list at all, the moves a sentence lists with their
   counts ("3 rounds of 10 swings, 10 squats and 10 push-ups") make a block;
3. an item is a move's name, matched to the library by name or alias, and what the item says
   of it ("Goblet squat: 3 x 10, heavy"; see :mod:`~repcoach.io.article.items`);
4. each sentence of directions is read by every rule (reps, hold, rest, rounds, load, effort);
   what it says applies to the blocks or moves it names, or else to all of them. A sentence no
   rule reads is reported as not used;
5. where the text leaves a choice (a rest given as a range, a rest that could follow a block or
   a round), the common reading is taken and said in ``readings``.

A block said to be done on the clock ("EMOM 10", "every 90 seconds for 12 minutes") becomes an
interval block: its items given minute by minute ("Minute 1: ...") take turns, one per
interval; otherwise each interval holds all of them. "AMRAP 12" makes a block that goes round
until its time is up. The draft becomes a plan in :mod:`~repcoach.io.article.building`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from repcoach.errors import InvalidInput, Problem
from repcoach.io.article import phrases
from repcoach.io.article.building import plan_of
from repcoach.io.article.draft import Draft, DraftBlock, DraftMove
from repcoach.io.article.items import (
    count_from_how_to,
    interval_label,
    item_parts,
    moves_in_sentence,
    names_a_move,
    read_item,
    reads_as_move,
)
from repcoach.io.article.lines import Line, classify, details_only, inline_block, names_a_block
from repcoach.io.article.numbers import with_digits
from repcoach.io.article.shaping import (
    last_rest_is_the_rounds,
    one_block_per_move,
    shape,
    tabata_timing,
    without_lists_of_names,
    written_once,
)
from repcoach.library import Catalogue
from repcoach.plan import Plan
from repcoach.plan.plan import LoadGuide
from repcoach.plan.quantities import format_seconds

DEFAULT_REPS = 10
"""Reps for a move the text gives no number for, said in the readings."""


@dataclass(frozen=True)
class Extraction:
    plan: Plan
    unused: list[Line]
    """Sentences and lines no rule could use, to show the user."""
    readings: list[str]
    """The choices made where the text allowed two readings, as sentences."""
    custom: list[str]
    """Moves the library does not know, by the names the text gives them; the plan describes them."""
    doubts: list[str] = field(default_factory=list)
    """Why the reading may be wrong (moves not in the library, no rounds or rests found), as sentences:
    a reason to ask the user before keeping the plan."""


def extract(text: str, catalogue: Catalogue, *, plan_id: str, title: str, source: str = "the text") -> Extraction:
    """The plan ``text`` describes.

    Raises:
        InvalidInput: no move of a workout was found ("no workout found"), or the moves found do
            not make a valid plan (each problem said).
    """
    lines = classify(with_digits(text), lambda line: names_a_move(line, catalogue))
    draft = Draft()
    directions: list[Line] = []
    current: DraftBlock | None = None
    last_item: str | None = None
    """The item the last move was read from, while it gave one move: lines of its numbers add to it."""
    for line in lines:
        if current is not None and last_item is not None and line.pair == current.pair and _numbers_of(line):
            last_item = f"{last_item}, {line.text}"  # "Dumbbell Front Raise" / "3 sets" / "10-15 reps"
            current.moves[-1] = read_item(last_item, catalogue, draft)
            continue
        last_item = None
        if line.kind == "description":
            if not (current and current.moves and count_from_how_to(current.moves[-1], line.text)):
                draft.unused.append(line)
        elif line.kind == "heading":
            current = _open_block(draft, line.text)
        elif line.kind == "item" and (inline := inline_block(line.text)) is not None:
            current = _open_block(draft, inline[0])
            assert current is not None, "inline_block matches only a name that names a block"
            current.moves += [read_item(part, catalogue, draft) for part in item_parts(inline[1], catalogue)]
        elif line.kind == "item" and line.pair is None and not _is_move_item(interval_label(line.text)[0], catalogue):
            directions.append(line)  # a bulleted sentence: "use heavier dumbbells for the rows"
        elif line.kind == "item":
            if line.pair is not None and (current is None or current.pair != line.pair):
                current = DraftBlock(f"Superset {line.pair}", heading=True, pair=line.pair)
                draft.blocks.append(current)
            elif current is None or (current.pair is not None and line.pair is None):  # a list after "1a)", "1b)"
                current = DraftBlock(f"Block {len(draft.blocks) + 1}", heading=False)
                draft.blocks.append(current)
            item, on_its_own_interval = interval_label(line.text)
            current.alternating = current.alternating or on_its_own_interval
            parts = [item] if line.one_move else item_parts(item, catalogue)
            current.moves += _joined([read_item(part, catalogue, draft) for part in parts])
            last_item = parts[0] if len(parts) == 1 else None
        elif (clocked := _clocked_block(line.text)) is not None:
            current = clocked
            draft.blocks.append(current)
        else:
            directions.append(line)
    draft.blocks = without_lists_of_names(
        [shaped for block in draft.blocks if block.moves for shaped in shape(written_once(block))]
    )
    for block in draft.blocks:
        if block.pair is not None and len(block.moves) == 1:
            block.name = block.moves[0].name  # "2A Bentover Row" alone is no superset
    listing = [] if draft.blocks else _blocks_in_prose(draft, directions, catalogue)
    if not draft.blocks:
        raise InvalidInput([Problem("no workout found: no list of exercises the library knows", source)])
    for line in directions:
        if not _direct(draft, line.text, catalogue) and line not in listing:
            draft.unused.append(line)
    draft.blocks = [one for block in draft.blocks for one in one_block_per_move(block)]
    last_rest_is_the_rounds(draft)
    tabata_timing(draft)
    for move in _moves(draft, None):
        if not move.has_target:
            move.reps = phrases.Reps(DEFAULT_REPS, DEFAULT_REPS)
            draft.readings.append(f"No reps or time given for {move.name}: {DEFAULT_REPS} reps, to edit in the plan.")
    custom = [move.name for block in draft.blocks for move in block.moves if not move.known]
    return Extraction(
        plan=plan_of(draft, plan_id, title, source),
        unused=draft.unused,
        readings=draft.readings,
        custom=custom,
        doubts=_doubts(draft, custom),
    )


def _joined(moves: list[DraftMove]) -> list[DraftMove]:
    """The moves of one item, each after the first marked as done together with the one before."""
    for move in moves[1:]:
        move.joined = True
    return moves


def _numbers_of(line: Line) -> bool:
    """Whether a line under a numbered move (``Exercise 1A``) gives its numbers: ``3 sets``, ``60 sec rest``."""
    return line.kind == "item" and line.pair is not None and details_only(line.text)


def _is_move_item(item: str, catalogue: Catalogue) -> bool:
    """Whether a list item gives a move, or several joined ("seesaw rows alternating with strides")."""
    return reads_as_move(item, catalogue) or len(item_parts(item, catalogue)) > 1


def _doubts(draft: Draft, custom: list[str]) -> list[str]:
    doubts = []
    if custom:
        doubts.append(f"{len(custom)} of the moves are not in the library: are they moves?")
    if draft.rounds is None and any(len(block.moves) > 1 for block in draft.blocks):
        doubts.append("no rounds were found: the plan does its blocks once")
    rests = [draft.rest_after_round, *(r for b in draft.blocks for r in (b.rest_after, b.rest_between_sets))]
    if not any(rests) and not any(block.interval or block.time_cap for block in draft.blocks):
        doubts.append("no rest was found: the plan rests nowhere")
    return doubts


def _clocked_block(sentence: str) -> DraftBlock | None:
    """A block that a sentence ending in a colon opens, saying how it is timed: "Set a timer for
    15 minutes and do as many rounds as possible of:" (an AMRAP), "Every minute, do:" (an EMOM)."""
    if not sentence.rstrip().endswith(":"):
        return None
    interval, cap = phrases.interval(sentence), phrases.time_cap(sentence)
    if cap is not None:
        return DraftBlock(f"AMRAP {format_seconds(cap)}", heading=False, time_cap=cap)
    if interval is not None:
        return DraftBlock(_interval_name(interval), heading=False, interval=interval)
    return None


def _interval_name(interval: phrases.Interval) -> str:
    return "EMOM" if interval.every == 60 else f"Every {format_seconds(interval.every)}"


def _blocks_in_prose(draft: Draft, directions: list[Line], catalogue: Catalogue) -> list[Line]:
    """With no list of moves, a block of the moves each sentence lists; the sentences that list some."""
    listing = []
    for line in directions:
        if moves := moves_in_sentence(line.text, catalogue, draft):
            draft.blocks.append(DraftBlock(f"Block {len(draft.blocks) + 1}", heading=False, moves=moves))
            listing.append(line)
    return listing


def _open_block(draft: Draft, heading: str) -> DraftBlock | None:
    """A block for a heading that names one, or says it is done on the clock ("Every minute on
    the minute for 10 minutes"); None for other headings ("How to do it")."""
    interval = phrases.interval(heading)
    cap = phrases.time_cap(heading)
    if not names_a_block(heading) and interval is None and cap is None:
        return None
    if draft.rounds is None and (said := phrases.rounds(heading)) is not None:
        draft.rounds, draft.rounds_headed = said, True  # "Main superset (4 rounds)", "5 rounds of:"
    block = DraftBlock(heading, heading=True, interval=interval, time_cap=cap)
    draft.blocks.append(block)
    return block


_CLAUSE = re.compile(r",?\s+then\s+|;\s*|(?<!\bwork)\s+and\s+(?=\d)", re.IGNORECASE)
"""Where a sentence's clauses part; "45 seconds work and 15 seconds rest" is one interval."""
_HOLD_WORD = re.compile(
    r"\bhold\b|\bwork\b|\bfor each (?:move|exercise)\b|\beach (?:move|exercise|one) for\b", re.IGNORECASE
)


def _direct(draft: Draft, sentence: str, catalogue: Catalogue) -> bool:
    """Apply one sentence of directions to the draft, clause by clause; whether any rule used it.

    "After Superset 1, rest 90 seconds, then do each move in Superset 2 for 6-10 reps" says two
    things of two blocks: each clause applies to the blocks it names.
    """
    used = said_rest = False
    for clause in _CLAUSE.split(sentence):
        after_move = _after_a_move(draft, clause, catalogue)
        blocks = [block for block in draft.blocks if _names_block(clause, block)] or after_move
        each = phrases.sets_of_each_move(clause)
        if phrases.rests_out_the_interval(clause):
            used = True  # an interval block rests what is left of each interval by itself
            continue
        if (interval := phrases.interval(clause)) is not None:
            _on_the_clock(draft, blocks, interval)
            used = True
        if (cap := phrases.time_cap(clause)) is not None:
            for block in blocks or [block for block in draft.blocks if block.time_cap] or draft.blocks:
                block.time_cap = cap
            used = True
        if (reps := phrases.reps(clause)) is not None:
            for move in _moves(draft, blocks):
                if not move.has_target:
                    move.reps = reps
            used = True
        hold = phrases.hold(clause)
        rest = None if hold and hold.rest is not None else phrases.rest(clause)  # an interval's rest is its own
        if rest is not None and rest.scope is None and draft.blocks and all(block.interval for block in draft.blocks):
            rest = None  # "the EMOM format provides built-in rest (~35-40s)": the clock rests, said of nothing
        if rest is None and said_rest and re.match(r"\d", clause):
            rest = phrases.rest(f"rest {clause}")  # "Rest 15 seconds between moves and 2 minutes after the set"
        if rest is not None:
            said_rest = True
            scope = rest.scope or phrases.rest_scope(sentence) or _after_each_pair(clause, blocks)
            if scope is None and each is not None:
                scope = "moves"  # "10 seconds of rest for 8 rounds of each exercise": between a move's sets
            if scope is None and after_move:
                _set_rest(after_move, "rest_after", rest.high, named=True)
            else:
                _rest(draft, blocks, phrases.Rest(rest.low, rest.high, scope), clause)
            used = True
        if hold is not None and (hold.rest is not None or _HOLD_WORD.search(clause)):
            for move in _moves(draft, blocks):
                if not move.has_target:
                    move.on_the_clock(hold)
            if hold.rest is not None:
                _set_rest(blocks or draft.blocks, "rest_between_moves", hold.rest, named=False)
            used = True
        if each is not None:
            for block in blocks or draft.blocks:
                block.sets_of_each_move = each
            used = True
        elif (rounds := phrases.rounds(clause)) is not None:
            draft.rounds = draft.rounds if draft.rounds_headed else rounds
            used = True
        used = _load_clause(draft, clause, catalogue) or used
        if (how := phrases.tempo(clause)) is not None:
            moves = _moves(draft, blocks)
            for move in [move for move in moves if _names_move(clause, move, catalogue)] or moves:
                move.notes.append(how)
            used = True
        if (effort := phrases.effort(clause)) is not None:
            for move in _moves(draft, blocks):
                move.effort = move.effort or effort
            used = True
    return used


def _on_the_clock(draft: Draft, named: list[DraftBlock] | None, interval: phrases.Interval) -> None:
    """Make the ``named`` blocks interval blocks; a length said later completes one said without it.

    Said of no block by name, it is said of the interval blocks there are, else of all blocks.
    """
    for block in named or [block for block in draft.blocks if block.interval] or draft.blocks:
        if block.interval is None or (block.interval.total is None and interval.every == block.interval.every):
            block.interval = interval
        if not block.heading:
            block.name = _interval_name(interval)


def _rest(draft: Draft, blocks: list[DraftBlock] | None, rest: phrases.Rest, sentence: str) -> None:
    seconds = rest.high
    if rest.low != rest.high:
        draft.readings.append(
            f'"{sentence}": the timer counts {seconds} s, the top of the range; end it early when you are ready.'
        )
    scope = rest.scope
    if scope is None:
        sets_only = draft.rounds is None and all(block.sets > 1 for block in draft.blocks)
        scope = "block" if blocks else "sets" if sets_only else "rounds"
        reading = f"after {blocks[0].name}" if blocks else "between sets" if sets_only else "between rounds"
        draft.readings.append(f'"{sentence}": read as the rest {reading}.')
    # Said of no block, a rest between sets or moves is not one of the interval blocks, which rest by the clock.
    targets = blocks or [block for block in draft.blocks if not (block.interval and scope in ("moves", "sets"))]
    named = blocks is not None
    if scope == "moves":
        _set_rest(targets, "rest_between_moves", seconds, named)
    elif scope == "sets":
        _set_rest(targets, "rest_between_sets", seconds, named)
    elif scope == "block":
        # A block done in several sets is a superset done several times: "between supersets" is between its sets.
        _set_rest([block for block in targets if block.sets > 1], "rest_between_sets", seconds, named)
        _set_rest([block for block in targets if block.sets == 1], "rest_after", seconds, named)
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


def _names_block(clause: str, block: DraftBlock) -> bool:
    """Whether ``clause`` names ``block``: by its heading, or by the label of one of its items ("A2")."""
    if block.pair is not None and re.search(rf"\b{_labels_of(block.pair)}\b", clause, re.IGNORECASE):
        return True
    return block.heading and _names(clause, block.name)


def _after_a_move(draft: Draft, clause: str, catalogue: Catalogue) -> list[DraftBlock] | None:
    """The blocks of one move a clause says something after: "Rest 2 minutes after finishing all 6 sets
    of the military presses" is the rest after the presses' block."""
    if not re.search(r"\bafter\b", clause, re.IGNORECASE):
        return None
    named = [b for b in draft.blocks if len(b.moves) == 1 and _names_move(clause, b.moves[0], catalogue)]
    return named or None


def _after_each_pair(clause: str, blocks: list[DraftBlock] | None) -> phrases.RestScope | None:
    """ "Rest 90 s after each A2": after the pair's last move, so between its sets."""
    pairs = {block.pair for block in blocks or [] if block.pair}
    found = any(re.search(rf"\bafter (?:each |every )?{_labels_of(pair)}\b", clause, re.I) for pair in pairs)
    return "sets" if found else None


def _labels_of(pair: str) -> str:
    """A pattern of the labels of a pair's items: ``A1``, ``A2`` of pair ``A``; ``2A``, ``2B`` of pair ``2``."""
    return rf"{pair}[A-H]" if pair.isdigit() else rf"{pair}\d{{1,2}}"


def _names(sentence: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}(?:e?s)?\b(?!\s*\d)", sentence, re.IGNORECASE) is not None


def _names_move(clause: str, move: DraftMove, catalogue: Catalogue) -> bool:
    if not move.known:
        return _names(clause, move.name)
    exercise = catalogue.get(move.exercise)
    return any(_names(clause, name) for name in (exercise.name, *exercise.aliases))
