"""A move: one exercise of a block with its prescription for one set."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from repcoach.plan.ranges import RepsRange, RirRange, SecondsRange

LoadClass = Literal["bodyweight", "light", "light-medium", "medium", "medium-heavy", "heavy"]
"""How heavy a bell a move wants, relative to the user's own bells."""
LOAD_CLASSES: tuple[LoadClass, ...] = ("bodyweight", "light", "light-medium", "medium", "medium-heavy", "heavy")


class Move(BaseModel):
    """One exercise in a block and what one set of it should be.

    Exactly one of ``reps`` and ``hold_seconds`` is given: a set is either counted or timed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    exercise: str = Field(min_length=1)
    """Id of an exercise in the library, e.g. ``single-arm-row``."""
    reps: RepsRange | None = None
    """Target reps for one set, e.g. ``6-10``; the user logs what they really did."""
    hold_seconds: SecondsRange | None = None
    """Target time for a timed set (a hold or timed work), e.g. ``20-30 s``."""
    rir: RirRange | None = None
    """Target reps in reserve at the end of a set: ``0-2`` means the last two reps are very hard."""
    per_side: bool = False
    """The target is for each side: a unilateral move is then done left, then right."""
    load: LoadClass | None = None
    """Which of the user's bells the move uses, as a class (``light-medium``)."""
    notes: str = ""
    """Tempo or technique notes shown with the move."""

    @model_validator(mode="after")
    def _counted_or_timed(self) -> Move:
        if (self.reps is None) == (self.hold_seconds is None):
            raise ValueError('give either reps (e.g. reps = "6-10") or hold_seconds (e.g. "30 s"), not both')
        return self

    @property
    def target(self) -> str:
        """The prescription as a person reads it: ``6-10 reps``, ``8 per side``, ``30 s``."""
        text = f"{self.reps} reps" if self.reps is not None else f"{self.hold_seconds} s"
        return f"{text} per side" if self.per_side else text
