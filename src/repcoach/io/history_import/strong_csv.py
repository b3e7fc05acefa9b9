"""Sets written in Strong's iOS layout, the CSV most workout apps (Hevy included) can import.

Weights go out unlabelled in the user's unit, as Strong writes them; warm-up, drop and failure
sets carry Strong's ``W``, ``D`` and ``F`` in Set Order; RPE is 10 minus the reps left.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from repcoach.io.history_import.layouts import STRONG_IOS_HEADER
from repcoach.io.history_import.model import ImportedSet
from repcoach.io.history_import.values import NOISE_DIGITS
from repcoach.units import DISTANCE_METRES, Unit, from_kg

_MARKS = {"warmup": "W", "dropset": "D", "failure": "F"}


def strong_csv_lines(sets: Iterable[ImportedSet], unit: Unit) -> Iterator[str]:
    """The CSV of ``sets`` line by line, header first (``row`` and ``workout_key`` are not written), CRLF-ended as
    Strong's are; made as ``sets`` come, so a long history is never held whole.

    ``started_at`` is written as its local time: give it in the user's zone. Distances are in
    kilometres for a kilogram user and miles for a pound user, as Strong shows them.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    per_km = DISTANCE_METRES["km" if unit == "kg" else "mi"]
    writer.writerow(STRONG_IOS_HEADER)
    yield _taken(out)
    for row in sets:
        writer.writerow(
            [
                f"{row.started_at:%Y-%m-%d %H:%M:%S}",
                row.workout_title,
                _duration(row.duration_seconds),
                row.exercise_name,
                _MARKS.get(row.kind, str(row.set_order)),
                _number(from_kg(row.weight_kg, unit) if row.weight_kg else 0),
                row.reps if row.reps is not None else 0,
                _number(row.distance_m / per_km if row.distance_m else 0),
                row.seconds or 0,
                row.notes,
                row.workout_notes,
                _number(row.rpe) if row.rpe is not None else "",
            ]
        )
        yield _taken(out)


def _taken(out: io.StringIO) -> str:
    """What was written to ``out`` since the last time, and ``out`` emptied."""
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text


def _duration(seconds: int | None) -> str:
    """Strong's way: ``1h 5m``, ``45m``, ``30s``."""
    if not seconds:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{seconds}s" if seconds else ""]
    return " ".join(part for part in parts if part)


def _number(value: float) -> str:
    rounded = round(value, NOISE_DIGITS)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)
