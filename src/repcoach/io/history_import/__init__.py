"""Reading the CSV files Strong, Hevy and FitNotes export, in every layout they have written.

:func:`read_export` tells the app and layout from the header, reads each row as a set in
kilograms, metres and seconds, and keeps what it left out with the line and the reason: rest
timers and empty rows as skipped; a wrong cell a set needs (date, exercise, reps, weight, time) as a
problem, whose whole workout is then left out, so importing the corrected file later adds it; a wrong
cell it does not need (RPE, distance, set type) as a notice, the set kept without it. A file it
cannot understand raises :class:`~repcoach.errors.InvalidInput` and yields nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from operator import itemgetter

from repcoach.errors import InvalidInput, Problem
from repcoach.io.history_import.layouts import APP_NAMES, KNOWN_HEADERS, Layout, detect, weight_unit_of
from repcoach.io.history_import.model import SOURCES, ImportedSet, ParsedExport, SkippedRow, Source
from repcoach.io.history_import.rows import READERS, CellError, Cells, RowReader, RowSet, Workout
from repcoach.io.history_import.strong_csv import strong_csv_lines
from repcoach.io.history_import.table import Record, decode, header_fields, records
from repcoach.limits import FUTURE_SLACK
from repcoach.units import Unit

__all__ = [
    "SOURCES",
    "ImportedSet",
    "ParsedExport",
    "SkippedRow",
    "Source",
    "read_export",
    "strong_csv_lines",
]


def read_export(
    data: bytes | str,
    *,
    file_name: str,
    time_zone: tzinfo,
    source: Source | None = None,
    unit: Unit | None = None,
    now: datetime | None = None,
) -> ParsedExport:
    """Every set of an exported file, with the rows left out and why.

    Args:
        data: the file's bytes (or text).
        file_name: named in every problem.
        time_zone: the zone the app wrote its local times in, the user's.
        source: the app, when the user says; otherwise the header tells.
        unit: the unit of weights the file does not label (Strong on iOS); kilograms when not given.
        now: the time of the import (the wall clock when not given): a workout dated after it is
            left out, said once, never stored quietly (a wrong time zone or phone clock).

    Raises:
        InvalidInput: the file is empty, not text, or no app's layout fits its header.
    """
    text = decode(data, file_name)
    if not text.strip():
        raise InvalidInput([Problem("the file is empty; export your workouts from the app again", file_name)])
    layout, delimiter = _layout(text, file_name, source)
    table = records(text, delimiter, file_name)
    if layout.translated and table.records and not _starts_workout(layout, table.records[0], time_zone):
        raise InvalidInput([_unknown_layout(table.header, file_name, source)])
    fallback: Unit = unit or "kg"
    cells = Cells(layout, time_zone, fallback)
    reader = READERS[layout.source]
    identity = _identity(layout, reader)
    width = len(table.header)
    sets: list[ImportedSet] = []
    skipped: list[SkippedRow] = []
    problems: list[Problem] = []
    kept_without: list[Problem] = []
    broken: Counter[str] = Counter()
    workouts: dict[object, Workout] = {}
    orders: dict[tuple[str, str], int] = {}
    for record in table.records:
        fields = record.fields if len(record.fields) == width else _fitted(record, width)
        if fields is None:
            message = f"has {len(record.fields)} fields where the header has {width}"
            problems.append(Problem(f"{message}; is a field's comma or semicolon not quoted?", file_name, record.line))
            continue
        key = None
        try:
            workout_cells = identity(fields)
            workout = workouts.get(workout_cells) or workouts.setdefault(workout_cells, reader.workout(cells, fields))
            key = workout.key
            read = reader.read(cells, fields, workout)
        except CellError as error:
            problems.append(Problem(error.message, file_name, record.line, error.column))
            if key:
                broken[key] += 1
            continue
        if isinstance(read, str):
            skipped.append(SkippedRow(record.line, read))
        else:
            kept_without += [Problem(lost.message, file_name, record.line, lost.column) for lost in read.lost]
            # Numbered among its exercise's sets in the workout; a broken workout goes whole, so no kept number moves.
            place = (key, read.exercise_name)
            orders[place] = orders.get(place, 0) + 1
            sets.append(_imported(record.line, read, orders[place]))
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    future = {workout.key: workout for workout in workouts.values() if workout.started_at > latest}
    if future:
        sets = [found for found in sets if found.workout_key not in future]
        problems += [
            Problem(
                f"the workout of {workout.started_at:%Y-%m-%d %H:%M} ({workout.title}) is dated in the future and is "
                "left out: check the time zone, or the clock of the phone that logged it",
                file_name,
            )
            for workout in future.values()
        ]
    if broken:
        sets = [found for found in sets if found.workout_key not in broken]
        kept_lines = {found.row for found in sets}
        kept_without = [notice for notice in kept_without if notice.line in kept_lines]
    problems += [
        Problem(f"the workout of {key.split(':', 1)[1]} is left out because of the problems above", file_name)
        for key in broken
        if key not in future
    ]
    return ParsedExport(
        layout.source, layout.name, weight_unit_of(layout, fallback), sets, skipped, problems, kept_without
    )


def _identity(layout: Layout, reader: RowReader) -> Callable[[list[str]], object]:
    """What tells a row's workout from another's: its workout cells as written, taken in one call.

    Untrimmed: rows whose workout cells differ only in spaces make equal workouts, read once each.
    """
    return itemgetter(*(layout.columns[meaning] for meaning in reader.workout_meanings if meaning in layout.columns))


def _layout(text: str, file_name: str, source: Source | None) -> tuple[Layout, str]:
    headers = header_fields(text)
    for delimiter, header in headers.items():
        if (layout := detect(header, source)) and not layout.translated:
            return layout, delimiter
    for delimiter, header in headers.items():
        if layout := detect(header, source):
            return layout, delimiter
    raise InvalidInput([_unknown_layout(headers[","], file_name, source)])


def _starts_workout(layout: Layout, record: Record, time_zone: tzinfo) -> bool:
    """Whether a header matched by its width alone has a Strong row under it: a date where Strong's is."""
    try:
        READERS[layout.source].workout(Cells(layout, time_zone, "kg"), record.fields)
    except (CellError, IndexError):
        return False
    return True


def _unknown_layout(header: list[str], file_name: str, source: Source | None) -> Problem:
    shown = ",".join(header)[:120]
    expected = f"a {APP_NAMES[source]} export" if source else KNOWN_HEADERS
    return Problem(f"the header '{shown}' is not one this app knows; expected {expected}", file_name, 1)


def _fitted(record: Record, width: int) -> list[str] | None:
    """The record's fields, or None when they do not fit the header (empty trailing fields are dropped)."""
    fields = record.fields
    if len(fields) > width and not any(field.strip() for field in fields[width:]):
        fields = fields[:width]
    return fields if len(fields) == width else None


def _imported(line: int, found: RowSet, set_order: int) -> ImportedSet:
    """The set with its line, workout and place; by position, in ImportedSet's order (keywords take twice as long)."""
    workout = found.workout
    return ImportedSet(
        line, workout.key, workout.title, workout.started_at, workout.duration_seconds, found.exercise_name, set_order,
        found.kind, found.reps, found.weight_kg, found.distance_m, found.seconds, found.rpe, found.notes, workout.notes,
        found.superset_id,
    )  # fmt: skip
