"""Weekly volume and best sets, from hand-made logs."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from repcoach.coach.history import LoggedSet
from repcoach.coach.stats import WeekVolume, best_sets, weekly_volume

MONDAY = datetime(2026, 11, 16, 18, 0, tzinfo=UTC)


def done(exercise: str, reps: int, kg: float | None, day: int) -> LoggedSet:
    return LoggedSet(exercise, f"s{day}", MONDAY + timedelta(days=day), reps, 2, kg)


LOG = [
    done("single-arm-row", 10, 12.0, 0),
    done("single-arm-row", 8, 12.0, 0),
    done("pull-up", 6, None, 2),
    done("single-arm-row", 8, 16.0, 7),  # the next Monday
]


def test_volume_adds_load_times_reps_per_move_and_week():
    assert weekly_volume(LOG, lambda logged: logged.exercise_id, UTC) == [
        WeekVolume(date(2026, 11, 16), "pull-up", 1, 6, 0.0),
        WeekVolume(date(2026, 11, 16), "single-arm-row", 2, 18, 216.0),
        WeekVolume(date(2026, 11, 23), "single-arm-row", 1, 8, 128.0),
    ]


def test_volume_can_be_grouped_by_pattern_and_leaves_out_unknown_moves():
    patterns = {"single-arm-row": "horizontal-pull", "pull-up": "vertical-pull"}
    weeks = weekly_volume(LOG, lambda logged: patterns.get(logged.exercise_id), UTC)
    assert [(w.key, w.sets) for w in weeks] == [("horizontal-pull", 2), ("vertical-pull", 1), ("horizontal-pull", 1)]
    assert weekly_volume([done("mystery", 5, 10.0, 0)], lambda logged: None, UTC) == []


def test_a_sunday_evening_in_new_york_belongs_to_that_local_week():
    sunday_night = LoggedSet("halo", "s", datetime(2026, 11, 23, 2, 0, tzinfo=UTC), 8, 2, 8.0)  # Sun 21:00 there
    [week] = weekly_volume([sunday_night], lambda logged: logged.exercise_id, ZoneInfo("America/New_York"))
    assert week.week_start == date(2026, 11, 16)


def test_best_sets_are_each_sessions_best_the_heaviest_then_the_longest_first():
    # Monday's 12 kg x 10 beats its own 12 kg x 8, which is left out; bodyweight ranks last.
    assert [(b.weight_kg, b.reps) for b in best_sets(LOG, limit=3)] == [(16.0, 8), (12.0, 10), (None, 6)]
