"""Pulling against pushing: hard sets and volume per movement pattern over recent days.

No study fixes a push:pull ratio, so the rule is a floor: pulling (rows, pull-ups) plus hinging
(deadlifts, swings) should not fall below pushing (presses, push-ups, dips). Only hard sets count:
a set rated 4 reps in reserve or fewer, or not rated at all (an imported set is assumed to be
work). Mobility drills and warm-ups never count. A per-side set (left, then right) is half a set
per side, so one single-arm row set on each arm counts as one set, like a two-arm row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from repcoach.coach.history import LoggedSet
from repcoach.library import PATTERNS, PULL_PATTERNS, PUSH_PATTERNS, Catalogue, Pattern, load_catalogue
from repcoach.library.custom import UserCatalogue

HARD_SET_MAX_RIR = 4
"""A set with more reps in reserve than this is warm-up or practice, not training stimulus."""
PUSH_SIDE: frozenset[Pattern] = PUSH_PATTERNS
PULL_SIDE: frozenset[Pattern] = PULL_PATTERNS | {"hinge"}
"""Hinging counts with pulling: both train the back of the body that pressing leaves behind."""
MAX_PUSH_TO_PULL = 1.0
"""Warn when pushing sets outnumber pulling and hinging sets by more than this ratio."""
WINDOWS_DAYS = (7, 28)
BACK_ROUTINE = "kettlebell-back"


@dataclass(frozen=True)
class PatternLoad:
    """Hard work in one movement pattern."""

    hard_sets: float
    """Per-side sets count half for each side."""
    volume_kg: float
    """Sum of weight × reps over hard sets with a weight; bodyweight sets and holds add nothing."""


@dataclass(frozen=True)
class BalanceReport:
    """Pushing against pulling over the ``window_days`` days before ``now``."""

    window_days: int
    push_sets: float
    pull_sets: float
    """Pulling and hinging sets together."""
    push_volume_kg: float
    pull_volume_kg: float
    ratio: float | None
    """Push sets per pull set; None when there are no pulling sets."""
    by_pattern: Mapping[Pattern, PatternLoad]
    """Every pattern with at least one hard set, in the catalogue's pattern order."""
    warning: str | None
    """A sentence with the numbers when pushing outweighs pulling, else None."""
    unknown: frozenset[str]
    """Exercise ids in the window that the catalogue does not know; their sets are left out."""


def is_hard(logged: LoggedSet) -> bool:
    """Whether a set counts as hard: not a warm-up, and rated ``HARD_SET_MAX_RIR`` or fewer reps in reserve
    (or not rated)."""
    return logged.kind != "warmup" and (logged.rir is None or logged.rir <= HARD_SET_MAX_RIR)


def balance(
    sets: Iterable[LoggedSet], now: datetime, window_days: int = 7, catalogue: Catalogue | UserCatalogue | None = None
) -> BalanceReport:
    """Push and pull hard sets and volume over the ``window_days`` days up to ``now``.

    Raises:
        ValueError: ``window_days`` below 1 or ``now`` without a time zone.
    """
    if window_days < 1:
        raise ValueError(f"a balance window is at least 1 day, got {window_days}")
    if now.utcoffset() is None:
        raise ValueError(f"now needs a time zone, got {now.isoformat()}")
    catalogue = catalogue or load_catalogue()
    start = now - timedelta(days=window_days)
    sets_by_pattern: dict[Pattern, float] = defaultdict(float)
    volume_by_pattern: dict[Pattern, float] = defaultdict(float)
    unknown: set[str] = set()
    for logged in sets:
        if not start < logged.finished_at <= now or not is_hard(logged):
            continue
        exercise = catalogue.find(logged.exercise_id)
        if exercise is None or exercise.pattern is None:
            unknown.add(logged.exercise_id)
            continue
        if exercise.pattern == "mobility" or exercise.kind == "mobility":
            continue
        sets_by_pattern[exercise.pattern] += 0.5 if logged.side else 1.0
        if logged.weight_kg is not None and logged.reps is not None:
            volume_by_pattern[exercise.pattern] += logged.weight_kg * logged.reps
    by_pattern = {
        pattern: PatternLoad(sets_by_pattern[pattern], volume_by_pattern[pattern])
        for pattern in PATTERNS
        if pattern in sets_by_pattern
    }
    push_sets = sum(load.hard_sets for pattern, load in by_pattern.items() if pattern in PUSH_SIDE)
    pull_sets = sum(load.hard_sets for pattern, load in by_pattern.items() if pattern in PULL_SIDE)
    ratio = push_sets / pull_sets if pull_sets else None
    return BalanceReport(
        window_days=window_days,
        push_sets=push_sets,
        pull_sets=pull_sets,
        push_volume_kg=sum(load.volume_kg for pattern, load in by_pattern.items() if pattern in PUSH_SIDE),
        pull_volume_kg=sum(load.volume_kg for pattern, load in by_pattern.items() if pattern in PULL_SIDE),
        ratio=ratio,
        by_pattern=by_pattern,
        warning=_warning(window_days, push_sets, pull_sets, ratio),
        unknown=frozenset(unknown),
    )


def balance_reports(
    sets: Sequence[LoggedSet], now: datetime, catalogue: Catalogue | UserCatalogue | None = None
) -> list[BalanceReport]:
    """One report for each of ``WINDOWS_DAYS`` (the last 7 and 28 days)."""
    return [balance(sets, now, days, catalogue) for days in WINDOWS_DAYS]


def _warning(window_days: int, push_sets: float, pull_sets: float, ratio: float | None) -> str | None:
    if push_sets == 0 or (ratio is not None and ratio <= MAX_PUSH_TO_PULL):
        return None
    against = "no pulling or hinging sets" if ratio is None else f"{pull_sets:g} pulling or hinging ({ratio:.1f} : 1)"
    return (
        f"In the last {window_days} days: {push_sets:g} hard pushing sets against {against}. "
        f"Pushing should not outweigh pulling; add the kettlebell back routine: `repcoach run {BACK_ROUTINE}`."
    )
