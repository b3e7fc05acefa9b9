"""The same workout exported by two apps: found before an import stores it twice.

People move from one app to another, or log in two at once, and then import both exports. The
second app's copy of a workout has its own identity (source key), so the key check lets it in,
and the advice would then read two interleaved copies of one session. A copy is a workout on the
same day with the same moves and sets: the same reps and times, and weights equal to within
:data:`WEIGHT_TOLERANCE_KG` (one app stores 35 lb as 15.88 kg, another as 15.9).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from repcoach.store import Store
from repcoach.store.records import NewSet
from repcoach.store.workouts import NewWorkout

WEIGHT_TOLERANCE_KG = 0.25
"""Less than the smallest step of either unit's plates and bells (0.5 kg, 1 lb = 0.45 kg)."""

_SetShape = tuple[str, int, int, float]
"""A set as compared: its move, reps, seconds and weight (-1 for none)."""


@dataclass(frozen=True)
class StoredCopy:
    """A workout of the import whose copy is stored already, under another app's name."""

    workout: NewWorkout
    day: date
    """The day both were done, in the user's zone."""


def stored_copies(store: Store, profile_id: int, workouts: Sequence[NewWorkout], zone: tzinfo) -> list[StoredCopy]:
    """The ``workouts`` that a stored session already holds: same day, same moves and sets (one read)."""
    if not workouts:
        return []
    starts = [workout.started_at for workout in workouts]
    start, end = min(starts) - timedelta(days=1), max(starts) + timedelta(days=2)
    by_session: dict[str, list[NewSet]] = defaultdict(list)
    for logged in store.sets_between(profile_id, start, end):
        by_session[logged.session_id].append(logged)
    stored: dict[date, list[list[_SetShape]]] = defaultdict(list)
    for sets in by_session.values():
        stored[_day(sets, zone)].append(_shape(sets))
    copies = []
    for workout in workouts:
        if not workout.sets:
            continue
        day, shape = _day(workout.sets, zone), _shape(workout.sets)
        if any(_same(shape, stored_shape) for stored_shape in stored.get(day, [])):
            copies.append(StoredCopy(workout, day))
    return copies


def _day(sets: Sequence[NewSet], zone: tzinfo) -> date:
    """The day of a workout: that of its first set, in the user's zone."""
    first: datetime = min(logged.finished_at for logged in sets)
    return first.astimezone(zone).date()


def _shape(sets: Sequence[NewSet]) -> list[_SetShape]:
    return sorted(
        (
            logged.exercise_id,
            logged.reps if logged.reps is not None else -1,
            logged.hold_seconds if logged.hold_seconds is not None else -1,
            logged.weight_kg if logged.weight_kg is not None else -1.0,
        )
        for logged in sets
    )


def _same(one: list[_SetShape], other: list[_SetShape]) -> bool:
    return len(one) == len(other) and all(
        a[:3] == b[:3] and abs(a[3] - b[3]) <= WEIGHT_TOLERANCE_KG for a, b in zip(one, other, strict=True)
    )
