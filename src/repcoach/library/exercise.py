"""An exercise in the library: what it is, what it trains, how to do it well."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from repcoach.validation import ID_PATTERN

Pattern = Literal[
    "horizontal-push",
    "vertical-push",
    "horizontal-pull",
    "vertical-pull",
    "hinge",
    "squat",
    "carry",
    "core",
    "mobility",
    "isolation",
    "conditioning",
]
"""Movement pattern; lunges and split squats count as ``squat``, single-joint moves (curls) as ``isolation``,
whole-body moves done for the heart and lungs (burpees, jumping jacks) as ``conditioning``."""
Equipment = Literal[
    "kettlebell", "dumbbell", "barbell", "bodyweight", "band", "machine", "cable", "bench", "pull-up-bar"
]
Sided = Literal["bilateral", "unilateral", "alternating"]
"""Both sides at once; one side, then the other; or sides alternating rep by rep."""
ExerciseKind = Literal["strength", "accessory", "mobility"]
"""Only ``strength`` moves get an estimated one-rep max."""

PATTERNS: tuple[Pattern, ...] = get_args(Pattern)
EQUIPMENT: tuple[Equipment, ...] = get_args(Equipment)
SIDES: tuple[Sided, ...] = get_args(Sided)
EXERCISE_KINDS: tuple[ExerciseKind, ...] = get_args(ExerciseKind)
PUSH_PATTERNS: frozenset[Pattern] = frozenset({"horizontal-push", "vertical-push"})
"""Pushing work, weighed against pulling (and hinging) work for balance."""
PULL_PATTERNS: frozenset[Pattern] = frozenset({"horizontal-pull", "vertical-pull"})

Text = Annotated[str, Field(min_length=1)]


class Exercise(BaseModel):
    """One move of the catalogue."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    """Short name used in plan files and on the command line: ``single-arm-row``."""
    name: Text
    """As a person writes it: ``Single-arm row``."""
    aliases: tuple[Text, ...] = ()
    """Other names people use (in articles, in Strong or Hevy): ``one-arm row``, ``RDL``."""
    summary: Text
    """What the move is, in one sentence."""
    equipment: tuple[Equipment, ...] = Field(min_length=1)
    """What the move can be done with; ``bodyweight`` alone means nothing is needed."""
    primary_muscles: tuple[Text, ...] = Field(min_length=1)
    """The muscles the move is mainly for; recovery between sessions is judged by these."""
    secondary_muscles: tuple[Text, ...] = ()
    """Muscles that help or stabilise."""
    pattern: Pattern
    """Movement pattern, which push/pull balance counts by."""
    sided: Sided
    """Both sides at once, one side then the other, or alternating rep by rep."""
    kind: ExerciseKind
    """An estimated one-rep max means something only for ``strength`` moves."""
    cues: tuple[Text, ...]
    """Three to five short coaching cues, in the order they matter during a rep."""
    mistakes: tuple[Text, ...]
    """Two to four common mistakes."""

    @field_validator("cues")
    @classmethod
    def _three_to_five_cues(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        return _count_between(cues, 3, 5, "cues")

    @field_validator("mistakes")
    @classmethod
    def _two_to_four_mistakes(cls, mistakes: tuple[str, ...]) -> tuple[str, ...]:
        return _count_between(mistakes, 2, 4, "mistakes")


def _count_between(items: tuple[str, ...], low: int, high: int, what: str) -> tuple[str, ...]:
    if not low <= len(items) <= high:
        raise ValueError(f"give {low} to {high} {what}, this entry has {len(items)}")
    return items
