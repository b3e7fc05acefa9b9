"""Estimated one-rep max from a set's reps and effort, for progress over time.

Epley with reps in reserve: e1RM = w · (1 + (reps + RIR) / 30), so 12 kg × 10 reps at RIR 2 estimates
12 · (1 + 12/30) = 16.8 kg. It is a trend, not a test: only ``strength`` moves get one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from repcoach.coach.history import LoggedSet, sessions_of
from repcoach.library import Exercise

EPLEY_DIVISOR = 30


def e1rm(weight_kg: float, reps: int, rir: int = 0) -> float:
    """Epley's estimate on reps + RIR, in kilograms.

    Raises:
        ValueError: a weight of 0 or less, negative reps or a negative RIR, named with its value.
    """
    if weight_kg <= 0:
        raise ValueError(f"a weight of {weight_kg:g} kg is impossible; an estimate needs a bell above 0 kg")
    check_reps_and_rir(reps, rir)
    return weight_kg * (1 + (reps + rir) / EPLEY_DIVISOR)


def set_e1rm(logged: LoggedSet) -> float | None:
    """A logged set's estimate; None without a bell or reps. An unrated set counts as RIR 0 (the lowest estimate)."""
    if logged.weight_kg is None or not logged.reps:
        return None
    return e1rm(logged.weight_kg, logged.reps, logged.rir or 0)


def reps_at(e1rm_kg: float, weight_kg: float, rir: int = 0) -> float:
    """The reps Epley predicts with ``weight_kg`` stopping at ``rir`` in reserve (below 0: not one rep)."""
    return EPLEY_DIVISOR * (e1rm_kg / weight_kg - 1) - rir


def check_reps_and_rir(reps: int | None, rir: int | None) -> None:
    """Raises ValueError for negative reps or a negative RIR, naming the value and what is allowed."""
    if reps is not None and reps < 0:
        raise ValueError(f"{reps} reps is impossible; reps are 0 or more")
    if rir is not None and rir < 0:
        raise ValueError(f"RIR {rir} is impossible; reps in reserve are 0 (failure) or more")


@dataclass(frozen=True)
class E1rmPoint:
    """The best estimate of one session."""

    day: date
    """The session's local date."""
    e1rm_kg: float


def e1rm_trend(history: Sequence[LoggedSet], exercise: Exercise, zone: tzinfo) -> list[E1rmPoint]:
    """Each session's best estimate for ``exercise``, oldest first; empty for moves that are not ``strength``."""
    if exercise.kind != "strength":
        return []
    points = []
    for done in sessions_of(history, exercise.id):
        estimates = [value for value in map(set_e1rm, done) if value is not None]
        if estimates:
            first = min(logged.finished_at for logged in done)
            points.append(E1rmPoint(first.astimezone(zone).date(), max(estimates)))
    return points
