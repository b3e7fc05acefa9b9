"""A live session: every event stored as the engine recorded it, replayed exactly on resume."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.errors import StoreError
from repcoach.plan.builtins import get_builtin_plan
from repcoach.service.live_session import LiveSession
from repcoach.session import (
    AnotherRound,
    EndRest,
    FakeClock,
    Finished,
    Pause,
    Program,
    Rest,
    Resume,
    RoundChoice,
    SetDone,
    Skip,
    Undo,
    WorkStep,
)


class WallClock:
    """A wall clock moved by hand, alongside the session's FakeClock."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def live(store, wall, clock) -> LiveSession:
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12])
    return LiveSession.start(store, profile, Program.compose(get_builtin_plan("kettlebell-back")), clock, wall)


def resumed(live: LiveSession, wall: WallClock) -> LiveSession:
    record = live.store.unfinished_session(live.record.profile_id)
    assert record is not None
    return LiveSession.resume(live.store, record, FakeClock(), wall)


def describe(state: object) -> tuple[object, ...]:
    if isinstance(state, WorkStep):
        return ("work", state.round, state.move.exercise, state.side)
    if isinstance(state, Rest):
        return ("rest", state.reason, round(state.remaining))
    return (type(state).__name__,)


def test_skipping_a_rest_is_stored_so_a_resume_lands_on_the_same_step(live, wall):
    live.apply(SetDone(reps=8, rir=2, weight_kg=8.0))
    live.apply(SetDone(reps=8, rir=2, weight_kg=12.0))
    live.apply(Skip())  # during the 90 s rest: ends it
    assert describe(live.state) == ("work", 1, "halo", None)
    assert describe(resumed(live, wall).state) == ("work", 1, "halo", None)


def test_each_set_is_stored_with_its_step_and_an_undo_removes_it(live, wall):
    live.apply(SetDone(reps=9, rir=1, weight_kg=8.0))
    live.apply(SetDone(reps=7, rir=0, weight_kg=12.0))
    live.apply(Undo())
    sets = live.store.sets(live.record.id)
    assert [
        (s.exercise_id, s.round, s.reps, s.rir, s.weight_kg, s.reps_target_low, s.reps_target_high) for s in sets
    ] == [("renegade-row", 1, 9, 1, 8.0, 6, 10)]
    assert describe(resumed(live, wall).state) == ("work", 1, "romanian-deadlift", None)


def test_a_resume_inside_a_rest_deducts_the_wall_clock_time_since_the_last_event(live, wall):
    live.apply(SetDone(reps=8))
    live.apply(SetDone(reps=8))
    wall.now += timedelta(seconds=30)
    assert describe(resumed(live, wall).state) == ("rest", "after Superset 1", 60)
    wall.now += timedelta(seconds=90)
    assert describe(resumed(live, wall).state) == ("work", 1, "halo", None)


def test_the_defaults_of_a_resumed_session_are_its_last_sets(live, wall):
    live.apply(SetDone(reps=9, rir=1, weight_kg=8.0))
    again = resumed(live, wall)
    assert again.last_sets[("renegade-row", None)].reps == 9


def test_reaching_the_end_marks_the_stored_session_finished(live, wall):
    for round_number in range(1, 6):
        for _ in range(5):
            if isinstance(live.state, Rest):
                live.apply(EndRest())
            live.apply(SetDone(reps=8))
        if round_number in (3, 4):
            live.apply(AnotherRound())
        if isinstance(live.state, Rest):
            live.apply(EndRest())
    assert isinstance(live.state, Finished)
    assert live.store.get_session(live.record.id).finished_at == wall.now
    assert live.store.unfinished_session(live.record.profile_id) is None


def test_a_set_starts_when_the_rest_before_it_ends_and_finishes_when_logged(live, wall, clock):
    start = wall.now
    wall.now += timedelta(seconds=40)
    live.apply(SetDone(reps=8))  # renegade row: from the start of the session
    wall.now += timedelta(seconds=35)
    live.apply(SetDone(reps=8))  # Romanian deadlift right after it; a 90 s rest begins
    wall.now += timedelta(seconds=150)
    clock.advance(150)
    live.apply(SetDone(reps=8))  # halo: began when the rest ended
    times = [(s.started_at - start, s.finished_at - start) for s in live.store.sets(live.record.id)]
    assert times == [
        (timedelta(0), timedelta(seconds=40)),
        (timedelta(seconds=40), timedelta(seconds=75)),
        (timedelta(seconds=165), timedelta(seconds=225)),
    ]


def test_ending_a_rest_early_starts_the_next_set_at_once(live, wall):
    live.apply(SetDone(reps=8))
    live.apply(SetDone(reps=8))
    wall.now += timedelta(seconds=20)
    live.apply(EndRest())
    ended = wall.now
    wall.now += timedelta(seconds=30)
    live.apply(SetDone(reps=8))
    assert live.store.sets(live.record.id)[-1].started_at == ended


def test_time_paused_in_a_rest_is_not_rest_after_a_resume(live, wall):
    live.apply(SetDone(reps=8))
    live.apply(SetDone(reps=8))  # the 90 s rest after Superset 1 begins
    wall.now += timedelta(seconds=20)
    live.apply(Pause())
    wall.now += timedelta(minutes=10)
    live.apply(Resume())
    wall.now += timedelta(seconds=10)
    assert describe(resumed(live, wall).state) == ("rest", "after Superset 1", 60)


def test_a_session_left_paused_comes_back_paused_with_its_rest_frozen(live, wall):
    live.apply(SetDone(reps=8))
    live.apply(SetDone(reps=8))
    wall.now += timedelta(seconds=30)
    live.apply(Pause())
    wall.now += timedelta(hours=1)
    again = resumed(live, wall)
    assert again.engine.paused
    assert describe(again.state) == ("rest", "after Superset 1", 60)
    again.apply(Resume())
    assert describe(again.state) == ("rest", "after Superset 1", 60)


def test_deciding_on_another_round_is_resting_and_is_not_given_again_after_a_resume(live, wall):
    for _ in range(3):
        for _ in range(5):
            if isinstance(live.state, Rest):
                live.apply(EndRest())
            live.apply(SetDone(reps=8))
    assert isinstance(live.state, RoundChoice)  # round 3 done: the 2 min round rest runs while deciding
    wall.now += timedelta(seconds=30)
    live.apply(AnotherRound())
    wall.now += timedelta(seconds=10)
    assert describe(resumed(live, wall).state) == ("rest", "after round 3", 80)


def test_the_sets_kept_in_memory_are_the_stored_ones_after_sets_and_an_undo(live, wall):
    live.apply(SetDone(reps=9, rir=1, weight_kg=8.0), client_id="phone-set-0001")
    live.apply(SetDone(reps=7, rir=0, weight_kg=12.0), client_id="phone-set-0002")
    live.apply(Undo())
    assert live.sets == live.store.sets(live.record.id)
    assert [s.client_id for s in live.sets] == ["phone-set-0001"]
    assert live.set_logged_as("phone-set-0001") == live.sets[0] and live.set_logged_as("phone-set-0002") is None
    assert resumed(live, wall).sets == live.sets


def test_a_write_that_lost_to_another_writer_fails_and_leaves_the_session_as_stored(live, wall):
    live.apply(SetDone(reps=9, rir=1, weight_kg=8.0))
    elsewhere = resumed(live, wall)  # e.g. `repcoach resume` on the same database
    elsewhere.apply(SetDone(reps=7, rir=2, weight_kg=12.0))

    with pytest.raises(StoreError, match="The set could not be saved"):
        live.apply(SetDone(reps=6, rir=2, weight_kg=12.0))  # it too thinks it is the second set

    assert [s.reps for s in live.sets] == [9, 7] and live.last_seq == 2
    assert describe(live.state) == ("rest", "after Superset 1", 90)
    live.apply(Undo())
    assert [s.reps for s in live.store.sets(live.record.id)] == [9]


def test_events_walked_offline_keep_the_time_the_device_gives_them_within_the_session(live, wall):
    start = wall.now
    wall.now += timedelta(days=1)  # the phone syncs the next day
    live.apply(SetDone(reps=8), done_at=start + timedelta(minutes=1))
    live.apply(SetDone(reps=8), done_at=start + timedelta(seconds=30))  # a clock gone back: kept in order
    live.apply(EndRest(), done_at=start - timedelta(hours=1))  # before the session: no earlier than its last event
    live.apply(SetDone(reps=8), done_at=start + timedelta(days=3))  # in the future: now at the latest
    stored = live.store.events(live.record.id)
    assert [event.at - start for event in stored] == [
        timedelta(minutes=1),
        timedelta(minutes=1),
        timedelta(minutes=1),
        timedelta(days=1),
    ]
    assert [logged.finished_at - start for logged in live.store.sets(live.record.id)] == [
        timedelta(minutes=1),
        timedelta(minutes=1),
        timedelta(days=1),
    ]
