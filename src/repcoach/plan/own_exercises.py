"""Moves a plan describes itself, because the library does not have them.

A plan made from an article names whatever moves the article names; the ones outside the
library travel with the plan (and with each session of it), so the plan runs anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from repcoach.library import Catalogue, Pattern, load_catalogue
from repcoach.library.custom import CustomExercise, UserCatalogue
from repcoach.validation import ID_PATTERN


class OwnExercise(BaseModel):
    """A move outside the library, as the plan that uses it describes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    """As a person writes it: ``Bulgarian split squat``."""
    pattern: Pattern | None = None
    """Its movement pattern, which push/pull balance counts by; left out when none fits."""
    cues: tuple[Annotated[str, Field(min_length=1)], ...] = Field(default=(), max_length=5)
    """Short coaching cues, shown while the move is done."""

    def as_custom(self, exercise_id: str) -> CustomExercise:
        return CustomExercise(exercise_id, self.name, self.pattern, cues=self.cues)


OwnExercises = dict[Annotated[str, Field(pattern=ID_PATTERN)], OwnExercise]
"""By the id the plan's moves use: ``bulgarian-split-squat``."""


def exercise_lookup(own: Mapping[str, OwnExercise], catalogue: Catalogue | None = None) -> UserCatalogue:
    """The library (the built-in one by default), then ``own``."""
    custom = [exercise.as_custom(exercise_id) for exercise_id, exercise in own.items()]
    return UserCatalogue(catalogue or load_catalogue(), custom)
