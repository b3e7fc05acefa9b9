"""The exercise catalogue as validated data: names, muscles, patterns, cues and mistakes."""

from repcoach.library.catalogue import Catalogue, load_catalogue, normalise
from repcoach.library.exercise import (
    PATTERNS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    Equipment,
    Exercise,
    ExerciseKind,
    Pattern,
    Sided,
)

__all__ = [
    "PATTERNS",
    "PULL_PATTERNS",
    "PUSH_PATTERNS",
    "Catalogue",
    "Equipment",
    "Exercise",
    "ExerciseKind",
    "Pattern",
    "Sided",
    "load_catalogue",
    "normalise",
]
