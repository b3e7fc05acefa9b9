"""What a history export reads as: sets in the app's own words, rows skipped, rows that were wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

from repcoach.errors import Problem
from repcoach.store.records import SetKind
from repcoach.units import Unit

Source = Literal["strong", "hevy", "fitnotes"]
SOURCES: tuple[Source, ...] = ("strong", "hevy", "fitnotes")


class ImportedSet(NamedTuple):
    """One set row of an export, in kilograms, metres and seconds (a tuple: a history has 100 000)."""

    row: int
    """The line of the file it starts on (1 is the header)."""
    workout_key: str
    """The workout's identity in its app (app and start time), the same in every later export."""
    workout_title: str
    started_at: datetime
    """When the workout started, aware, in the user's time zone."""
    duration_seconds: int | None
    exercise_name: str
    """As the app writes it, e.g. ``Romanian Deadlift (Dumbbell)``."""
    set_order: int
    """1 for the first set of this exercise in the workout."""
    kind: SetKind = "normal"
    reps: int | None = None
    weight_kg: float | None = None
    distance_m: float | None = None
    seconds: int | None = None
    rpe: float | None = None
    notes: str = ""
    workout_notes: str = ""
    superset_id: str | None = None

    @property
    def rir(self) -> int | None:
        """Reps in reserve, from RPE: RPE 8 is 2 reps left; a half point is rounded down (RPE 8.5 → 1)."""
        return None if self.rpe is None else max(0, int(10 - self.rpe))


class SkippedRow(NamedTuple):
    """A row that is not a set, left out on purpose (a rest timer, an empty set); a tuple: Strong writes one per set."""

    row: int
    reason: str


@dataclass(frozen=True)
class ParsedExport:
    source: Source
    layout: str
    """The variant, as a user would name it: ``Strong (Android)``."""
    unit: Unit | None
    """The unit weights were read in when the file does not say; None when every row says."""
    sets: list[ImportedSet] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Rows that could not be read; their whole workout is left out so a fixed file can add it later."""
    kept_without: list[Problem] = field(default_factory=list)
    """Cells a set does not need (RPE, distance, set type) that could not be read: the set is kept without them."""
