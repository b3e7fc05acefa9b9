"""One row of an export read as a set, in each app's own terms.

A reader first names the workout a row belongs to (so a wrong row can take its whole workout out
of the import) and then reads the set, or says why the row is not a set (a rest timer, an empty row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from typing import Generic, NamedTuple, Protocol, TypeVar

from repcoach.io.history_import import values
from repcoach.io.history_import.layouts import Layout, weight_unit_of
from repcoach.io.history_import.values import Amount, BadValue, count, number, positive
from repcoach.limits import (
    MAX_DISTANCE_M,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_REPS,
    MAX_SET_SECONDS,
    MAX_TITLE_LENGTH,
    MAX_WEIGHT_KG,
)
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
    lost: tuple[CellError, ...] = ()
    """Cells the set does not need that could not be read (an RPE of 12, a distance in furlongs): left out of it."""


class Column(Generic[T]):
    """One meaning's cells in a file: where they are in a row, and each distinct text read once.

    A history repeats the same few weights, reps and dates over 100 000 rows, so a text read
    before is looked up instead of parsed again.
    """

    def __init__(self, layout: Layout, meaning: str, parse: Callable[[str], T]) -> None:
        self.index = layout.columns.get(meaning)
        self.name = layout.column_name(meaning) if self.index is not None else meaning
        self._parse = parse
        self._read: dict[str, T] = {}

    def read(self, fields: list[str]) -> T:
        """The cell's value (an empty cell's when the layout has no such column).

        Raises:
            CellError: the cell does not read as this column's value.
        """
        text = fields[self.index] if self.index is not None else ""
        try:
            return self._read[text]
        except KeyError:
            pass
        try:
            value = self._read[text] = self._parse(text.strip())
        except BadValue as error:
            raise CellError(self.name, str(error)) from None
        return value


class Cells:
    """A file's cells by meaning: each column found once per file, with its name at hand for the error."""

    def __init__(self, layout: Layout, time_zone: tzinfo, unit: Unit) -> None:
        self.layout, self.time_zone, self.unit = layout, time_zone, unit
        self.date = Column(layout, "date", values.local_time)
        self.end = Column(layout, "end", values.local_time)
        self.duration = Column(layout, "duration", _seconds)
        self.set_order = Column(layout, "set_order", _text)
        self.set_type = Column(layout, "set_type", _hevy_type)
        self.exercise_text = Column(layout, "exercise", _text)  # as written: a rest timer is spotted by it
        self.exercise = Column(layout, "exercise", _exercise_name)
        self.reps = Column(layout, "reps", _reps)
        self.weight = Column(layout, "weight", _weight)
        self.weight_unit = Column(layout, "weight_unit", _weight_unit)
        self.distance = Column(layout, "distance", _distance)
        self.distance_unit = Column(layout, "distance_unit", _text)
        self.seconds = Column(layout, "seconds", _seconds)
        self.time = Column(layout, "time", _seconds)
        self.rpe = Column(layout, "rpe", _rpe)
        self.notes = Column(layout, "notes", _notes)
        self.title = Column(layout, "workout", _title)
        self.superset = Column(layout, "superset", _text)
        self._file_weight_unit = weight_unit_of(layout, unit)
        """The unit of every weight when the header says it or no column does, else None: each row says."""

    def text(self, fields: list[str], meaning: str) -> str:
        index = self.layout.columns.get(meaning)
        return fields[index].strip() if index is not None else ""

    def moment(self, fields: list[str], column: Column[datetime]) -> datetime:
        return column.read(fields).replace(tzinfo=self.time_zone)

    def weight_kg(self, fields: list[str]) -> float | None:
        weight = self.weight.read(fields)
        unit = self._file_weight_unit or self.weight_unit.read(fields) or self.unit
        kg = None if weight is None else to_kg(weight, "lb" if unit == "lb" else "kg")
        if kg is not None and kg > MAX_WEIGHT_KG:
            message = f"the weight {weight:g} {unit} is more than {MAX_WEIGHT_KG:g} kg, more than any set holds"
            raise CellError(self.weight.name, message)
        return kg

    def distance_m(self, fields: list[str], default_unit: str) -> float | None:
        distance = self.distance.read(fields)
        unit = self.layout.units.get("distance") or self.distance_unit.read(fields) or default_unit
        try:
            metres = values.metres(distance, unit, "distance unit")
        except BadValue as error:
            raise CellError(self.distance_unit.name, str(error)) from None
        if metres is not None and metres > MAX_DISTANCE_M:
            raise CellError(self.distance.name, f"the distance {distance:g} {unit} is more than 1000 km")
        return metres


class RowReader(Protocol):
    workout_meanings: tuple[str, ...]
    """The cells that make a workout what it is: rows equal in them share one, read once."""

    def workout(self, cells: Cells, fields: list[str]) -> Workout: ...

    def read(self, cells: Cells, fields: list[str], workout: Workout) -> RowSet | str:
        """The set, or the reason the row is not one."""
        ...


class StrongRows:
    """Strong: a row per set, rest timers among them; ``W``, ``D``, ``F`` in Set Order mark the kind."""

    workout_meanings: tuple[str, ...] = ("date", "workout", "duration", "workout_notes")

    def workout(self, cells: Cells, fields: list[str]) -> Workout:
        started = cells.moment(fields, cells.date)
        return Workout(
            key=f"strong:{started:%Y-%m-%dT%H:%M:%S}",
            title=cells.title.read(fields) or "Strong workout",
            started_at=started,
            duration_seconds=cells.duration.read(fields),
            notes=cells.text(fields, "workout_notes"),
        )

    def read(self, cells: Cells, fields: list[str], workout: Workout) -> RowSet | str:
        order = cells.set_order.read(fields)
        mark = order.lower()
        if mark == REST_TIMER or cells.exercise_text.read(fields).lower() == REST_TIMER:
            return REST_TIMER
        kind = _STRONG_MARKS.get(mark, "normal")
        if not order.isdecimal() and mark not in _STRONG_MARKS:
            if cells.seconds.read(fields) and not cells.reps.read(fields) and not cells.weight_kg(fields):
                return REST_TIMER  # a header in another language names the rest timer in that language
            raise CellError(cells.set_order.name, f"'{order}' is not a set number, W, D or F")
        distance_unit = "km" if cells.unit == "kg" else "mi"
        return _set(cells, fields, workout, kind, distance_unit=distance_unit, seconds=cells.seconds)


class HevyRows:
    """Hevy: a row per set with its ``set_type``; the workout's start and end on every row."""

    workout_meanings: tuple[str, ...] = ("date", "end", "workout", "workout_notes")

    def workout(self, cells: Cells, fields: list[str]) -> Workout:
        started = cells.moment(fields, cells.date)
        ended = cells.moment(fields, cells.end) if cells.text(fields, "end") else None
        return Workout(
            key=f"hevy:{started:%Y-%m-%dT%H:%M}",
            title=cells.title.read(fields) or "Hevy workout",
            started_at=started,
            duration_seconds=int((ended - started).total_seconds()) if ended and ended > started else None,
            notes=cells.text(fields, "workout_notes"),
        )

    def read(self, cells: Cells, fields: list[str], workout: Workout) -> RowSet | str:
        lost: tuple[CellError, ...] = ()
        try:
            kind = cells.set_type.read(fields)
        except CellError as error:
            kind, lost = "normal", (error,)  # a set of a type this app does not know is still a set
        superset = cells.superset.read(fields)
        found = _set(cells, fields, workout, kind, distance_unit="km", seconds=cells.seconds, superset=superset)
        return found._replace(lost=lost + found.lost) if lost and isinstance(found, RowSet) else found


class FitNotesRows:
    """FitNotes: a row per set, dated by day only, so each day is one workout."""

    workout_meanings: tuple[str, ...] = ("date",)

    def workout(self, cells: Cells, fields: list[str]) -> Workout:
        day = cells.moment(fields, cells.date).date()
        return Workout(
            key=f"fitnotes:{day:%Y-%m-%d}",
            title="FitNotes workout",
            started_at=datetime.combine(day, FITNOTES_TIME, cells.time_zone),
            duration_seconds=None,
            notes="",
        )

    def read(self, cells: Cells, fields: list[str], workout: Workout) -> RowSet | str:
        return _set(cells, fields, workout, "normal", distance_unit="km", seconds=cells.time)


READERS: dict[str, RowReader] = {"strong": StrongRows(), "hevy": HevyRows(), "fitnotes": FitNotesRows()}


def _set(
    cells: Cells,
    fields: list[str],
    workout: Workout,
    kind: SetKind,
    *,
    distance_unit: str,
    seconds: Column[int | None],
    superset: str = "",
) -> RowSet | str:
    exercise = cells.exercise.read(fields)
    reps = cells.reps.read(fields)
    weight_kg = cells.weight_kg(fields)
    done_seconds = seconds.read(fields)
    lost: tuple[CellError, ...] = ()
    try:
        notes = cells.notes.read(fields)
    except CellError as error:
        notes, lost = "", (error,)
    try:
        distance_m = cells.distance_m(fields, distance_unit)
    except CellError as error:
        distance_m, lost = None, (error,)
    try:
        rpe = cells.rpe.read(fields)
    except CellError as error:
        rpe, lost = None, (*lost, error)
    if not (reps or weight_kg or distance_m or done_seconds):
        if lost:
            raise lost[0]  # the unreadable distance was all the set had
        return EMPTY_SET
    superset_id = superset or None
    return RowSet(workout, exercise, kind, reps, weight_kg, distance_m, done_seconds, rpe, notes, superset_id, lost)


def _text(text: str) -> str:
    """The cell as written (trimmed)."""
    return text


def _longest(text: str, most: int, what: str) -> str:
    if len(text) > most:
        raise BadValue(f"the {what} is {len(text)} characters long, more than {most}")
    return text


def _title(text: str) -> str:
    return _longest(text, MAX_TITLE_LENGTH, "workout's name")


def _notes(text: str) -> str:
    return _longest(text, MAX_NOTES_LENGTH, "note")


def _exercise_name(text: str) -> str:
    name = _longest(" ".join(text.split()), MAX_NAME_LENGTH, "exercise name")
    if not name:
        raise BadValue("the exercise name is empty")
    return name


def _reps(text: str) -> int | None:
    return _at_most(positive(count(text, "reps")), MAX_REPS, text, "reps")


def _weight(text: str) -> float | None:
    return positive(number(text, "weight"))


def _weight_unit(text: str) -> str | None:
    return values.weight_unit(text, "unit")


def _distance(text: str) -> float | None:
    return positive(number(text, "distance"))


def _seconds(text: str) -> int | None:
    return _at_most(positive(values.duration(text, "time")), MAX_SET_SECONDS, text, "time (seconds)")


def _at_most(value: Amount | None, most: float, text: str, what: str) -> Amount | None:
    """``value``, unless it is more than any set holds (it would overflow the database, or is a typo)."""
    if value is not None and value > most:
        raise BadValue(f"the {what} '{text}' is more than {most:g}, more than any set holds")
    return value


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
