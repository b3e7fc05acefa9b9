"""Imported workouts: stored whole, once, with the custom exercises they use."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from repcoach.errors import StoreError
from repcoach.store import NewSet
from repcoach.store.workouts import CustomExerciseRecord, NewWorkout

DAY = datetime(2026, 4, 8, 16, 50, tzinfo=UTC)


def workout(day: int, *reps: int, exercise: str = "t-bar-row", kind: str = "normal") -> NewWorkout:
    start = DAY + timedelta(days=day)
    sets = [
        NewSet(
            exercise_id=exercise,
            plan_id="",
            block_name="",
            round=1,
            side=None,
            reps=count,
            reps_target_low=None,
            reps_target_high=None,
            hold_seconds=None,
            weight_kg=40.0,
            rir=None,
            finished_at=start + timedelta(minutes=number),
            kind=kind,  # type: ignore[arg-type]
            equipment="barbell",
            notes="felt good, 💪",
        )
        for number, count in enumerate(reps)
    ]
    return NewWorkout("Back day", start, start + timedelta(hours=1), sets, source_key=f"strong:{start.isoformat()}")


@pytest.fixture
def profile_id(store) -> int:
    return store.save_profile(units="kg", experience="beginner", bells_kg=[16]).id


T_BAR = CustomExerciseRecord("t-bar-row", "T Bar Row", "horizontal-pull")


def test_importing_the_same_workouts_twice_adds_nothing_and_a_longer_export_only_the_new(store, profile_id):
    first = store.import_workouts(profile_id, [workout(0, 10, 8), workout(2, 9)], [T_BAR])
    assert (len(first.workouts), first.sets) == (2, 3)
    assert store.import_workouts(profile_id, [workout(0, 10, 8), workout(2, 9)], [T_BAR]).sets == 0
    longer = store.import_workouts(profile_id, [workout(0, 10, 8), workout(2, 9), workout(4, 7, 7)], [T_BAR])
    assert (len(longer.workouts), longer.sets) == (1, 2)
    assert len(store.list_sessions(profile_id, limit=10)) == 3
    keys = [workout(day).source_key for day in (0, 4, 9)]
    assert store.source_keys(profile_id, keys) == set(keys[:2])


def test_an_imported_set_keeps_its_kind_equipment_and_notes(store, profile_id):
    [session] = store.import_workouts(profile_id, [workout(0, 12, kind="warmup")]).workouts
    [logged] = store.sets(session)
    assert (logged.kind, logged.equipment, logged.notes, logged.weight_kg) == (
        "warmup",
        "barbell",
        "felt good, 💪",
        40.0,
    )
    assert store.get_session(session).source_key == f"strong:{DAY.isoformat()}"


def test_a_bad_set_stores_nothing_of_the_import(store, profile_id):
    with pytest.raises(StoreError, match="The workout could not be saved"):
        store.import_workouts(profile_id, [workout(0, 10), workout(1, -1)], [T_BAR])
    assert store.list_sessions(profile_id) == [] and store.custom_exercises(profile_id) == []


def test_a_corrected_pattern_survives_importing_again(store, profile_id):
    store.import_workouts(profile_id, [workout(0, 10)], [T_BAR])
    store.set_custom_pattern(profile_id, "t-bar-row", "horizontal-push")
    store.import_workouts(profile_id, [workout(3, 10)], [T_BAR])
    assert store.custom_exercises(profile_id) == [CustomExerciseRecord("t-bar-row", "T Bar Row", "horizontal-push")]
    with pytest.raises(StoreError, match="There is no custom exercise lat-pulldown"):
        store.set_custom_pattern(profile_id, "lat-pulldown", "vertical-pull")


def test_another_user_may_import_the_same_export(store, profile_id):
    other = store.save_profile(
        units="kg", experience="beginner", bells_kg=[16], account_id=store.accounts.create("ben", "h", DAY).id
    )
    store.import_workouts(profile_id, [workout(0, 10)], [T_BAR])
    assert store.import_workouts(other.id, [workout(0, 10)], [T_BAR]).sets == 1
    assert len(store.custom_exercises(other.id)) == 1


def test_imported_times_come_back_equal_in_utc_to_the_microsecond_whatever_their_zone(store, profile_id):
    kolkata, los_angeles = timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))
    start = datetime(2026, 4, 8, 22, 20, 7, 120, tzinfo=kolkata)
    done = [start + timedelta(minutes=2), datetime(2026, 4, 8, 9, 0, 0, 999999, tzinfo=los_angeles)]
    sets = [replace(workout(0, 8).sets[0], finished_at=moment) for moment in done]
    imported = NewWorkout("Evening", start, done[-1], sets, source_key="strong:zones")

    [session_id] = store.import_workouts(profile_id, [imported]).workouts

    session = store.get_session(session_id)
    assert (session.started_at, session.finished_at) == (start, done[-1])
    assert session.started_at.tzinfo == UTC
    assert [found.finished_at for found in store.sets(session_id)] == done
    # Compared in SQL with times SQLAlchemy binds: the start is in, the end is out.
    assert [found.finished_at for found in store.sets_between(profile_id, done[0], done[1])] == [done[0]]


def test_an_imported_time_without_a_zone_is_refused_and_nothing_is_stored(store, profile_id):
    naive = replace(workout(0, 8).sets[0], finished_at=datetime(2026, 4, 8, 17, 0))

    with pytest.raises(StatementError, match="a stored time must carry its time zone, got 2026-04-08 17:00:00"):
        store.import_workouts(profile_id, [NewWorkout("Back day", DAY, DAY, [naive], source_key="strong:naive")])

    assert store.list_sessions(profile_id) == []
