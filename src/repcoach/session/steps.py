"""What the engine says comes now: work, a rest, a choice of rounds, or the end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from repcoach.plan import BlockKind, IntRange, Move

Side = Literal["left", "right"]
"""Which side a per-side move is done on."""


@dataclass(frozen=True)
class WorkStep:
    """One set of one move (one side of it, for a per-side move)."""

    segment_index: int
    """Position of the segment (warm-up, main plan, paired plan) in the program, from 0."""
    segment_title: str
    """The segment's plan title, e.g. ``Kettlebell back workout``."""
    plan_id: str
    """The segment's plan id, e.g. ``kettlebell-back``."""
    round: int
    """The round of the segment, from 1."""
    rounds: IntRange
    """The segment's rounds, e.g. 3-5."""
    block_index: int
    """Position of the block in the plan, from 0."""
    block_name: str
    """As the plan names it: ``Superset 1``."""
    block_kind: BlockKind
    """``superset``, ``circuit`` or ``straight``."""
    set_number: int
    """Which set of the block this is, from 1 (blocks done several times in a row within a round)."""
    sets: int
    """How many sets of the block a round holds."""
    move_index: int
    """Position of the move in the block, from 0."""
    move: Move
    """The move with its targets (reps or hold seconds, RIR, load class)."""
    side: Side | None
    """``left`` or ``right`` for a per-side move (left first, right straight after), else None."""
    time_left: float | None = None
    """In an AMRAP: the seconds left of its time, as of when the step was read."""

    @property
    def key(self) -> str:
        """A stable name of the position within the program, e.g. ``0/r2/b1/s1/m1/left``.

        Segment, round, block, set and move are all numbered, so no two steps of a session
        share a key and the same step gets the same key after a restore.
        """
        side = f"/{self.side}" if self.side else ""
        return f"{self.segment_index}/r{self.round}/b{self.block_index}/s{self.set_number}/m{self.move_index}{side}"

    @property
    def round_label(self) -> str:
        """``Round 2 of 3-5``."""
        return f"Round {self.round} of {self.rounds}"


@dataclass(frozen=True)
class Rest:
    """A rest with its countdown; ``remaining`` is as of the moment the state was read."""

    seconds: int
    """The whole rest, as planned."""
    remaining: float
    """Seconds left; frozen while paused."""
    reason: str
    """``after Superset 1``, ``after round 2``, ``between moves``, ``between sets of Squats``,
    ``before Kettlebell legs and glutes``."""
    next: WorkStep
    """The work that follows the rest."""
    paused: bool = False
    """The countdown is stopped."""


@dataclass(frozen=True)
class RoundChoice:
    """A round at or past the minimum is done: another round, or end the rounds and move on."""

    segment_index: int
    """The segment whose round ended."""
    segment_title: str
    """Its plan title."""
    round: int
    """The round just completed."""
    rounds: IntRange
    """The segment's rounds, e.g. 3-5."""
    rest_seconds: int
    """The rest before another round; it counts from the end of this round, so deciding is resting."""
    rest_remaining: float
    """What is left of that rest now (0 when another round would start at once)."""
    paused: bool = False
    """The session is paused (the round rest does not run down)."""


@dataclass(frozen=True)
class Finished:
    """The session is over."""

    ended_early: bool = False
    """Ended with ``FinishSession`` rather than by completing the last segment."""


State = WorkStep | Rest | RoundChoice | Finished
"""What :attr:`SessionEngine.state` returns."""


@dataclass(frozen=True)
class Progress:
    """How far the session has come, counted in work steps (each side of a per-side move is one)."""

    done_sets: int
    """Sets logged (and not undone)."""
    skipped_sets: int
    """Moves skipped (and not undone)."""
    remaining_sets: int
    """Work steps still to come, the current one included, if every segment stops at its minimum
    rounds (or at the round in progress, when past it)."""

    @property
    def planned_sets(self) -> int:
        """Done, skipped and remaining together: the ``33`` of ``set 12 of 33``."""
        return self.done_sets + self.skipped_sets + self.remaining_sets


def state_key(state: State) -> str:
    """Where a session stands, as a name that is the same wherever it is computed.

    ``work:0/r2/b1/s1/m1/left`` (a work step, by :attr:`WorkStep.key`), ``rest:…`` (a rest, by the
    step after it), ``choice:0/r3`` (the choice after round 3 of segment 0), or ``finished``.
    A device that walks a session alone names each event with the key it was at, so the server
    can tell whether it is at the same place.
    """
    if isinstance(state, WorkStep):
        return f"work:{state.key}"
    if isinstance(state, Rest):
        return f"rest:{state.next.key}"
    if isinstance(state, RoundChoice):
        return f"choice:{state.segment_index}/r{state.round}"
    return "finished"
