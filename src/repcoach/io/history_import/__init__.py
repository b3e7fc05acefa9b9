"""Reading the CSV files Strong, Hevy and FitNotes export, in every layout they have written.

:func:`read_export` tells the app and layout from the header, reads each row as a set in
kilograms, metres and seconds, and keeps what it left out with the line and the reason: rest
timers and empty rows as skipped, wrong cells as problems (whose whole workout is then left out,
so importing the corrected file later adds it). A file it cannot understand raises
:class:`~repcoach.errors.InvalidInput` and yields nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import tzinfo

from repcoach.errors import InvalidInput, Problem
from repcoach.io.history_import.layouts import APP_NAMES, KNOWN_HEADERS, Layout, detect, weight_unit_of
from repcoach.io.history_import.model import SOURCES, ImportedSet, ParsedExport, SkippedRow, Source
from repcoach.io.history_import.rows import READERS, CellError, Cells, RowSet, Workout
from repcoach.io.history_import.strong_csv import write_strong_csv
from repcoach.io.history_import.table import Record, decode, header_fields, records
from repcoach.units import Unit

__all__ = [
    "SOURCES",
    "ImportedSet",
    "ParsedExport",
    "SkippedRow",
    "Source",
    "read_export",
    "write_strong_csv",
]


def read_export(
    data: bytes | str, *, file_name: str, time_zone: tzinfo, source: Source | None = None, unit: Unit | None = None
) -> ParsedExport:
    """Every set of an exported file, with the rows left out and why.

    Args:
        data: the file's bytes (or text).
        file_name: named in every problem.
        time_zone: the zone the app wrote its local times in, the user's.
        source: the app, when the user says; otherwise the header tells.
        unit: the unit of weights the file does not label (Strong on iOS); kilograms when not given.

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
    reader = READERS[layout.source]
    found: list[RowSet] = []
    rows: list[int] = []
    skipped: list[SkippedRow] = []
    problems: list[Problem] = []
    broken: Counter[str] = Counter()
    workouts: dict[tuple[str, ...], Workout] = {}
    for record in table.records:
        fields = _fitted(record, len(table.header))
        if fields is None:
            message = f"has {len(record.fields)} fields where the header has {len(table.header)}"
            problems.append(Problem(f"{message}; is a field's comma or semicolon not quoted?", file_name, record.line))
            continue
        cells = Cells(layout, fields, time_zone, fallback)
        key = None
        try:
            identity = tuple(cells.text(meaning) for meaning in reader.workout_meanings)
            workout = workouts.get(identity) or workouts.setdefault(identity, reader.workout(cells))
            key = workout.key
            read = reader.read(cells, workout)
        except CellError as error:
            problems.append(Problem(error.message, file_name, record.line, error.column))
            if key:
                broken[key] += 1
            continue
        if isinstance(read, str):
            skipped.append(SkippedRow(record.line, read))
        else:
            found.append(read)
            rows.append(record.line)
    sets = _numbered(found, rows, broken)
    problems += [
        Problem(f"the workout of {key.split(':', 1)[1]} is left out because of the problems above", file_name)
        for key in broken
    ]
    return ParsedExport(layout.source, layout.name, weight_unit_of(layout, fallback), sets, skipped, problems)


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
        READERS[layout.source].workout(Cells(layout, record.fields, time_zone, "kg"))
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


def _numbered(found: list[RowSet], rows: list[int], broken: Counter[str]) -> list[ImportedSet]:
    """The sets of every whole workout, each numbered among its exercise's sets in that workout."""
    counts: Counter[tuple[str, str]] = Counter()
    sets = []
    for row, found_set in zip(rows, found, strict=True):
        workout = found_set.workout
        if workout.key in broken:
            continue
        counts[workout.key, found_set.exercise_name] += 1
        sets.append(
            ImportedSet(
                row=row,
                workout_key=workout.key,
                workout_title=workout.title,
                started_at=workout.started_at,
                duration_seconds=workout.duration_seconds,
                exercise_name=found_set.exercise_name,
                set_order=counts[workout.key, found_set.exercise_name],
                kind=found_set.kind,
                reps=found_set.reps,
                weight_kg=found_set.weight_kg,
                distance_m=found_set.distance_m,
                seconds=found_set.seconds,
                rpe=found_set.rpe,
                notes=found_set.notes,
                workout_notes=workout.notes,
                superset_id=found_set.superset_id,
            )
        )
    return sets
