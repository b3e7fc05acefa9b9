"""Estimated one-rep max (Epley on reps + RIR) and its trend per session."""

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from repcoach.coach import LoggedSet, e1rm, e1rm_trend, reps_at, set_e1rm
from repcoach.errors import UnknownName
from repcoach.library import load_catalogue


@pytest.mark.parametrize(
    ("weight_kg", "reps", "rir", "expected"),
    [
        (12.0, 10, 2, 16.8),  # 12 * (1 + 12/30)
        (16.0, 10, 0, 21.333),  # 16 * (1 + 10/30)
        (20.0, 1, 0, 20.667),  # one rep is not the max itself: Epley's known overshoot
        (24.0, 0, 3, 26.4),  # no reps but 3 in reserve: 3 were possible
    ],
)
def test_epley_counts_the_reps_in_reserve_as_reps(weight_kg, reps, rir, expected):
    assert e1rm(weight_kg, reps, rir) == pytest.approx(expected, abs=0.001)


def test_16_kg_for_10_to_failure_predicts_only_about_2_reps_at_20_kg():
    assert reps_at(e1rm(16.0, 10, 0), 20.0) == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("weight_kg", "reps", "rir", "message"),
    [
        (0.0, 10, 2, "a weight of 0 kg is impossible"),
        (12.0, -1, 2, "-1 reps is impossible; reps are 0 or more"),
        (12.0, 10, -1, "RIR -1 is impossible; reps in reserve are 0 (failure) or more"),
    ],
)
def test_impossible_values_are_refused_by_name(weight_kg, reps, rir, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        e1rm(weight_kg, reps, rir)


def test_a_set_without_a_bell_or_reps_has_no_estimate_and_an_unrated_set_counts_as_failure():
    at = datetime(2026, 3, 1, tzinfo=UTC)
    assert set_e1rm(LoggedSet("push-up", "s", at, 10, 2, None)) is None
    assert set_e1rm(LoggedSet("halo", "s", at, None, None, 8.0, hold_seconds=30)) is None
    assert set_e1rm(LoggedSet("renegade-row", "s", at, 10, None, 12.0)) == pytest.approx(16.0)


def test_the_trend_is_each_sessions_best_estimate_on_the_users_local_day():
    catalogue = load_catalogue()
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # already 2 March in UTC+2
    history = [
        LoggedSet("renegade-row", "b", late + timedelta(days=3), 8, 1, 16.0),  # 16 * 1.3 = 20.8
        LoggedSet("renegade-row", "a", late, 10, 2, 12.0),  # 16.8
        LoggedSet("renegade-row", "a", late + timedelta(minutes=5), 10, 0, 12.0),  # 16.0
        LoggedSet("romanian-deadlift", "a", late, 10, 2, 24.0),
    ]
    trend = e1rm_trend(history, catalogue.get("renegade-row"), timezone(timedelta(hours=2)))
    assert [(point.day.isoformat(), round(point.e1rm_kg, 3)) for point in trend] == [
        ("2026-03-02", 16.8),
        ("2026-03-05", 20.8),
    ]


def test_moves_that_are_not_strength_lifts_have_no_trend():
    halo = load_catalogue().get("halo")
    history = [LoggedSet("halo", "a", datetime(2026, 3, 1, tzinfo=UTC), 10, 2, 8.0)]
    assert e1rm_trend(history, halo, UTC) == []


def test_an_unknown_move_name_suggests_the_closest_library_names():
    # Callers resolve a typed name to an Exercise before asking for its trend; the catalogue suggests.
    with pytest.raises(UnknownName, match=re.escape("Did you mean: renegade-row")):
        load_catalogue().get("renegade rwo")
