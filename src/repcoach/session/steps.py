"""What the engine says comes now: work, a rest, a choice of rounds, or the end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from repcoach.plan import BlockKind, IntRange, Move

Side = Literal["left", "right"]


@dataclass(frozen=True)
class WorkStep:
    """One set of one move (one side of it, for a per-side move)."""

    segment_index: int
    segment_title: str
    plan_id: str
    round: int
    rounds: IntRange
    block_index: int
    block_name: str
    block_kind: BlockKind
    set_number: int
    """Which set of the block this is, for blocks done several times in a row."""
    sets: int
    move_index: int
    move: Move
    side: Side | None

    @property
    def key(self) -> str:
        """A stable name of the position, e.g. ``0/r2/b1/s1/m1/left``."""
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
    remaining: float
    reason: str
    """``after Superset 1``, ``after round 2``, ``between moves``, ``before Kettlebell legs and glutes``."""
    next: WorkStep
    paused: bool = False


@dataclass(frozen=True)
class RoundChoice:
    """A round at or past the minimum is done: another round, or move on."""

    segment_index: int
    segment_title: str
    round: int
    rounds: IntRange
    rest_seconds: int
    """The rest before another round, counted from the end of this one."""


@dataclass(frozen=True)
class Finished:
    """The session is over."""


State = WorkStep | Rest | RoundChoice | Finished
