"""An inclusive whole-number range: target reps (6-10), rounds (3-5), hold seconds (20-30)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PlainSerializer, model_validator

from repcoach.limits import MAX_REPS, MAX_RIR, MAX_ROUNDS, MAX_SET_SECONDS
from repcoach.plan.quantities import parse_range


class IntRange(BaseModel):
    """``low``..``high`` inclusive; a single number is a range of one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: int
    """Smallest target (the user may stop here)."""
    high: int
    """Largest target (the user may go on to here)."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        parsed = parse_range(value)
        if isinstance(parsed, str):
            raise ValueError(f"write a number or a range like '6-10' (got {value!r})")
        return parsed

    @model_validator(mode="after")
    def _ordered(self) -> IntRange:
        if self.low < 0:
            raise ValueError(f"must be 0 or more (got {self})")
        if self.low > self.high:
            raise ValueError(
                f"range {self.low}-{self.high} runs backwards; write the smaller number first ({self.high}-{self.low})"
            )
        return self

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def _seconds_range(value: Any) -> Any:
    return parse_range(value, unit_pattern=r"s|sec|secs|seconds?")


def at_most(limit: int) -> AfterValidator:
    """A range's check that it ends at ``limit`` or below, the most a set or session can hold (repcoach.limits)."""

    def check(value: IntRange) -> IntRange:
        if value.high > limit:
            raise ValueError(f"must be {limit} or less (got {value})")
        return value

    return AfterValidator(check)


SecondsRange = Annotated[IntRange, BeforeValidator(_seconds_range), at_most(MAX_SET_SECONDS), PlainSerializer(str)]
"""A range of seconds, written ``"20-30 s"`` or ``30``."""

RepsRange = Annotated[IntRange, at_most(MAX_REPS), PlainSerializer(str)]
"""A range of reps, written ``"6-10"`` or ``8``."""

RirRange = Annotated[IntRange, at_most(MAX_RIR), PlainSerializer(str)]
"""Reps in reserve at a set's end, ``"0-2"``."""

CountRange = Annotated[IntRange, PlainSerializer(str)]
"""A range of counts, written ``"2-3"`` or ``3``."""


def _at_least_one(rounds: IntRange) -> IntRange:
    if rounds.low < 1:
        raise ValueError(f"rounds must start at 1 or more (got {rounds})")
    return rounds


Rounds = Annotated[IntRange, AfterValidator(_at_least_one), at_most(MAX_ROUNDS), PlainSerializer(str)]
"""How many times a plan's blocks are done, ``3-5``: at least one."""
