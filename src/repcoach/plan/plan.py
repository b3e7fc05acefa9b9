"""A plan: a routine as validated, readable data."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from repcoach.library.custom import UserCatalogue
from repcoach.plan.block import Block, Seconds
from repcoach.plan.move import LoadClass
from repcoach.plan.own_exercises import OwnExercises, exercise_lookup
from repcoach.plan.ranges import CountRange, IntRange, Rounds, at_most
from repcoach.units import Unit
from repcoach.validation import ID_PATTERN

HOURS_APART_MOST = 4 * 7 * 24
"""The most hours a plan may ask between two sessions: four weeks."""


class LoadGuide(BaseModel):
    """The article's weight advice for a load class, e.g. light-medium is about 5-15 lb."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: float = Field(gt=0)
    high: float = Field(gt=0)
    unit: Unit

    @model_validator(mode="after")
    def _ordered(self) -> LoadGuide:
        if self.low > self.high:
            raise ValueError(f"load guide {self.low}-{self.high} {self.unit} runs backwards")
        return self

    def __str__(self) -> str:
        return f"about {self.low:g}-{self.high:g} {self.unit}"


class Schedule(BaseModel):
    """How often the plan is meant to be trained and how long to recover in between."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sessions_per_week: Annotated[CountRange, at_most(14)] = IntRange(low=2, high=3)
    min_hours_between: int = Field(default=24, ge=0, le=HOURS_APART_MOST)
    ideal_hours_between: int = Field(default=48, ge=0, le=HOURS_APART_MOST)


class Plan(BaseModel):
    """A routine: blocks done in order, the whole sequence repeated for ``rounds``.

    Between rounds the plan's ``rest_after_round`` replaces the last block's own rest; after
    the final round there is no rest. From ``rounds.low`` on, the user may finish or go on,
    up to ``rounds.high``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    """Short name used on the command line: ``kettlebell-back``."""
    title: str = Field(min_length=1)
    summary: str = ""
    why: str = ""
    """What the routine is for, in a sentence or two."""
    rounds: Rounds = IntRange(low=1, high=1)
    rest_after_round: Seconds | None = None
    blocks: tuple[Block, ...] = Field(min_length=1)
    loads: dict[LoadClass, LoadGuide] = Field(default_factory=dict)
    warmup: str | None = None
    """Id of the plan suggested as this one's warm-up."""
    pairs_with: tuple[str, ...] = ()
    """Ids of plans that combine with this one into a longer session."""
    schedule: Schedule = Schedule()
    notes: tuple[str, ...] = ()
    exercises: OwnExercises = Field(default_factory=dict)
    """Moves the library does not have, described here, by the id the plan's moves use."""

    def exercise_lookup(self) -> UserCatalogue:
        """Where the plan's moves are looked up: the library, then the plan's own exercises."""
        return exercise_lookup(self.exercises)

    def exercise_ids(self) -> list[str]:
        """Every exercise the plan uses, in order of first use."""
        return list(dict.fromkeys(move.exercise for block in self.blocks for move in block.moves))
