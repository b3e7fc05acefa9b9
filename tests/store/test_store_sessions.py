"""Sessions, their events and sets: every write whole or not at all."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from repcoach.errors import SessionOpen, StoreError
from repcoach.store import NewSet, open_store

T0 = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def a_set(exercise="halo", reps=8, rir=2, weight=8.0, at=T0, round_number=1, side=None) -> NewSet:
    return NewSet(
        exercise_id=exercise,
        plan_id="kettlebell-back",
        block_name="Superset 2",
        round=round_number,
        side=side,
        reps=reps,
        reps_target_low=6,
        reps_target_high=10,
        hold_seconds=None,
        weight_kg=weight,
        rir=rir,
        finished_at=at,
    )


@pytest.fixture
def session(store):
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16])
    return store.start_session(profile.id, "Kettlebell back workout", ["kettlebell-back"], {"segments": []}, T0)


def test_a_session_with_events_and_sets_lists_back_as_logged(store, session):
    store.append_event(session.id, 1, "set_done", {"reps": 8}, T0, new_set=a_set("renegade-row"))
    store.append_event(session.id, 2, "set_done", {"reps": 9}, T0, new_set=a_set("single-arm-row", reps=9, side="left"))
    store.append_event(session.id, 3, "end_rest", {}, T0)
    store.finish_session(session.id, T0 + timedelta(minutes=35))
    [listed] = store.list_sessions(session.profile_id)
    assert (listed.title, listed.plan_ids, listed.finished_at) == (
        "Kettlebell back workout",
        ("kettlebell-back",),
        T0 + timedelta(minutes=35),
    )
    assert [(s.exercise_id, s.reps, s.side, s.event_seq) for s in listed.sets] == [
        ("renegade-row", 8, None, 1),
        ("single-arm-row", 9, "left", 2),
    ]
    assert [event.kind for event in store.events(session.id)] == ["set_done", "set_done", "end_rest"]


def test_undo_removes_exactly_the_set_it_undoes(store, session):
    store.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set("renegade-row"))
    store.append_event(session.id, 2, "set_done", {}, T0, new_set=a_set("romanian-deadlift"))
    store.append_event(session.id, 3, "undo", {}, T0, undo_seq=2)
    assert [s.exercise_id for s in store.sets(session.id)] == ["renegade-row"]
    assert [event.seq for event in store.events(session.id)] == [1, 2, 3]


def test_a_set_that_breaks_a_rule_leaves_no_event_behind(store, session):
    with pytest.raises(StoreError, match="The set could not be saved"):
        store.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set(reps=-3))
    assert store.events(session.id) == []
    assert store.sets(session.id) == []


def test_the_unfinished_session_is_the_newest_one_not_finished(store, session):
    store.record_workout(session.profile_id, "Old", [a_set(at=T0 - timedelta(days=2))], T0 - timedelta(days=2), T0)
    assert store.unfinished_session(session.profile_id).id == session.id
    store.finish_session(session.id, T0)
    assert store.unfinished_session(session.profile_id) is None


def test_times_come_back_in_utc_whatever_zone_they_were_given_in(store, session):
    local = datetime(2026, 11, 24, 19, 30, tzinfo=UTC).astimezone()
    store.append_event(session.id, 1, "skip", {}, local)
    assert store.events(session.id)[0].at == local
    assert store.events(session.id)[0].at.tzinfo == UTC


def test_every_logged_set_is_on_disk_at_once_for_another_reader(sqlite_url):
    with open_store(sqlite_url) as writer, open_store(sqlite_url) as reader:
        profile = writer.save_profile(units="kg", experience="beginner", bells_kg=[8])
        session = writer.start_session(profile.id, "T", ["kettlebell-back"], {}, T0)
        writer.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set())
        assert len(reader.sets(session.id)) == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nonsense://x", "Cannot use the database URL 'nonsense://x': unknown database kind 'nonsense'"),
        ("not a url", "'not a url' is not a database URL (e.g. sqlite:///"),
        (
            "postgresql+psycopg://nobody:secret@127.0.0.1:1/x",
            "Cannot open the database 'postgresql+psycopg://nobody:***@127.0.0.1:1/x': connection failed",
        ),
    ],
)
def test_a_bad_database_url_gets_a_sentence_naming_it_with_the_password_hidden(url, message):
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert str(caught.value).startswith(message)
    assert "secret" not in str(caught.value)


def test_a_sqlite_path_under_a_file_says_which_folder_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError, match=f"Cannot create the folder {blocker} for the database"):
        open_store(f"sqlite:///{blocker}/repcoach.db")


def test_a_workout_logged_outside_a_session_is_stored_whole_and_finished(store):
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8])
    sets = [a_set("bench-press", reps=8, weight=60.0, at=T0 + timedelta(minutes=i)) for i in range(3)]
    workout = store.record_workout(profile.id, "Chest day", sets, T0, T0 + timedelta(minutes=3))
    assert workout.finished_at == T0 + timedelta(minutes=3)
    assert [(s.exercise_id, s.reps, s.weight_kg, s.event_seq) for s in workout.sets] == [
        ("bench-press", 8, 60.0, 1),
        ("bench-press", 8, 60.0, 2),
        ("bench-press", 8, 60.0, 3),
    ]
    assert store.unfinished_session(profile.id) is None


def test_a_workout_with_one_bad_set_stores_nothing(store):
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8])
    with pytest.raises(StoreError, match="The workout could not be saved"):
        store.record_workout(profile.id, "Chest day", [a_set(reps=8), a_set(reps=-1)], T0, T0)
    assert store.list_sessions(profile.id) == []


def test_sets_between_two_times_come_oldest_first_and_exclude_the_end(store, session):
    for seq, minutes in enumerate((30, 0, 60), start=1):
        store.append_event(session.id, seq, "set_done", {}, T0, new_set=a_set(at=T0 + timedelta(minutes=minutes)))
    found = store.sets_between(session.profile_id, T0, T0 + timedelta(minutes=60))
    assert [s.finished_at - T0 for s in found] == [timedelta(0), timedelta(minutes=30)]


def test_each_moves_newest_sets_come_newest_first_within_the_times_and_only_the_users(store, session):
    minutes = (0, 30, 90, 60, 120)  # 120 is past the end
    for seq, at in enumerate(minutes, start=1):
        store.append_event(session.id, seq, "set_done", {}, T0, new_set=a_set(at=T0 + timedelta(minutes=at)))
    store.append_event(session.id, 6, "set_done", {}, T0, new_set=a_set("renegade-row", at=T0 + timedelta(minutes=45)))
    store.append_event(
        session.id, 7, "set_done", {}, T0, new_set=a_set("single-arm-row", at=T0 + timedelta(minutes=50))
    )
    anna = store.accounts.create("anna", "hash", T0)
    annas = store.save_profile("kg", "beginner", [8], account_id=anna.id)
    hers = store.start_session(annas.id, "Kettlebell back workout", ["kettlebell-back"], {"segments": []}, T0)
    store.append_event(hers.id, 1, "set_done", {}, T0, new_set=a_set(at=T0 + timedelta(minutes=75)))

    end = T0 + timedelta(minutes=120)
    found = store.newest_sets(session.profile_id, ["halo", "renegade-row", "swing"], T0, end, per_exercise=None)
    assert {name: [s.finished_at - T0 for s in sets] for name, sets in found.items()} == {
        "halo": [timedelta(minutes=90), timedelta(minutes=60), timedelta(minutes=30), timedelta(0)],
        "renegade-row": [timedelta(minutes=45)],
        "swing": [],
    }
    newest_two = store.newest_sets(session.profile_id, ["halo", "renegade-row"], T0, end, per_exercise=2)
    assert [s.finished_at - T0 for s in newest_two["halo"]] == [timedelta(minutes=90), timedelta(minutes=60)]
    assert len(newest_two["renegade-row"]) == 1


def test_a_session_is_not_started_beside_one_not_finished(store, session):
    with pytest.raises(SessionOpen, match=f"Session {session.id} .* is not finished"):
        store.start_session(session.profile_id, "Another", ["kettlebell-back"], {"segments": []}, T0)
    assert store.list_sessions(session.profile_id) == [store.get_session(session.id)]


def test_the_session_comes_with_the_number_of_its_last_event(store, session):
    assert store.session_at(session.id) == (session, 0)
    store.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set())
    store.append_event(session.id, 2, "end_rest", {}, T0)
    assert store.session_at(session.id) == (session, 2)
    assert store.session_at("nope") is None


def test_an_event_number_taken_meanwhile_refuses_the_whole_write(store, session):
    store.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set("renegade-row"))
    with pytest.raises(StoreError, match="The set could not be saved"):
        store.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set("halo"), finishes=True)
    assert [s.exercise_id for s in store.sets(session.id)] == ["renegade-row"]
    assert [event.seq for event in store.events(session.id)] == [1]
    assert store.unfinished_session(session.profile_id) == session


def test_the_event_that_ends_a_session_finishes_it_in_the_same_write(store, session):
    logged = store.append_event(session.id, 1, "set_done", {}, T0, new_set=a_set(), finishes=True)
    assert logged == store.sets(session.id)[0] and logged.event_seq == 1
    [listed] = store.list_sessions(session.profile_id)
    assert listed.finished_at == T0


def test_a_client_id_names_one_set_whatever_the_session(store, session):
    store.append_event(session.id, 1, "set_done", {}, T0, new_set=replace(a_set(), client_id="phone-set-0001"))
    store.finish_session(session.id, T0)
    other = store.start_session(session.profile_id, "Other", ["kettlebell-back"], {}, T0)
    with pytest.raises(StoreError, match="The set could not be saved"):
        store.append_event(other.id, 1, "set_done", {}, T0, new_set=replace(a_set(), client_id="phone-set-0001"))
    assert store.events(other.id) == [] and store.sets(other.id) == []


def test_a_client_id_is_one_users_own_another_may_hold_the_same(store, session):
    store.append_event(session.id, 1, "set_done", {}, T0, new_set=replace(a_set(), client_id="phone-set-0001"))
    anna = store.save_profile("kg", "beginner", [8], account_id=store.accounts.create("anna", "hash", T0).id)
    hers = store.start_session(anna.id, "Kettlebell back workout", ["kettlebell-back"], {"segments": []}, T0)
    store.append_event(hers.id, 1, "set_done", {}, T0, new_set=replace(a_set(reps=5), client_id="phone-set-0001"))
    assert store.set_by_client_id(anna.id, "phone-set-0001").reps == 5
    assert store.set_by_client_id(session.profile_id, "phone-set-0001").reps == 8


def test_each_session_with_sets_comes_whole_and_in_order_however_the_rows_are_batched(store):
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8])
    for day, count in ((2, 3), (0, 1), (1, 0), (3, 2)):  # the day-1 session holds no set
        start = T0 + timedelta(days=day)
        sets = [a_set(reps=6 + index, at=start + timedelta(minutes=index)) for index in range(count)]
        store.record_workout(profile.id, f"Day {day}", sets, start, start + timedelta(hours=1))

    sessions = list(store.each_session_with_sets(profile.id, batch=2))

    assert [(s.title, [logged.reps for logged in s.sets]) for s in sessions] == [
        ("Day 0", [6]),
        ("Day 2", [6, 7, 8]),
        ("Day 3", [6, 7]),
    ]
