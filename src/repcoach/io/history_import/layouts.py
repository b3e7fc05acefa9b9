"""Which app wrote a file, and in which of its layouts, told by the header.

Each app's column names map to one vocabulary (``exercise``, ``weight``, ``reps``...), some
carrying their unit (``Weight (lbs)``, ``distance_km``). The readers only ever see that vocabulary,
so a layout that moves or renames a column is one more line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from repcoach.io.history_import.model import Source
from repcoach.units import Unit

Column = tuple[str, str | None]
"""A column's meaning and the unit its header gives, if any."""

_STRONG: dict[str, Column] = {
    "date": ("date", None),
    "workout name": ("workout", None),
    "duration": ("duration", None),
    "duration (sec)": ("duration", "s"),
    "workout duration": ("duration", None),
    "exercise name": ("exercise", None),
    "set order": ("set_order", None),
    "weight": ("weight", None),
    "weight (kg)": ("weight", "kg"),
    "weight (lbs)": ("weight", "lb"),
    "weight unit": ("weight_unit", None),
    "reps": ("reps", None),
    "distance": ("distance", None),
    "distance (meters)": ("distance", "m"),
    "distance (km)": ("distance", "km"),
    "distance (miles)": ("distance", "mi"),
    "distance unit": ("distance_unit", None),
    "seconds": ("seconds", None),
    "notes": ("notes", None),
    "workout notes": ("workout_notes", None),
    "rpe": ("rpe", None),
    "workout #": ("workout_number", None),
}
STRONG_IOS_HEADER = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
    "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
_HEVY: dict[str, Column] = {
    "title": ("workout", None),
    "start_time": ("date", None),
    "end_time": ("end", None),
    "description": ("workout_notes", None),
    "exercise_title": ("exercise", None),
    "superset_id": ("superset", None),
    "exercise_notes": ("notes", None),
    "set_index": ("set_order", None),
    "set_type": ("set_type", None),
    "weight_kg": ("weight", "kg"),
    "weight_lbs": ("weight", "lb"),
    "reps": ("reps", None),
    "distance_km": ("distance", "km"),
    "distance_miles": ("distance", "mi"),
    "distance_meters": ("distance", "m"),
    "duration_seconds": ("seconds", None),
    "rpe": ("rpe", None),
}
_FITNOTES: dict[str, Column] = {
    "date": ("date", None),
    "exercise": ("exercise", None),
    "category": ("category", None),
    "weight": ("weight", None),
    "weight (kg)": ("weight", "kg"),
    "weight (kgs)": ("weight", "kg"),
    "weight (lbs)": ("weight", "lb"),
    "weight unit": ("weight_unit", None),
    "reps": ("reps", None),
    "distance": ("distance", None),
    "distance unit": ("distance_unit", None),
    "time": ("time", None),
    "comment": ("notes", None),
}
_APPS: dict[Source, tuple[dict[str, Column], frozenset[str]]] = {
    "strong": (_STRONG, frozenset({"date", "exercise", "set_order"})),
    "hevy": (_HEVY, frozenset({"date", "exercise"})),
    "fitnotes": (_FITNOTES, frozenset({"date", "exercise", "category"})),
}
APP_NAMES: dict[Source, str] = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}


@dataclass(frozen=True)
class Layout:
    source: Source
    name: str
    columns: dict[str, int]
    """Each meaning's position in a row."""
    units: dict[str, str]
    """The unit a header gives a meaning: ``{"weight": "lb", "distance": "m"}``."""
    header: tuple[str, ...]
    """The names as the file writes them, to say which column a problem is in."""
    translated: bool = False
    """Told by the number of columns alone: Strong's header in another language."""

    def column_name(self, meaning: str) -> str:
        return self.header[self.columns[meaning]]


def detect(header: list[str], source: Source | None) -> Layout | None:
    """The layout ``header`` belongs to (of app ``source`` when given), or None when none fits."""
    names = [" ".join(name.lower().split()) for name in header]
    for app, (vocabulary, required) in _APPS.items():
        if source not in (None, app):
            continue
        columns = {vocabulary[name][0]: index for index, name in enumerate(names) if name in vocabulary}
        if not required <= columns.keys():
            continue
        units = {vocabulary[name][0]: unit for name in names if name in vocabulary and (unit := vocabulary[name][1])}
        return Layout(app, _variant(app, names), columns, units, tuple(header))
    if source in (None, "strong") and len(header) == len(STRONG_IOS_HEADER):
        # Strong translates the header into the phone's language but keeps its columns and their order.
        columns = {_STRONG[name.lower()][0]: index for index, name in enumerate(STRONG_IOS_HEADER)}
        return Layout("strong", "Strong (iOS, header in another language)", columns, {}, tuple(header), True)
    return None


KNOWN_HEADERS = (
    "Strong (Date,Workout Name,...,Exercise Name,Set Order,...), "
    "Hevy (title,start_time,...,exercise_title,...) or FitNotes (Date,Exercise,Category,...)"
)
"""What the message about a file no layout fits offers instead."""


def weight_unit_of(layout: Layout, fallback: Unit) -> Unit | None:
    """The unit the whole file's weights are in: said by the header, else per row, else ``fallback``."""
    if said := layout.units.get("weight"):
        return "lb" if said == "lb" else "kg"
    return None if "weight_unit" in layout.columns else fallback


def _variant(app: Source, names: list[str]) -> str:
    if app != "strong":
        return APP_NAMES[app]
    if "workout #" in names or "duration (sec)" in names:
        return "Strong (newer layout)"
    if "weight unit" in names:
        return "Strong (Android)"
    return "Strong (iOS)"
