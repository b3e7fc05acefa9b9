"""Push against pull: hard sets and volume per pattern, from hand-made weeks."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from repcoach.coach import PatternLoad, balance, balance_reports
from repcoach.coach.history import LoggedSet
from repcoach.library import load_catalogue
from repcoach.library.custom import UserCatalogue, custom_exercise

NOW = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)  # Sunday evening


def sets(
    exercise: str, count: int, reps: int, kg: float | None, days_ago: float, rir: int | None = 2
) -> list[LoggedSet]:
    moment = NOW - timedelta(days=days_ago)
    return [LoggedSet(exercise, f"{exercise}-{days_ago}", moment, reps, rir, kg) for _ in range(count)]


CHEST_HEAVY_WEEK = [
    *sets("bench-press", 3, 8, 60.0, 6),  # 3 × 8 × 60 = 1440 kg
    *sets("push-up", 3, 15, None, 4),  # bodyweight: sets only
    *sets("kettlebell-press", 3, 8, 16.0, 2),  # 3 × 8 × 16 = 384 kg
    *sets("renegade-row", 3, 8, 12.0, 2),  # 3 × 8 × 12 = 288 kg
    *sets("romanian-deadlift", 3, 10, 20.0, 2),  # hinge counts as pull: 3 × 10 × 20 = 600 kg
]


def test_a_push_heavy_week_warns_with_the_numbers_and_suggests_the_back_routine():
    report = balance(CHEST_HEAVY_WEEK, NOW, window_days=7)
    assert (report.push_sets, report.pull_sets) == (9, 6)
    assert (report.push_volume_kg, report.pull_volume_kg) == (1824.0, 888.0)
    assert report.ratio == 1.5
    assert report.warning == (
        "In the last 7 days: 9 hard pushing sets against 6 pulling or hinging (1.5 : 1). "
        "Pushing should not outweigh pulling; add the kettlebell back routine: `repcoach run kettlebell-back`."
    )
    assert report.by_pattern == {
        "horizontal-push": PatternLoad(6, 1440.0),
        "vertical-push": PatternLoad(3, 384.0),
        "horizontal-pull": PatternLoad(3, 288.0),
        "hinge": PatternLoad(3, 600.0),
    }


def test_the_28_day_window_sees_older_back_work_that_the_7_day_window_does_not():
    history = CHEST_HEAVY_WEEK + sets("single-arm-row", 8, 10, 16.0, 10) + sets("pull-up", 4, 6, None, 20)
    week, month = balance_reports(history, NOW)
    assert (week.window_days, week.push_sets, week.pull_sets) == (7, 9, 6)
    assert (month.window_days, month.push_sets, month.pull_sets) == (28, 9, 18)
    assert week.warning is not None
    assert month.warning is None


@pytest.mark.parametrize(
    ("logged", "pattern", "hard_sets"),
    [
        (sets("bench-press", 1, 8, 60.0, 1, rir=4), "horizontal-push", 1),  # RIR 4: still hard
        (sets("bench-press", 1, 8, 60.0, 1, rir=5), None, 0),  # RIR 5: warm-up, not counted
        (sets("bench-press", 1, 8, 60.0, 1, rir=None), "horizontal-push", 1),  # not rated: assumed work
        (sets("arm-circles", 3, 10, None, 1, rir=None), None, 0),  # mobility never counts
        (sets("halo", 3, 8, 8.0, 1), "core", 3),  # counted, but neither push nor pull
        (sets("pull-up", 1, 6, None, 7), None, 0),  # exactly 7 days ago: outside the window
        (sets("pull-up", 1, 6, None, 0), "vertical-pull", 1),  # at now: inside
        (sets("pull-up", 1, 6, None, -1), None, 0),  # in the future of now: ignored
    ],
)
def test_only_hard_sets_of_training_moves_inside_the_window_count(logged, pattern, hard_sets):
    report = balance(logged, NOW, window_days=7)
    assert report.by_pattern == ({} if pattern is None else {pattern: report.by_pattern[pattern]})
    assert sum(load.hard_sets for load in report.by_pattern.values()) == hard_sets


def test_one_per_side_set_on_each_arm_counts_as_one_set_with_both_sides_volume():
    moment = NOW - timedelta(days=1)
    left = LoggedSet("single-arm-row", "s", moment, 10, 2, 16.0, side="left")
    right = LoggedSet("single-arm-row", "s", moment, 9, 2, 16.0, side="right")
    assert balance([left, right], NOW).by_pattern == {"horizontal-pull": PatternLoad(1, 304.0)}


@pytest.mark.parametrize(
    ("history", "warning"),
    [
        (sets("bench-press", 3, 8, 60.0, 1) + sets("barbell-row", 3, 8, 50.0, 1), None),  # 1 : 1 is the floor
        (sets("bench-press", 2, 8, 60.0, 1) + sets("deadlift", 3, 5, 80.0, 1), None),  # pulling outweighs
        ([], None),  # nothing done
        (
            sets("push-up", 4, 12, None, 1),
            "In the last 7 days: 4 hard pushing sets against no pulling or hinging sets. Pushing should not "
            "outweigh pulling; add the kettlebell back routine: `repcoach run kettlebell-back`.",
        ),
        (
            sets("dip", 7, 8, None, 1) + sets("inverted-row", 6, 8, None, 1),
            "In the last 7 days: 7 hard pushing sets against 6 pulling or hinging (1.2 : 1). Pushing should not "
            "outweigh pulling; add the kettlebell back routine: `repcoach run kettlebell-back`.",
        ),
    ],
)
def test_the_warning_comes_only_when_pushing_outweighs_pulling(history, warning):
    assert balance(history, NOW).warning == warning


def test_a_week_with_no_pulling_has_no_ratio():
    assert balance(sets("push-up", 4, 12, None, 1), NOW).ratio is None


def test_unknown_exercises_are_reported_and_left_out():
    history = sets("bench-press", 2, 8, 60.0, 1) + sets("cable-crossover-deluxe", 3, 12, 20.0, 1)
    report = balance(history, NOW)
    assert report.unknown == {"cable-crossover-deluxe"}
    assert report.push_sets == 2


def test_bad_windows_and_naive_times_are_refused():
    with pytest.raises(ValueError, match="a balance window is at least 1 day, got 0"):
        balance([], NOW, window_days=0)
    with pytest.raises(ValueError, match="now needs a time zone"):
        balance([], datetime(2026, 11, 29, 20, 0))


def test_warm_up_sets_are_not_hard_sets():
    warmups = [replace(logged, kind="warmup") for logged in sets("bench-press", 4, 10, 40.0, 1)]
    assert balance([*warmups, *sets("renegade-row", 2, 8, 12.0, 1)], NOW).push_sets == 0


def test_imported_moves_count_by_their_pattern_and_unknown_ones_are_left_out():
    exercises = UserCatalogue(
        load_catalogue(),
        [
            custom_exercise("t-bar-row", "T Bar Row", "horizontal-pull"),
            custom_exercise("zercher-hold", "Zercher", None),
        ],
    )
    week = [*sets("bench-press", 3, 8, 60.0, 1), *sets("t-bar-row", 3, 10, 40.0, 1), *sets("zercher-hold", 5, 1, 60, 1)]
    report = balance(week, NOW, catalogue=exercises)
    assert (report.push_sets, report.pull_sets, report.ratio) == (3, 3, 1.0)
