"""The plan a draft holds: blocks of the kinds the text implies, the moves the library lacks described."""

from __future__ import annotations

import re

from repcoach.errors import InvalidInput, Problem
from repcoach.io.article import phrases
from repcoach.io.article.draft import Draft, DraftBlock, DraftMove
from repcoach.library.patterns import guess_pattern
from repcoach.plan import Block, BlockKind, Move, Plan
from repcoach.plan.own_exercises import OwnExercise
from repcoach.plan.quantities import format_seconds

DEFAULT_INTERVALS = 10
"""Intervals of an EMOM whose length the text does not give, said in the readings."""


def plan_of(draft: Draft, plan_id: str, title: str, source: str) -> Plan:
    """The plan the draft holds, checked as any plan is.

    Raises:
        InvalidInput: the moves found do not make a plan repcoach can run, saying why.
    """
    rounds = draft.rounds or phrases.Rounds(1, 1)
    try:
        return Plan(
            id=plan_id,
            title=title,
            rounds={"low": rounds.low, "high": rounds.high},
            rest_after_round=draft.rest_after_round,
            blocks=tuple(_block(block, draft) for block in draft.blocks),
            loads=draft.loads,
            exercises=_own_exercises(draft),
        )
    except ValueError as error:
        raise InvalidInput([Problem(f"the workout found is not a plan repcoach can run: {error}", source)]) from None


def _block(block: DraftBlock, draft: Draft) -> Block:
    moves = tuple(_move(move) for move in block.moves)
    kind = _kind(block)
    if block.interval is not None:
        return _interval_block(block, moves, kind, draft)
    if block.time_cap is not None:
        return _capped_block(block, moves, kind, draft)
    return Block(
        name=block.name,
        kind=kind,
        moves=moves,
        sets=block.sets,
        rest_between_moves=_rest_between_moves(block, kind),
        rest_between_sets=block.rest_between_sets or 0,
        rest_after=block.rest_after or 0,
    )


def _rest_between_moves(block: DraftBlock, kind: BlockKind) -> int:
    """A superset's moves follow each other with no rest, whatever the text said; else the text's rest."""
    return 0 if kind == "superset" else block.rest_between_moves or 0


def _capped_block(block: DraftBlock, moves: tuple[Move, ...], kind: BlockKind, draft: Draft) -> Block:
    """An AMRAP: it goes round until its time is up, so sets and rests between them have no place."""
    assert block.time_cap is not None
    if block.sets > 1 or block.rest_between_sets:
        draft.readings.append(f"{block.name} goes round until its time is up; its sets and their rests are left out.")
    return Block(
        name=block.name,
        kind=kind,
        moves=moves,
        time_cap=block.time_cap,
        rest_between_moves=_rest_between_moves(block, kind),
        rest_after=block.rest_after or 0,
    )


def _interval_block(block: DraftBlock, moves: tuple[Move, ...], kind: BlockKind, draft: Draft) -> Block:
    """An EMOM: as many sets as its length holds intervals (shared out among the moves when they
    take turns); rests between its sets or moves are what is left of each interval."""
    assert block.interval is not None
    every = block.interval.every
    if block.interval.total is None:
        intervals = DEFAULT_INTERVALS
        draft.readings.append(
            f"No length given for {block.name}: {intervals} intervals of {format_seconds(every)}, to edit in the plan."
        )
    else:
        intervals = max(1, round(block.interval.total / every))
    turns = len(moves) if kind == "circuit" else 1
    sets = max(1, intervals // turns)
    if intervals % turns:
        draft.readings.append(
            f"{block.name}: {intervals} intervals do not share out among {turns} moves; "
            f"{sets * turns} intervals, {sets} for each move."
        )
    if block.rest_between_moves or block.rest_between_sets:
        draft.readings.append(f"{block.name} rests what is left of each interval; its other rests are left out.")
    return Block(name=block.name, kind=kind, moves=moves, sets=sets, every=every, rest_after=block.rest_after or 0)


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
    if block.interval is not None:
        return "circuit" if block.alternating else "superset"
    if re.search(r"super ?set", block.name, re.IGNORECASE) and not block.rest_between_moves:
        return "superset"
    return "circuit"


def _move(move: DraftMove) -> Move:
    run = move.distance_m is not None
    timed = not run and move.hold is not None and move.reps is None
    return Move(
        exercise=move.exercise,
        reps=None if run or timed or move.reps is None else {"low": move.reps.low, "high": move.reps.high},
        hold_seconds={"low": move.hold.low, "high": move.hold.high} if timed and move.hold else None,
        distance_m=move.distance_m,
        rir={"low": move.effort.low, "high": move.effort.high} if move.effort else None,
        per_side=move.per_side or bool(move.reps and move.reps.per_side),
        load=move.load,
        notes="; ".join(move.notes),
    )
