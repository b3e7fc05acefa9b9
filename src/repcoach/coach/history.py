"""What coaching rules read: the user's logged sets as plain values, free of the store."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class LoggedSet:
    """One set the user did, in repcoach or imported from another app."""

    exercise_id: str
    session_id: str
    finished_at: datetime
    """Timezone-aware."""
    reps: int | None
    rir: int | None
    """Reps in reserve the user reported; None when not rated."""
    weight_kg: float | None
    """None for bodyweight."""
    hold_seconds: int | None = None
    side: str | None = None
    round: int = 1
    reps_target_low: int | None = None
    reps_target_high: int | None = None
    plan_id: str | None = None
    kind: str = "normal"
    """normal, warmup, dropset or failure; warm-ups are not hard sets and not coached on."""
    equipment: str | None = None
    """What an imported set was done with; None for repcoach's own (kettlebell) sets."""


def sessions_of(sets: Iterable[LoggedSet], exercise_id: str) -> list[list[LoggedSet]]:
    """The sets of ``exercise_id`` grouped by session, sessions in the order they began."""
    grouped: dict[str, list[LoggedSet]] = defaultdict(list)
    for logged in sets:
        if logged.exercise_id == exercise_id:
            grouped[logged.session_id].append(logged)
    return sorted(grouped.values(), key=lambda done: min(logged.finished_at for logged in done))
