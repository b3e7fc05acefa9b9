"""Bringing history from another app: the export as read, matched to the library, previewed, stored.

Reading the file is io/history_import's job; this module decides what each row becomes:
a move of the library (by name, alias or Strong/Hevy-style "(Dumbbell)" qualifier) or a custom
move with a pattern guessed from its name, grouped into workouts that keep their identity in
the other app so the same export never adds anything twice.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter

from repcoach.io.history_import import ImportedSet, ParsedExport
from repcoach.library import Catalogue, Pattern
from repcoach.library.naming import normalise, slug, split_qualifier
from repcoach.library.patterns import guess_pattern
from repcoach.service.import_copies import StoredCopy
from repcoach.store import NewSet, Store
from repcoach.store.workouts import CustomExerciseRecord, Imported, NewWorkout

UNSPECIFIED = "unspecified"
"""The equipment of an imported set whose app did not say; unlike repcoach's own sets, not a kettlebell."""
SET_SPACING = timedelta(minutes=2)
"""Imports have no time per set: sets are placed this far apart from the workout's start, in order."""
_FILE_ORDER = attrgetter("row")


@dataclass(frozen=True)
class MoveMatch:
    """What one exercise name of the file became."""

    name: str
    """As the file writes it."""
    exercise_id: str
    known: bool
    """In the library; otherwise a custom move."""
    pattern: Pattern | None
    sets: int


@dataclass(frozen=True)
class ImportPlan:
    """Everything an import would store, before storing it."""

    export: ParsedExport
    workouts: list[NewWorkout]
    custom: list[CustomExerciseRecord]
    moves: list[MoveMatch]

    @property
    def set_count(self) -> int:
        return sum(len(workout.sets) for workout in self.workouts)

    @property
    def days(self) -> tuple[date, date] | None:
        """The first and last day trained, in the file's own time."""
        starts = [workout.started_at for workout in self.workouts]
        return (min(starts).date(), max(starts).date()) if starts else None


@dataclass(frozen=True)
class MatchedName:
    exercise_id: str
    known: bool
    equipment: str
    pattern: Pattern | None


def match_name(name: str, catalogue: Catalogue) -> MatchedName:
    """The library move a name means, with the equipment it names; else a custom move."""
    qualified = split_qualifier(name)
    named_equipment = qualified[1] if qualified else None
    found = catalogue.find(name)
    if found is not None:
        only = found.equipment[0] if len(found.equipment) == 1 else None
        return MatchedName(found.id, True, named_equipment or only or UNSPECIFIED, found.pattern)
    return MatchedName(custom_id(name), False, named_equipment or UNSPECIFIED, guess_pattern(name))


def plan_import(export: ParsedExport, catalogue: Catalogue) -> ImportPlan:
    """Group the export's sets into workouts of library or custom moves (pure: nothing is stored)."""
    matches = {name: match_name(name, catalogue) for name in {row.exercise_name for row in export.sets}}
    by_workout: dict[str, list[ImportedSet]] = defaultdict(list)
    for row in export.sets:
        by_workout[row.workout_key].append(row)
    workouts = [_workout(rows, matches) for rows in by_workout.values()]
    workouts.sort(key=lambda workout: workout.started_at)
    counts = Counter(row.exercise_name for row in export.sets)
    moves = [
        MoveMatch(name, match.exercise_id, match.known, match.pattern, counts[name])
        for name, match in sorted(matches.items(), key=lambda item: (item[1].known, item[0].lower()))
    ]
    custom = sorted(
        {
            match.exercise_id: CustomExerciseRecord(match.exercise_id, _base_name(name), match.pattern)
            for name, match in matches.items()
            if not match.known
        }.values(),
        key=lambda record: record.exercise_id,
    )
    return ImportPlan(export, workouts, custom, moves)


def new_workouts(store: Store, profile_id: int, plan: ImportPlan) -> list[NewWorkout]:
    """The workouts of ``plan`` that are not stored yet (an import of the same file finds none)."""
    stored = store.source_keys(profile_id, [workout.source_key for workout in plan.workouts if workout.source_key])
    return [workout for workout in plan.workouts if workout.source_key not in stored]


def store_import(store: Store, profile_id: int, plan: ImportPlan, leave_out: Sequence[StoredCopy] = ()) -> Imported:
    """Store the new workouts but those left out (copies stored already) and their custom moves, in one transaction."""
    copies = {copy.workout.source_key for copy in leave_out}
    workouts = [workout for workout in plan.workouts if workout.source_key not in copies]
    return store.import_workouts(profile_id, workouts, plan.custom)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run an import with Python's cycle collector off.

    An import builds hundreds of thousands of small objects, none in a cycle; the collector would
    rescan them again and again as they pile up, which doubled the time of a 100 000-set import.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _workout(rows: Sequence[ImportedSet], matches: dict[str, MatchedName]) -> NewWorkout:
    first = rows[0]
    ordered = sorted(rows, key=_FILE_ORDER)
    sets = [
        _new_set(row, matches[row.exercise_name], first.started_at + SET_SPACING * number)
        for number, row in enumerate(ordered, start=1)
    ]
    length = timedelta(seconds=first.duration_seconds) if first.duration_seconds else SET_SPACING * len(sets)
    finished = max(first.started_at + length, sets[-1].finished_at)
    return NewWorkout(
        first.workout_title,
        first.started_at,
        finished,
        sets,
        source_key=first.workout_key,
        notes=first.workout_notes or None,
    )


def _new_set(row: ImportedSet, match: MatchedName, finished_at: datetime) -> NewSet:
    return NewSet(
        exercise_id=match.exercise_id,
        plan_id="",
        block_name="",
        round=row.set_order,
        side=None,
        reps=row.reps,
        reps_target_low=None,
        reps_target_high=None,
        hold_seconds=row.seconds,
        weight_kg=row.weight_kg,
        rir=row.rir,
        finished_at=finished_at,
        kind=row.kind,
        equipment=match.equipment,
        distance_m=row.distance_m,
        notes=row.notes or None,
    )


def _base_name(name: str) -> str:
    qualified = split_qualifier(name)
    return (qualified[0] if qualified else name).strip() or name


def custom_id(name: str) -> str:
    """The id of the custom move an unknown name becomes: ``T-Bar Row (Barbell)`` → ``t-bar-row``
    (equipment is kept per set); accents dropped (``Développé`` → ``developpe``)."""
    return slug(normalise(_base_name(name)), "custom")


def skipped_lines(export: ParsedExport) -> dict[str, list[int]]:
    """The lines left out of ``export``, by the reason they were left out (rest timer, empty set)."""
    lines: dict[str, list[int]] = defaultdict(list)
    for skipped in export.skipped:
        lines[skipped.reason].append(skipped.row)
    return dict(lines)
