"""One row of an export read as a set, in each app's own terms.

A reader first names the workout a row belongs to (so a wrong row can take its whole workout out
of the import) and then reads the set, or says why the row is not a set (a rest timer, an empty row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from typing import NamedTuple, Protocol, TypeVar

from repcoach.io.history_import import values
from repcoach.io.history_import.layouts import Layout
from repcoach.io.history_import.values import BadValue, count, number, positive
from repcoach.store.records import SetKind
from repcoach.units import Unit, to_kg

T = TypeVar("T")

FITNOTES_TIME = time(12, 0)
"""FitNotes logs days, not times: a day's workout is placed at noon, which keeps it on its day."""
REST_TIMER = "rest timer"
EMPTY_SET = "empty set: no reps, weight, time or distance"
_STRONG_MARKS: dict[str, SetKind] = {"w": "warmup", "d": "dropset", "f": "failure"}
_HEVY_TYPES: dict[str, SetKind] = {"normal": "normal", "warmup": "warmup", "dropset": "dropset", "failure": "failure"}


class CellError(Exception):
    """A cell that could not be read: its column as the file names it, and why."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


@dataclass(frozen=True)
class Workout:
    key: str
    title: str
    started_at: datetime
    duration_seconds: int | None
    notes: str


class RowSet(NamedTuple):
    """A set before its place among the workout's sets is counted (a tuple: built once per row)."""

    workout: Workout
    exercise_name: str
    kind: SetKind
    reps: int | None
    weight_kg: float | None
    distance_m: float | None
    seconds: int | None
    rpe: float | None
    notes: str
    superset_id: str | None


class Cells:
    """A row's fields by meaning, each read with the column name at hand for the error."""

    def __init__(self, layout: Layout, fields: list[str], time_zone: tzinfo, unit: Unit) -> None:
        self.layout, self.fields, self.time_zone, self.unit = layout, fields, time_zone, unit

    def text(self, meaning: str) -> str:
        index = self.layout.columns.get(meaning)
        return self.fields[index].strip() if index is not None else ""

    def read(self, meaning: str, parse: Callable[[str], T]) -> T:
        try:
            return parse(self.text(meaning))
        except BadValue as error:
            raise CellError(self.layout.column_name(meaning), str(error)) from None

    def moment(self, meaning: str) -> datetime:
        return self.read(meaning, values.local_time).replace(tzinfo=self.time_zone)

    def weight_kg(self) -> float | None:
        weight = positive(self.read("weight", lambda text: number(text, "weight")))
        said = self.layout.units.get("weight") or self.read(
            "weight_unit", lambda text: values.weight_unit(text, "unit")
        )
        return None if weight is None else to_kg(weight, "lb" if (said or self.unit) == "lb" else "kg")

    def distance_m(self, default_unit: str) -> float | None:
        distance = positive(self.read("distance", lambda text: number(text, "distance")))
        unit = self.layout.units.get("distance") or self.text("distance_unit") or default_unit
        return self.read("distance_unit", lambda _: values.metres(distance, unit, "distance unit"))

    def reps(self) -> int | None:
        return positive(self.read("reps", lambda text: count(text, "reps")))  # type: ignore[return-value]

    def seconds(self, meaning: str) -> int | None:
        return positive(self.read(meaning, lambda text: values.duration(text, "time")))  # type: ignore[return-value]

    def rpe(self) -> float | None:
        return self.read("rpe", _rpe)


class RowReader(Protocol):
    workout_meanings: tuple[str, ...]
    """The cells that make a workout what it is: rows equal in them share one, read once."""

    def workout(self, cells: Cells) -> Workout: ...

    def read(self, cells: Cells, workout: Workout) -> RowSet | str:
        """The set, or the reason the row is not one."""
        ...


class StrongRows:
    """Strong: a row per set, rest timers among them; ``W``, ``D``, ``F`` in Set Order mark the kind."""

    workout_meanings: tuple[str, ...] = ("date", "workout", "duration", "workout_notes")

    def workout(self, cells: Cells) -> Workout:
        started = cells.moment("date")
        return Workout(
            key=f"strong:{started:%Y-%m-%dT%H:%M:%S}",
            title=cells.text("workout") or "Strong workout",
            started_at=started,
            duration_seconds=cells.seconds("duration"),
            notes=cells.text("workout_notes"),
        )

    def read(self, cells: Cells, workout: Workout) -> RowSet | str:
        order = cells.text("set_order")
        if REST_TIMER in (order.lower(), cells.text("exercise").lower()):
            return REST_TIMER
        kind = _STRONG_MARKS.get(order.lower(), "normal")
        if not order.isdigit() and order.lower() not in _STRONG_MARKS:
            if cells.seconds("seconds") and not cells.reps() and not cells.weight_kg():
                return REST_TIMER  # a header in another language names the rest timer in that language
            raise CellError(cells.layout.column_name("set_order"), f"'{order}' is not a set number, W, D or F")
        return _set(cells, workout, kind, distance_unit="km" if cells.unit == "kg" else "mi", seconds="seconds")


class HevyRows:
    """Hevy: a row per set with its ``set_type``; the workout's start and end on every row."""

    workout_meanings: tuple[str, ...] = ("date", "end", "workout", "workout_notes")

    def workout(self, cells: Cells) -> Workout:
        started = cells.moment("date")
        ended = cells.moment("end") if cells.text("end") else None
        return Workout(
            key=f"hevy:{started:%Y-%m-%dT%H:%M}",
            title=cells.text("workout") or "Hevy workout",
            started_at=started,
            duration_seconds=int((ended - started).total_seconds()) if ended and ended > started else None,
            notes=cells.text("workout_notes"),
        )

    def read(self, cells: Cells, workout: Workout) -> RowSet | str:
        kind = cells.read("set_type", _hevy_type)
        return _set(cells, workout, kind, distance_unit="km", seconds="seconds", superset=cells.text("superset"))


class FitNotesRows:
    """FitNotes: a row per set, dated by day only, so each day is one workout."""

    workout_meanings: tuple[str, ...] = ("date",)

    def workout(self, cells: Cells) -> Workout:
        day = cells.moment("date").date()
        return Workout(
            key=f"fitnotes:{day:%Y-%m-%d}",
            title="FitNotes workout",
            started_at=datetime.combine(day, FITNOTES_TIME, cells.time_zone),
            duration_seconds=None,
            notes="",
        )

    def read(self, cells: Cells, workout: Workout) -> RowSet | str:
        return _set(cells, workout, "normal", distance_unit="km", seconds="time")


READERS: dict[str, RowReader] = {"strong": StrongRows(), "hevy": HevyRows(), "fitnotes": FitNotesRows()}


def _set(
    cells: Cells, workout: Workout, kind: SetKind, *, distance_unit: str, seconds: str, superset: str = ""
) -> RowSet | str:
    exercise = " ".join(cells.text("exercise").split())
    if not exercise:
        raise CellError(cells.layout.column_name("exercise"), "the exercise name is empty")
    row = RowSet(
        workout=workout,
        exercise_name=exercise,
        kind=kind,
        reps=cells.reps(),
        weight_kg=cells.weight_kg(),
        distance_m=cells.distance_m(distance_unit),
        seconds=cells.seconds(seconds),
        rpe=cells.rpe(),
        notes=cells.text("notes"),
        superset_id=superset or None,
    )
    if not (row.reps or row.weight_kg or row.distance_m or row.seconds):
        return EMPTY_SET
    return row


def _rpe(text: str) -> float | None:
    value = number(text, "RPE")
    if value is None or value == 0:
        return None
    if not 1 <= value <= 10:
        raise BadValue(f"the RPE '{text}' is not between 1 and 10")
    return value


def _hevy_type(text: str) -> SetKind:
    kind = _HEVY_TYPES.get(text.lower() or "normal")
    if kind is None:
        raise BadValue(f"the set type '{text}' is not one of {', '.join(_HEVY_TYPES)}")
    return kind
