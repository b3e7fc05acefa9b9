"""A move: one exercise of a block with its prescription for one set."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from repcoach.limits import MAX_DISTANCE_M
from repcoach.plan.ranges import RepsRange, RirRange, SecondsRange
from repcoach.units import format_distance, parse_distance

LoadClass = Literal["bodyweight", "light", "light-medium", "medium", "medium-heavy", "heavy"]
"""How heavy a bell a move wants, relative to the user's own bells."""
LOAD_CLASSES: tuple[LoadClass, ...] = ("bodyweight", "light", "light-medium", "medium", "medium-heavy", "heavy")
Measure = Literal["reps", "seconds", "metres"]
"""What a set of a move is counted in: reps, seconds (a hold or timed work), or metres (a run, a carry)."""


def _metres(value: Any) -> Any:
    """``400``, ``"400 m"`` or ``"1 mile"`` as metres; anything else is left for pydantic to refuse."""
    return parse_distance(value) if isinstance(value, str) else value


Metres = Annotated[float, BeforeValidator(_metres), Field(gt=0, le=MAX_DISTANCE_M)]


class Move(BaseModel):
    """One exercise in a block and what one set of it should be.

    Exactly one of ``reps``, ``hold_seconds`` and ``distance_m`` is given: a set is counted, timed or run.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    exercise: str = Field(min_length=1)
    """Id of an exercise in the library, e.g. ``single-arm-row``."""
    reps: RepsRange | None = None
    """Target reps for one set, e.g. ``6-10``; the user logs what they really did."""
    hold_seconds: SecondsRange | None = None
    """Target time for a timed set (a hold or timed work), e.g. ``20-30 s``."""
    distance_m: Metres | None = None
    """Target distance for a set (a run, a row, a carry), in metres, written ``400``, ``"400 m"`` or ``"1 mile"``."""
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
        given = [target for target in (self.reps, self.hold_seconds, self.distance_m) if target is not None]
        if len(given) != 1:
            raise ValueError(
                'give one of reps (e.g. reps = "6-10"), hold_seconds (e.g. "30 s") or distance_m (e.g. "400 m")'
            )
        return self

    @property
    def measure(self) -> Measure:
        """What a set of this move is counted in."""
        return "reps" if self.reps is not None else "seconds" if self.hold_seconds is not None else "metres"

    @property
    def most(self) -> int:
        """The top of the target in its measure (reps, seconds or whole metres): what a done set logs unless told."""
        if self.distance_m is not None:
            return round(self.distance_m)
        counted = self.reps or self.hold_seconds
        assert counted is not None
        return counted.high

    @property
    def target(self) -> str:
        """The prescription as a person reads it: ``6-10 reps``, ``8 reps per side``, ``30 s``, ``400 m``."""
        if self.distance_m is not None:
            text = format_distance(self.distance_m)
        else:
            text = f"{self.reps} reps" if self.reps is not None else f"{self.hold_seconds} s"
        return f"{text} per side" if self.per_side else text
