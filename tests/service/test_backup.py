"""repcoach's JSON export read back gives the same store: generated histories, SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repcoach.errors import Collision, InvalidInput
from repcoach.io.backup_json import dump_export, load_export
from repcoach.plan.builtins import builtin_plans, builtin_shelf, get_builtin_plan
from repcoach.plan.plan import Plan
from repcoach.service.backup import export_document, restore_document
from repcoach.service.kept_plans import keep_plan
from repcoach.service.live_session import LiveSession
from repcoach.session import FakeClock, Program, SetDone, Skip
from repcoach.store import NewSet, Store, open_store
from repcoach.store.workouts import CustomExerciseRecord, NewWorkout

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
BACK_DAY = get_builtin_plan("kettlebell-back").model_copy(update={"id": "back-day", "title": "Back day 💪"})


def texts(**size: int) -> st.SearchStrategy[str]:
    """What a person writes: anything but a NUL character, which no text may hold."""
    return st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), **size)


new_sets = st.builds(
    NewSet,
    exercise_id=st.sampled_from(["single-arm-row", "bench-press", "t-bar-row"]),
    plan_id=st.just(""),
    block_name=st.just(""),
    round=st.integers(1, 10),
    side=st.sampled_from([None, "left", "right"]),
    reps=st.none() | st.integers(0, 50),
    reps_target_low=st.none(),
    reps_target_high=st.none(),
    hold_seconds=st.none() | st.integers(0, 600),
    weight_kg=st.none() | st.floats(0.5, 300, allow_nan=False).map(lambda kg: round(kg, 3)),
    rir=st.none() | st.integers(0, 10),
    finished_at=st.datetimes(datetime(2020, 1, 1), datetime(2026, 11, 1), timezones=st.just(UTC)),
    kind=st.sampled_from(["normal", "warmup", "dropset", "failure"]),
    equipment=st.sampled_from([None, "barbell", "unspecified"]),
    distance_m=st.none() | st.floats(0, 50_000, allow_nan=False).map(lambda m: round(m, 2)),
    notes=st.none() | texts(max_size=40),
)
workouts = st.lists(
    st.builds(
        NewWorkout,
        title=texts(min_size=1, max_size=30),
        started_at=st.datetimes(datetime(2020, 1, 1), datetime(2026, 11, 1), timezones=st.just(UTC)),
        finished_at=st.just(NOW),
        sets=st.lists(new_sets, min_size=1, max_size=6),
        source_key=st.none() | st.uuids().map(lambda key: f"strong:{key}"),
        notes=st.none() | texts(min_size=1, max_size=40),
    ),
    max_size=5,
)

kept_plans = st.lists(
    st.builds(
        lambda plan_id, title, base: get_builtin_plan(base).model_copy(update={"id": plan_id, "title": title}),
        plan_id=st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True).filter(
            lambda plan_id: plan_id not in builtin_plans()
        ),
        title=texts(min_size=1, max_size=30),
        base=st.sampled_from(["kettlebell-back", "legs-glutes"]),
    ),
    max_size=3,
    unique_by=lambda plan: plan.id,
)


def fill(store: Store, history: list[NewWorkout], plans: list[Plan] | None = None) -> int:
    """A profile with bells, a custom move, a guided session in progress, ``history`` and kept ``plans``
    (by default one made from a built-in)."""
    profile = store.save_profile(units="lb", experience="intermediate", bells_kg=[8, 12, 16])
    store.save_preferences([1, 3, 5], "07:30", "Europe/Berlin")
    for plan in [BACK_DAY] if plans is None else plans:
        keep_plan(store, profile.id, plan, builtin_shelf(), NOW)
    store.import_workouts(profile.id, history, [CustomExerciseRecord("t-bar-row", "T Bar Row", "horizontal-pull")])
    live = LiveSession.start(store, profile, Program.compose(get_builtin_plan("kettlebell-back")), FakeClock())
    live.apply(SetDone(reps=9, rir=1, weight_kg=8.0), client_id="phone-set-0001")
    live.apply(SetDone(reps=8, rir=2, weight_kg=16.0))
    live.apply(Skip())
    return profile.id


def contents(store: Store) -> tuple[object, ...]:
    """Everything stored for the user, without the database's own row ids."""
    profile = store.get_profile()
    assert profile is not None
    copies = [
        (
            replace(copy.record, profile_id=0, sets=tuple(replace(logged, id=0) for logged in copy.record.sets)),
            list(copy.events),
        )
        for copy in store.session_copies(profile.id)
    ]
    plans = store.kept_plans.of_profile(profile.id)
    return replace(profile, id=0, created_at=NOW), store.custom_exercises(profile.id), copies, plans


def round_trip(source: Store, target: Store) -> str:
    """Export ``source``, restore it into ``target``, and check the two stores hold the same."""
    exported = dump_export(export_document(source, source.get_profile(), NOW))
    restore_document(target, None, load_export(exported.encode(), "backup.json"))
    assert contents(target) == contents(source)
    return exported


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=workouts, plans=kept_plans)
def test_an_export_read_back_into_an_empty_store_exports_the_same(tmp_path_factory, history, plans):
    folder = tmp_path_factory.mktemp("backup")
    with open_store(f"sqlite:///{folder / 'a.db'}") as source, open_store(f"sqlite:///{folder / 'b.db'}") as target:
        fill(source, history, plans)
        round_trip(source, target)


def test_the_round_trip_holds_on_both_databases_and_a_second_restore_adds_nothing(store, sqlite_url, tmp_path):
    fill(store, [NewWorkout("Back 💪, heavy", NOW - timedelta(days=3), NOW, [], source_key="hevy:1")])
    with open_store(f"sqlite:///{tmp_path / 'copy.db'}") as target:
        exported = round_trip(store, target)
        second = restore_document(target, None, load_export(exported.encode(), "backup.json"))
        assert (second.profile_created, second.sessions, second.sets, second.plans) == (False, 0, 0, 0)
    document = json.loads(exported)
    assert document["profile"]["time_zone"] == "Europe/Berlin"
    assert [len(session["sets"]) for session in document["sessions"]] == [0, 2]
    assert [(plan["plan_id"], plan["title"]) for plan in document["kept_plans"]] == [("back-day", "Back day 💪")]


def test_another_users_backup_is_a_collision_that_stores_nothing_and_a_copy_of_the_same_client_ids_is_fine(
    store, tmp_path
):
    fill(store, [])
    exported = dump_export(export_document(store, store.get_profile(), NOW)).encode()
    ben = store.accounts.create("ben", "hash", NOW)
    store.save_profile("kg", "beginner", [12], account_id=ben.id)
    with pytest.raises(Collision, match="1 session.* stored for another user.*Nothing was restored"):
        restore_document(store, ben.id, load_export(exported, "backup.json"))
    assert store.list_sessions(store.get_profile(ben.id).id) == []
    with open_store(f"sqlite:///{tmp_path / 'other.db'}") as other:  # the same sets, client ids and all, elsewhere
        other.save_profile("kg", "beginner", [8])
        anna = other.accounts.create("anna", "hash", NOW)
        restore_document(other, anna.id, load_export(exported, "backup.json"))
        fill(other, [])  # the single user logs a set under the same client id
        assert other.set_by_client_id(other.get_profile(anna.id).id, "phone-set-0001") is not None
        assert other.set_by_client_id(other.get_profile().id, "phone-set-0001") is not None


def test_a_restored_plan_is_kept_for_the_account_and_one_kept_under_its_id_stays(store, tmp_path):
    fill(store, [], plans=[BACK_DAY, BACK_DAY.model_copy(update={"id": "legs", "title": "Legs"})])
    exported = dump_export(export_document(store, store.get_profile(), NOW))
    with open_store(f"sqlite:///{tmp_path / 'server.db'}") as server:
        anna = server.accounts.create("anna", "hash", NOW)
        annas = server.save_profile(units="kg", experience="beginner", bells_kg=[16], account_id=anna.id)
        keep_plan(server, annas.id, BACK_DAY.model_copy(update={"title": "Anna's own"}), builtin_shelf(), NOW)

        restored = restore_document(server, anna.id, load_export(exported.encode(), "backup.json"))

        assert (restored.sessions, restored.plans) == (1, 1)
        assert [(plan.plan_id, plan.title) for plan in server.kept_plans.of_account(anna.id)] == [
            ("back-day", "Anna's own"),
            ("legs", "Legs"),
        ]


def test_an_export_from_before_kept_plans_still_reads(store):
    fill(store, [], plans=[])
    document = json.loads(dump_export(export_document(store, store.get_profile(), NOW)))
    del document["kept_plans"]
    assert load_export(json.dumps(document).encode(), "old.json").kept_plans == []


def test_a_kept_plan_that_is_not_a_valid_plan_is_refused_before_anything_is_stored(store, tmp_path):
    fill(store, [])
    document = json.loads(dump_export(export_document(store, store.get_profile(), NOW)))
    document["kept_plans"][0]["toml"] = document["kept_plans"][0]["toml"].replace("renegade-row", "renegade-rowing")
    target_url = f"sqlite:///{tmp_path / 'target.db'}"
    with open_store(target_url) as target, pytest.raises(InvalidInput) as caught:
        restore_document(target, None, load_export(json.dumps(document).encode(), "backup.json"))
    assert "kept plan back-day" in str(caught.value) and "unknown exercise 'renegade-rowing'" in str(caught.value)
    with open_store(target_url) as target:
        assert target.get_profile() is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"\x89PNG\r\n", "not a JSON file"),
        (b'{"format": "strong"}', 'not a repcoach export (its "format" is not "repcoach-export")'),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(text, message):
    with pytest.raises(InvalidInput) as caught:
        load_export(text, "x.json")
    assert message in str(caught.value)


def test_a_wrong_field_is_named_by_its_path(store):
    fill(store, [])
    document = json.loads(dump_export(export_document(store, store.get_profile(), NOW)))
    document["sessions"][0]["sets"][1]["reps"] = -3
    with pytest.raises(InvalidInput) as caught:
        load_export(json.dumps(document).encode(), "backup.json")
    [problem] = caught.value.problems
    assert (problem.source, problem.field) == ("backup.json", "sessions[0].sets[1].reps")
    assert "0 or more" in problem.message


def test_a_backup_nested_100k_deep_is_refused_in_one_line_not_a_traceback():
    deep = b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(InvalidInput) as refused:
        load_export(deep, "deep.json")
    assert str(refused.value).endswith("nested thousands of levels deep")


def test_a_backup_with_a_number_beyond_any_set_is_refused_naming_it_before_anything_is_stored(store):
    store.save_profile(units="kg", experience="beginner", bells_kg=[8.0])
    exported = json.loads(dump_export(export_document(store, store.get_profile(), NOW)))
    session = {
        "id": "a" * 32, "title": "Huge", "plan_ids": [], "program": {}, "started_at": "2026-04-06T18:00:00Z",
        "finished_at": "2026-04-06T19:00:00Z", "source_key": None, "notes": None, "events": [],
        "sets": [{
            "event_seq": 1, "exercise_id": "halo", "plan_id": "", "block_name": "", "round": 1, "side": None,
            "reps": 3_000_000_000, "reps_target_low": None, "reps_target_high": None, "hold_seconds": None,
            "weight_kg": 8.0, "rir": None, "finished_at": "2026-04-06T18:10:00Z", "started_at": None,
            "client_id": None, "kind": "normal", "equipment": None, "distance_m": None, "notes": None,
        }],
    }  # fmt: skip
    exported["sessions"] = [session]
    with pytest.raises(InvalidInput, match=r"sessions\[0\]\.sets\[0\]\.reps"):
        load_export(json.dumps(exported).encode(), "huge.json")


@pytest.mark.parametrize(
    ("spoil", "field", "message"),
    [
        (lambda doc: doc["sessions"][0]["sets"][0].update(weight_kg="NaN"), None, "NaN is not a number JSON has"),
        (lambda doc: doc["sessions"][0]["sets"][0].update(weight_kg="1e400"), None, "1e400 is too large a number"),
        (
            lambda doc: doc["sessions"][0].update(started_at="2099-01-01T10:00:00Z"),
            "sessions.0",
            "the session of 2099-01-01 10:00 (Kettlebell back workout) is dated in the future",
        ),
        (lambda doc: doc["sessions"][0]["sets"][0].update(side="$\\frac{"), "sessions[0].sets[0].side", "'left'"),
        (lambda doc: doc["profile"].update(time_zone="Mars/Olympus"), "profile.time_zone", "is not a time zone"),
        (
            lambda doc: doc["sessions"][0]["program"]["segments"][0].update(rounds="nothing"),
            "sessions[0].program",
            "not a program repcoach can run: segments.0.rounds",
        ),
        (lambda doc: doc["sessions"][0].update(title="x" * 301), "sessions[0].title", "at most 300 characters"),
        (lambda doc: doc["sessions"][0].update(notes="a\x00b"), "sessions[0].notes", "holds a NUL character"),
        (
            lambda doc: doc["sessions"][0]["events"][1].update(seq=1),
            "sessions[0]",
            "two events have the number 1",
        ),
        (
            lambda doc: doc["sessions"][0]["sets"][1].update(client_id="phone-set-0001"),
            None,
            "two sets have the client id 'phone-set-0001'",
        ),
        (
            lambda doc: doc["sessions"][0]["events"][0]["payload"].update(reps="eight"),
            "sessions[0].events[0]",
            "A set_done event's reps is a whole number or null, not 'eight'",
        ),
        (
            lambda doc: doc["sessions"][0]["events"][0]["payload"].update(kind="skip"),
            "sessions[0].events[0]",
            "an event's payload holds its fields, not its kind",
        ),
        (
            lambda doc: doc["sessions"][0]["events"][0].update(kind="another_round", payload={}),
            "sessions[0]",
            "its events do not fit its program: Stored event 1 (another_round) does not fit this session",
        ),
    ],
)
def test_a_backup_spoiled_in_one_field_is_refused_naming_it_and_nothing_is_stored(store, spoil, field, message):
    """Each was found by the generated bad input (test_bad_input_properties.py): a traceback or a 500 before."""
    fill(store, [])
    document = json.loads(dump_export(export_document(store, store.get_profile(), NOW)))
    spoil(document)
    text = json.dumps(document).replace('"NaN"', "NaN").replace('"1e400"', "1e400")
    with pytest.raises(InvalidInput) as refused:
        load_export(text.encode(), "backup.json")
    [problem] = refused.value.problems
    assert (problem.source, problem.field) == ("backup.json", field)
    assert message in problem.message


def test_a_backup_with_a_set_stored_already_in_another_session_is_a_collision_that_stores_nothing(store):
    fill(store, [])
    document = json.loads(dump_export(export_document(store, store.get_profile(), NOW)))
    document["sessions"][0]["id"] = "b" * 32  # the same sets, under another session: an edited backup
    before = len(store.sets_between(store.get_profile().id, NOW - timedelta(days=3650), NOW + timedelta(days=3650)))
    with pytest.raises(Collision, match="client id 'phone-set-0001' of a set stored already"):
        restore_document(store, None, load_export(json.dumps(document).encode(), "backup.json"))
    assert store.get_session("b" * 32) is None
    after = store.sets_between(store.get_profile().id, NOW - timedelta(days=3650), NOW + timedelta(days=3650))
    assert len(after) == before


def test_another_users_backup_restored_by_a_new_account_leaves_no_profile_behind(store):
    fill(store, [])
    exported = dump_export(export_document(store, store.get_profile(), NOW)).encode()
    carl = store.accounts.create("carl", "hash", NOW)  # no profile yet: the restore would make one
    with pytest.raises(Collision, match="stored for another user"):
        restore_document(store, carl.id, load_export(exported, "backup.json"))
    assert store.get_profile(carl.id) is None
