"""Moves the library does not know, and the library plus those.

They come from another app's history (an import) or from a plan that describes its own moves
(one made from an article, say).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from repcoach.errors import UnknownName
from repcoach.library.catalogue import Catalogue
from repcoach.library.exercise import PATTERNS, Exercise, ExerciseKind, Pattern


@dataclass(frozen=True)
class CustomExercise:
    """What repcoach knows of such a move: its name and, when guessed or set, its pattern."""

    id: str
    name: str
    pattern: Pattern | None
    kind: ExerciseKind = "strength"
    primary_muscles: tuple[str, ...] = ()
    """Unknown: recovery scheduling leaves custom moves out."""
    cues: tuple[str, ...] = ()
    """Coaching cues, when a plan gives them."""


def custom_exercise(exercise_id: str, name: str, pattern: str | None) -> CustomExercise:
    """A custom exercise from stored text; a pattern outside the vocabulary counts as unknown."""
    known: Pattern | None = next((choice for choice in PATTERNS if choice == pattern), None)
    return CustomExercise(exercise_id, name, known)


class UserCatalogue:
    """The library, then the user's custom exercises, looked up by id or name."""

    def __init__(self, catalogue: Catalogue, custom: Iterable[CustomExercise]) -> None:
        self.catalogue = catalogue
        self._custom = {exercise.id: exercise for exercise in custom}

    def find(self, name: str) -> Exercise | CustomExercise | None:
        return self.catalogue.find(name) or self._custom.get(name)

    def get(self, name: str) -> Exercise | CustomExercise:
        """The exercise called ``name``.

        Raises:
            UnknownName: neither the library nor the custom moves have it.
        """
        found = self.find(name)
        if found is None:
            raise UnknownName("exercise", name, self.catalogue.suggest(name))
        return found

    def name_of(self, exercise_id: str) -> str:
        """The move's name, or its id when neither the library nor the custom moves have it (a plan since changed)."""
        found = self.find(exercise_id)
        return found.name if found else exercise_id

    def pattern_of(self, exercise_id: str) -> Pattern | None:
        found = self.find(exercise_id)
        return found.pattern if found else None
