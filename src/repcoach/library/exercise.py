"""An exercise in the library: what it is, what it trains, how to do it well."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Pattern = Literal[
    "horizontal-push", "vertical-push", "horizontal-pull", "vertical-pull", "hinge", "squat", "carry", "core", "mobility"
]
Equipment = Literal[
    "kettlebell", "dumbbell", "barbell", "bodyweight", "band", "machine", "cable", "bench", "pull-up-bar"
]
Sided = Literal["bilateral", "unilateral", "alternating"]
ExerciseKind = Literal["strength", "accessory", "mobility"]

PATTERNS: tuple[Pattern, ...] = get_args(Pattern)
PUSH_PATTERNS: frozenset[Pattern] = frozenset({"horizontal-push", "vertical-push"})
PULL_PATTERNS: frozenset[Pattern] = frozenset({"horizontal-pull", "vertical-pull"})


class Exercise(BaseModel):
    """One move of the catalogue."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    """Short name used in plan files: ``single-arm-row``."""
    name: str = Field(min_length=1)
    """As a person writes it: ``Single-arm row``."""
    aliases: tuple[str, ...] = ()
    """Other names people use (in articles, in Strong or Hevy): ``one-arm row``, ``RDL``."""
    summary: str = Field(min_length=1)
    """What the move is, in one sentence."""
    equipment: tuple[Equipment, ...] = Field(min_length=1)
    primary_muscles: tuple[str, ...] = Field(min_length=1)
    secondary_muscles: tuple[str, ...] = ()
    pattern: Pattern
    """Movement pattern, which push/pull balance counts by."""
    sided: Sided
    """Both sides at once, one side then the other, or alternating rep by rep."""
    kind: ExerciseKind
    """An estimated one-rep max means something only for ``strength`` moves."""
    cues: tuple[str, ...] = Field(min_length=3, max_length=5)
    """Three to five short coaching cues."""
    mistakes: tuple[str, ...] = Field(min_length=2, max_length=4)
    """Two to four common mistakes."""
