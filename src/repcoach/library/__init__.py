"""The exercise catalogue as validated data: names, muscles, patterns, cues and mistakes."""

from repcoach.library.catalogue import Catalogue, load_catalogue
from repcoach.library.exercise import (
    EQUIPMENT,
    EXERCISE_KINDS,
    PATTERNS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    SIDES,
    Equipment,
    Exercise,
    ExerciseKind,
    Pattern,
    Sided,
)
from repcoach.library.naming import normalise

__all__ = [
    "EQUIPMENT",
    "EXERCISE_KINDS",
    "PATTERNS",
    "PULL_PATTERNS",
    "PUSH_PATTERNS",
    "SIDES",
    "Catalogue",
    "Equipment",
    "Exercise",
    "ExerciseKind",
    "Pattern",
    "Sided",
    "load_catalogue",
    "normalise",
]
