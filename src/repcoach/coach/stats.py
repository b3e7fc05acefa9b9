"""Progress figures from the log: weekly volume per move or pattern, and best sets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from repcoach.coach.history import LoggedSet


@dataclass(frozen=True)
class WeekVolume:
    """What was done in one Monday-to-Sunday week for one move or pattern."""

    week_start: date
    key: str
    sets: int
    reps: int
    volume_kg: float
    """Load × reps summed; bodyweight sets add reps but no load."""


def weekly_volume(sets: Sequence[LoggedSet], key: Callable[[LoggedSet], str | None], zone: tzinfo) -> list[WeekVolume]:
    """Sets grouped by local week and by ``key`` (a move id, or its pattern); sets whose key is None are left out.

    Weeks come oldest first; within a week, keys in name order.
    """
    totals: dict[tuple[date, str], list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for logged in sets:
        name = key(logged)
        if name is None:
            continue
        day = logged.finished_at.astimezone(zone).date()
        total = totals[(day - timedelta(days=day.weekday()), name)]
        reps = logged.reps or 0
        total[0] += 1
        total[1] += reps
        total[2] += (logged.weight_kg or 0.0) * reps
    return [
        WeekVolume(week, name, int(count), int(reps), volume)
        for (week, name), (count, reps, volume) in sorted(totals.items())
    ]


def best_sets(sets: Sequence[LoggedSet], limit: int = 3) -> list[LoggedSet]:
    """Each session's best set, the best sessions first: heaviest, then most reps, then earliest."""
    best: dict[str, LoggedSet] = {}
    for logged in sorted((logged for logged in sets if logged.reps), key=_strength_order):
        best.setdefault(logged.session_id, logged)
    return sorted(best.values(), key=_strength_order)[:limit]


def _strength_order(logged: LoggedSet) -> tuple[float, int, datetime]:
    return -(logged.weight_kg or 0.0), -(logged.reps or 0), logged.finished_at
