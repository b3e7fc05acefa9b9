"""A session's program: the plans it runs, in order, each as a segment with its own rounds.

The store keeps a program with its session (:meth:`Program.to_dict`), so a resumed session
runs exactly the program it started with even if the built-in plans have changed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from repcoach.library.custom import UserCatalogue
from repcoach.plan import Block, LoadClass, LoadGuide, Move, Plan
from repcoach.plan.own_exercises import OwnExercise, OwnExercises, exercise_lookup
from repcoach.plan.ranges import Rounds

TRANSITION_REST_SECONDS = 60
"""Rest between two segments (warm-up → main plan → paired plan): time to get the next bells ready."""


class Segment(BaseModel):
    """One plan within a session: its blocks, repeated for its rounds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan_id: str
    """The plan's id, e.g. ``kettlebell-back``."""
    title: str
    """The plan's title, shown with every step and in the transition rest before it."""
    blocks: tuple[Block, ...] = Field(min_length=1)
    """The blocks of one round, in order."""
    rounds: Rounds
    """From ``rounds.low`` on the user may end the rounds; after ``rounds.high`` they end by themselves."""
    rest_after_round: int | None = Field(default=None, ge=0)
    """Rest between rounds; replaces the last block's ``rest_after``. None: the last block's rest applies."""
    loads: dict[LoadClass, LoadGuide] = Field(default_factory=dict)
    """The plan's weight advice per load class, for the bell suggestions shown during work."""
    exercises: OwnExercises = Field(default_factory=dict)
    """The plan's own moves, those outside the library."""
    warmup: bool = False
    """Run as the warm-up of the session's plan: the summary at its end leaves it out of what comes next."""

    @classmethod
    def of(cls, plan: Plan, warmup: bool = False) -> Segment:
        """The segment that runs ``plan`` (as the session's warm-up when ``warmup``)."""
        return cls(
            warmup=warmup,
            plan_id=plan.id,
            title=plan.title,
            blocks=plan.blocks,
            rounds=plan.rounds,
            rest_after_round=plan.rest_after_round,
            loads=plan.loads,
            exercises=plan.exercises,
        )

    @property
    def round_rest(self) -> int:
        """Seconds of rest between two rounds: ``rest_after_round``, else the last block's ``rest_after``."""
        return self.rest_after_round if self.rest_after_round is not None else self.blocks[-1].rest_after


class Program(BaseModel):
    """What one session runs: segments in order, with a transition rest between two of them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    segments: tuple[Segment, ...] = Field(min_length=1)
    """Warm-up (if any), the main plan, then each paired plan."""

    @classmethod
    def compose(cls, main: Plan, warmup: Plan | None = None, paired: Sequence[Plan] = ()) -> Program:
        """The program of a session: warm-up first, then ``main``, then each paired plan in order.

        Args:
            main: the plan the session is about, e.g. ``kettlebell-back``.
            warmup: a plan run once before it, e.g. ``upper-body-warmup``.
            paired: plans run after it for a longer session, e.g. ``legs-glutes`` for a full-body day.
        """
        warm = (Segment.of(warmup, warmup=True),) if warmup is not None else ()
        return cls(segments=(*warm, *(Segment.of(plan) for plan in (main, *paired))))

    @property
    def title(self) -> str:
        """The session's name: every segment's title, joined by ``+``."""
        return " + ".join(segment.title for segment in self.segments)

    @property
    def moves(self) -> list[Move]:
        """Every move of every segment, in order (a move in several blocks comes once per block)."""
        return [move for segment in self.segments for block in segment.blocks for move in block.moves]

    @property
    def plan_ids(self) -> list[str]:
        """The segments' plan ids, in order."""
        return [segment.plan_id for segment in self.segments]

    @property
    def own_exercises(self) -> dict[str, OwnExercise]:
        """The plans' own moves, those outside the library (the first plan's description of an id wins)."""
        own: dict[str, OwnExercise] = {}
        for segment in self.segments:
            own = segment.exercises | own
        return own

    def exercise_lookup(self) -> UserCatalogue:
        """Where the session's moves are looked up: the library, then its plans' own exercises."""
        return exercise_lookup(self.own_exercises)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form for the store; :meth:`from_dict` gives back an equal program."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Program:
        """The program back from :meth:`to_dict`.

        Raises:
            pydantic.ValidationError: ``data`` is not a program.
        """
        return cls.model_validate(data)
