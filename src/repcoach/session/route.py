"""The order of a program's work and rests, as pure functions of the program.

One round of a segment is a flat script of work items, each carrying the rest that follows it
within the round. Worked example, the reference back routine (Superset 1: renegade row,
Romanian deadlift, 90 s after; Superset 2: halo, single-arm row per side; 2 min after a round)::

    index  work                          rest after it, within the round
    0      renegade row                  0     (a superset has no rest between its moves)
    1      Romanian deadlift             90 s  "after Superset 1"
    2      halo                          0
    3      single-arm row, left          0     (the two sides of a move follow each other)
    4      single-arm row, right         —     end of round: the round rest (2 min) replaces
                                                the last block's own rest

What happens at the end of a round (another round, a choice, the next segment) is decided by
:class:`Route`'s ``next_round`` and ``next_segment`` and, in a live session, by the engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from repcoach.session.errors import EngineError
from repcoach.session.program import TRANSITION_REST_SECONDS, Program, Segment
from repcoach.session.steps import Rest, RoundChoice, Side, WorkStep


@dataclass(frozen=True, order=True)
class Position:
    """Where a work step is: segment, round and index in the segment's round script."""

    segment: int
    round: int
    index: int
    lap: int = 0
    """In an AMRAP, how many times its moves have gone round before this one."""


@dataclass(frozen=True)
class ScriptItem:
    """One work step of a round, with the rest after it within the round."""

    block_index: int
    set_number: int
    move_index: int
    side: Side | None
    rest_seconds: int = 0
    """Rest before the next item of the round; 0 for none. Always 0 for a round's last item."""
    rest_reason: str = ""
    starts_interval: bool = False
    """The first work of an interval of an interval block (EMOM): the interval's clock starts with it."""
    interval: int = 0
    """When the item ends an interval: its length in seconds. What is left of it is rested
    first, then ``rest_seconds``."""
    time_cap: int = 0
    """In an AMRAP: its time, counted from the start of its first item (``starts_interval``)."""


@dataclass(frozen=True)
class Leg:
    """The way to the next work step: a rest of ``rest_seconds`` (0 for none), then ``to``."""

    to: Position
    rest_seconds: int = 0
    rest_reason: str = ""


def round_script(segment: Segment) -> tuple[ScriptItem, ...]:
    """The work steps of one round of ``segment``, each with the rest that follows it.

    Blocks in order; within a block, for each set, the moves in order; a per-side move is two
    steps, left then right, with no rest between. Then rests: ``rest_between_moves`` after a
    move (not the set's last), ``rest_between_sets`` after a set (not the block's last),
    ``rest_after`` after a block (not the round's last, whose rest is the round rest).

    In an interval block an interval is a set, or one move of a circuit: its first item starts
    it, its last item ends it, and the rest after that begins with what is left of it.
    """
    items: list[ScriptItem] = []
    last_block = len(segment.blocks) - 1
    for b, block in enumerate(segment.blocks):
        last_move = len(block.moves) - 1
        per_move = block.kind == "circuit"
        for set_number in range(1, block.sets + 1):
            for m, move in enumerate(block.moves):
                starts = (bool(block.every) and (m == 0 or per_move)) or (bool(block.time_cap) and m == 0)
                ends = block.every if per_move or m == last_move else 0
                if move.per_side:
                    items.append(ScriptItem(b, set_number, m, "left", starts_interval=starts, time_cap=block.time_cap))
                    starts = False
                rest, reason = 0, ""
                if m < last_move:
                    rest, reason = block.rest_between_moves, "between moves"
                elif set_number < block.sets:
                    rest, reason = block.rest_between_sets, f"between sets of {block.name}"
                elif b < last_block:
                    rest, reason = block.rest_after, f"after {block.name}"
                if ends and not rest:
                    reason = "until the interval ends"
                side: Side | None = "right" if move.per_side else None
                reason = reason if rest or ends else ""
                items.append(ScriptItem(b, set_number, m, side, rest, reason, starts, ends, block.time_cap))
    return tuple(items)


class Route:
    """Every way from one work step to the next in a program; knows nothing of time or events."""

    def __init__(self, program: Program) -> None:
        """Flatten each segment's round once."""
        self.program = program
        self.scripts = tuple(round_script(segment) for segment in program.segments)

    def item(self, position: Position) -> ScriptItem:
        """The script item at ``position``."""
        return self.scripts[position.segment][position.index]

    def step(self, position: Position) -> WorkStep:
        """The work step at ``position``."""
        segment = self.program.segments[position.segment]
        item = self.item(position)
        block = segment.blocks[item.block_index]
        return WorkStep(
            segment_index=position.segment,
            segment_title=segment.title,
            plan_id=segment.plan_id,
            round=position.round,
            rounds=segment.rounds,
            block_index=item.block_index,
            block_name=block.name,
            block_kind=block.kind,
            set_number=item.set_number + position.lap,
            sets=block.sets,
            move_index=item.move_index,
            move=block.moves[item.move_index],
            side=item.side,
        )

    def within_round(self, position: Position) -> Leg | None:
        """The next work step of the same round, after the rest that follows ``position``; None at its end."""
        script = self.scripts[position.segment]
        if position.index + 1 == len(script):
            return None
        item = script[position.index]
        lap = position.lap if script[position.index + 1].block_index == item.block_index else 0  # an AMRAP's lap
        following = Position(position.segment, position.round, position.index + 1, lap)
        return Leg(following, item.rest_seconds, item.rest_reason)

    def lap_start(self, position: Position) -> Position:
        """The first step of the next lap of the AMRAP ``position`` is in."""
        script = self.scripts[position.segment]
        block = script[position.index].block_index
        first = next(index for index, item in enumerate(script) if item.block_index == block)
        return Position(position.segment, position.round, first, position.lap + 1)

    def block_end(self, position: Position) -> Position:
        """The last step of the block ``position`` is in, in the same lap."""
        script = self.scripts[position.segment]
        block = script[position.index].block_index
        last = max(index for index, item in enumerate(script) if item.block_index == block)
        return Position(position.segment, position.round, last, position.lap)

    def next_round(self, segment: int, round_number: int) -> Leg:
        """Round ``round_number + 1`` of ``segment``, after the round rest."""
        seconds = self.program.segments[segment].round_rest
        reason = f"after round {round_number}" if seconds else ""
        return Leg(Position(segment, round_number + 1, 0), seconds, reason)

    def next_segment(self, segment: int) -> Leg | None:
        """The first step of the segment after ``segment``, after the transition rest; None after the last."""
        following = segment + 1
        if following == len(self.program.segments):
            return None
        title = self.program.segments[following].title
        return Leg(Position(following, 1, 0), TRANSITION_REST_SECONDS, f"before {title}")

    def run(self, start: Leg, rounds: Mapping[int, int]) -> Iterator[WorkStep | Rest | RoundChoice]:
        """Everything from ``start`` to the end, each segment stopping after ``rounds[segment]`` rounds.

        A segment missing from ``rounds`` runs its minimum, or to the round ``start`` is in if
        that is later. Rests are given in full; a choice appears after each round from the
        minimum up to (not including) the maximum, where the user would be asked.
        """
        leg: Leg | None = start
        while leg is not None:
            position = leg.to
            step = self.step(position)
            if leg.rest_seconds:
                yield Rest(leg.rest_seconds, float(leg.rest_seconds), leg.rest_reason, step)
            yield step
            leg = self.within_round(position)
            if leg is not None:
                continue
            segment = self.program.segments[position.segment]
            last = rounds.get(position.segment, segment.rounds.low)
            if position.segment == start.to.segment:
                last = max(last, start.to.round)
            if segment.rounds.low <= position.round < segment.rounds.high:
                rest = segment.round_rest
                yield RoundChoice(position.segment, segment.title, position.round, segment.rounds, rest, float(rest))
            if position.round < last:
                leg = self.next_round(position.segment, position.round)
            else:
                leg = self.next_segment(position.segment)

    def timeline(self, rounds_per_segment: Mapping[int, int] | None = None) -> list[WorkStep | Rest | RoundChoice]:
        """The whole program as planned, each segment run for its given rounds (default: its minimum).

        Raises:
            EngineError: a segment index that does not exist, or rounds outside a segment's range.
        """
        chosen = dict(rounds_per_segment or {})
        segments = self.program.segments
        for index, rounds in chosen.items():
            if not 0 <= index < len(segments):
                raise EngineError(f"There is no segment {index}; this session has segments 0 to {len(segments) - 1}.")
            allowed = segments[index].rounds
            if not allowed.low <= rounds <= allowed.high:
                raise EngineError(f"{segments[index].title} runs {allowed} rounds, not {rounds}.")
        return list(self.run(Leg(Position(0, 1, 0)), chosen))
