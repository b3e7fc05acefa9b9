"""The session API: what a phone sends during a workout, and what it is told."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from repcoach.service.live_session import LiveSession
from repcoach.session import MonotonicClock, SetDone, Skip


def event(client, session_id: str, kind: str, **fields):
    response = client.post(f"/api/v1/sessions/{session_id}/events", json={"kind": kind, **fields})
    assert response.status_code == 200, response.json()
    return response.json()


def test_a_session_starts_at_the_first_move_with_its_bell_and_reason(ready):
    response = ready.post("/api/v1/sessions", json={"plan": "kettlebell-back"})
    assert response.status_code == 201
    view = response.json()
    assert view["phase"] == "work"
    assert view["work"] | {"bell_reason": "…", "cue": "…", "cues": ["…"]} == {
        "exercise_id": "renegade-row",
        "name": "Renegade row",
        "side": None,
        "target": "6-10 reps",
        "round_label": "Round 1 of 3-5",
        "block": "Superset 1",
        "bell_kg": 8.0,
        "bell_reason": "…",
        "measure": "reps",
        "amount_default": 10,
        "rir_default": 2,
        "rir_target": "0-2 reps in reserve",
        "cue": "…",
        "cues": ["…"],
        "picture": "/static/moves/renegade-row.svg",
        "time_left": None,
        "notes": "",
    }
    assert "First time with Renegade row" in view["work"]["bell_reason"]
    assert view["work"]["cues"][0] == view["work"]["cue"] and len(view["work"]["cues"]) >= 3


def test_sets_rests_undo_and_a_reload_follow_the_stored_events(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    event(ready, session, "set_done", reps=9, rir=1, weight_kg=8, client_id=uuid.uuid4().hex)
    view = event(ready, session, "set_done", reps=8, rir=2, weight_kg=12, client_id=uuid.uuid4().hex)
    assert view["phase"] == "rest"
    assert (view["rest"]["seconds"], view["rest"]["reason"], view["rest"]["next_name"]) == (
        90,
        "after Superset 1",
        "Halo",
    )
    assert view["rest"]["next_picture"] == "/static/moves/halo.svg"
    reloaded = ready.get(f"/api/v1/sessions/{session}").json()
    assert reloaded["phase"] == "rest" and 85 < reloaded["rest"]["remaining"] <= 90
    assert event(ready, session, "undo")["work"]["exercise_id"] == "romanian-deadlift"
    assert ready.get(f"/api/v1/sessions/{session}").json()["sets_logged"] == 1


def test_a_paused_rest_stays_paused_with_its_time_across_reloads_until_resumed(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    event(ready, session, "set_done", reps=9, rir=1)
    event(ready, session, "set_done", reps=8, rir=2)
    paused = event(ready, session, "pause")
    assert paused["paused"] and paused["phase"] == "rest"
    reloaded = ready.get(f"/api/v1/sessions/{session}").json()
    assert reloaded["paused"] and abs(reloaded["rest"]["remaining"] - paused["rest"]["remaining"]) < 0.05
    going = event(ready, session, "resume")
    assert not going["paused"] and going["rest"]["remaining"] <= paused["rest"]["remaining"] + 0.05
    refused = ready.post(f"/api/v1/sessions/{session}/events", json={"kind": "resume"})
    assert refused.status_code == 409 and refused.json()["error"]["message"] == "The session is not paused."


def test_a_set_sent_twice_with_the_same_client_id_is_stored_once(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    key = uuid.uuid4().hex
    first = event(ready, session, "set_done", reps=10, rir=2, weight_kg=8, client_id=key)
    again = event(ready, session, "set_done", reps=10, rir=2, weight_kg=8, client_id=key)
    assert (first["duplicate"], again["duplicate"]) == (False, True)
    assert again["sets_logged"] == 1 and again["work"]["exercise_id"] == "romanian-deadlift"


def test_three_rounds_then_finish_is_one_finished_session_in_the_history(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    view = {}
    for _ in range(15):
        view = ready.get(f"/api/v1/sessions/{session}").json()
        if view["phase"] == "rest":
            event(ready, session, "end_rest")
        view = event(ready, session, "set_done", reps=10, rir=2, weight_kg=8)
    assert view["phase"] == "choice" and view["choice"] == {"round": 3, "rounds": "3-5", "rest_seconds": 120}
    assert event(ready, session, "end_rounds")["phase"] == "finished"
    [listed] = ready.get("/api/v1/sessions").json()
    assert listed["finished_at"] is not None and len(listed["sets"]) == 15
    report = ready.get(f"/api/v1/sessions/{session}/report").json()
    assert (report["rounds"], report["sets"], report["volume"], report["last_time"]) == (3, 15, "1,200 kg", None)
    assert [move["name"] for move in report["next_moves"]] == [
        "Renegade row",
        "Romanian deadlift",
        "Halo",
        "Single-arm row",
    ]
    assert report["next_times"][0]["allowed"].startswith("Allowed from ")
    refused = ready.post(f"/api/v1/sessions/{session}/events", json={"kind": "undo"})
    assert (
        refused.status_code == 409
        and refused.json()["error"]["message"] == "This session is finished; start a new one."
    )


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"kind": "set_done", "reps": -1}, "reps", "must be 0 or more (got -1)"),
        ({"kind": "set_done", "reps": "ten"}, "reps", "Input should be a valid integer (got 'ten')"),
        ({"kind": "set_done", "reps": "8"}, "reps", "Input should be a valid integer (got '8')"),
        ({"kind": "set_done", "hold_seconds": False}, "hold_seconds", "Input should be a valid integer (got False)"),
        ({"kind": "set_done", "weight_kg": 0}, "weight_kg", "must be more than 0 (got 0)"),
        (
            {"kind": "dance"},
            "kind",
            "'dance' is not allowed here; use one of 'set_done', 'skip', 'end_rest', 'undo', "
            "'another_round', 'end_rounds', 'finish_session', 'pause' or 'resume'",
        ),
        ({}, "kind", "the required field 'kind' is missing"),
    ],
)
def test_a_bad_event_body_is_a_422_naming_the_field_and_nothing_is_stored(ready, body, field, message):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    response = ready.post(f"/api/v1/sessions/{session}/events", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["type"] == "invalid_input"
    assert error["problems"] == [{"field": field, "message": message}]
    assert ready.get(f"/api/v1/sessions/{session}").json()["sets_logged"] == 0


def test_an_event_that_does_not_fit_the_step_is_a_409_with_the_reason(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    response = ready.post(f"/api/v1/sessions/{session}/events", json={"kind": "another_round"})
    assert response.status_code == 409
    assert response.json()["error"]["type"] == "not_now"


@pytest.mark.parametrize("limit", ["0", "101", "true", "2.5"])
def test_a_listing_limit_out_of_its_range_is_a_422_not_quietly_changed(ready, limit):
    refused = ready.get(f"/api/v1/sessions?limit={limit}")
    assert refused.status_code == 422 and refused.json()["error"]["problems"][0]["field"] == "limit"


def test_the_report_of_a_session_not_yet_finished_is_a_409_and_of_no_session_a_404(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    early = ready.get(f"/api/v1/sessions/{session}/report")
    assert early.status_code == 409
    assert early.json()["error"]["message"] == "This session is not finished yet: its report comes at its end."
    assert ready.get("/api/v1/sessions/no-such-session/report").status_code == 404


def test_unknown_plans_and_sessions_are_404s_and_a_second_open_session_a_409(ready):
    unknown = ready.post("/api/v1/sessions", json={"plan": "kettlebel-back"})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["message"] == "Unknown plan 'kettlebel-back'. Did you mean: kettlebell-back?"
    assert ready.get("/api/v1/sessions/nope").status_code == 404
    zero = ready.post("/api/v1/sessions", json={"warmup": 0})  # 0 is not false
    assert zero.status_code == 422 and zero.json()["error"]["problems"][0]["field"] == "warmup"
    first = ready.post("/api/v1/sessions", json={}).json()["id"]
    second = ready.post("/api/v1/sessions", json={})
    assert second.status_code == 409 and first in second.json()["error"]["message"]


def test_the_api_asks_for_a_profile_before_anything_else(api):
    response = api.post("/api/v1/sessions", json={})
    assert response.status_code == 409
    assert "PUT /api/v1/profile" in response.json()["error"]["message"]


def test_sets_sent_at_the_same_moment_are_all_logged_in_turn(ready):
    session = ready.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
    bodies = [{"kind": "set_done", "reps": 8, "rir": 2, "client_id": uuid.uuid4().hex} for _ in range(2)]
    bodies.append(bodies[0])  # the same set sent twice: stored once

    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(pool.map(lambda body: ready.post(f"/api/v1/sessions/{session}/events", json=body), bodies))

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert ready.get(f"/api/v1/sessions/{session}").json()["sets_logged"] == 2


def test_a_set_logged_by_another_process_is_seen_by_the_next_request(ready):
    session = ready.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
    event(ready, session, "set_done", reps=9, rir=1)
    store = ready.app.state.store
    elsewhere = LiveSession.resume(store, store.get_session(session), MonotonicClock())  # e.g. `repcoach resume`
    elsewhere.apply(SetDone(reps=7, rir=2, weight_kg=16.0))

    view = ready.get(f"/api/v1/sessions/{session}").json()

    assert view["sets_logged"] == 2 and view["phase"] == "rest"
    assert event(ready, session, "undo")["work"]["exercise_id"] == "romanian-deadlift"


def test_a_set_logged_by_another_process_is_counted_by_the_next_set_and_then_undone_first(ready):
    session = ready.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
    event(ready, session, "set_done", reps=9, rir=1, client_id=uuid.uuid4().hex)
    store = ready.app.state.store
    elsewhere = LiveSession.resume(store, store.get_session(session), MonotonicClock())
    elsewhere.apply(SetDone(reps=7, rir=2, weight_kg=16.0), client_id="set-from-the-cli")
    elsewhere.apply(Skip())  # ends the rest after Superset 1

    view = event(ready, session, "set_done", reps=8, rir=2, client_id=uuid.uuid4().hex)
    again = event(ready, session, "set_done", reps=7, rir=2, client_id="set-from-the-cli")

    assert (view["sets_logged"], view["work"]["exercise_id"]) == (3, "single-arm-row")
    assert (again["duplicate"], again["sets_logged"]) == (True, 3)
    undone = event(ready, session, "undo")
    assert (undone["sets_logged"], undone["work"]["exercise_id"]) == (2, "halo")
    assert [s.reps for s in store.sets(session)] == [9, 7]


def test_a_client_id_of_a_set_in_an_earlier_session_is_refused_and_nothing_is_stored(ready):
    first = ready.post("/api/v1/sessions", json={}).json()["id"]
    event(ready, first, "set_done", reps=9, rir=1, client_id="phone-set-0001")
    event(ready, first, "finish_session")
    second = ready.post("/api/v1/sessions", json={}).json()["id"]

    for kind in ("set_done", "skip"):
        body = {"kind": kind, "reps": 8, "client_id": "phone-set-0001"}
        refused = ready.post(f"/api/v1/sessions/{second}/events", json=body)
        assert refused.status_code == 422
        assert refused.json()["error"]["problems"] == [
            {"field": "client_id", "message": "this client_id was used for a set of another session"}
        ]

    view = ready.get(f"/api/v1/sessions/{second}").json()
    assert (view["sets_logged"], view["work"]["exercise_id"]) == (0, "renegade-row")
    assert event(ready, second, "set_done", reps=8, client_id="phone-set-0002")["sets_logged"] == 1


def test_the_count_and_the_bell_follow_an_undo_at_once(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    first = event(ready, session, "set_done", reps=10, rir=4, weight_kg=8, client_id=uuid.uuid4().hex)
    for _ in range(4):  # the rest of round 1
        if first["phase"] == "rest":
            event(ready, session, "end_rest")
        first = event(ready, session, "set_done", reps=8, rir=2, weight_kg=8)
    event(ready, session, "end_rest")
    round_two = ready.get(f"/api/v1/sessions/{session}").json()
    assert (round_two["sets_logged"], round_two["work"]["round_label"]) == (5, "Round 2 of 3-5")

    event(ready, session, "set_done", reps=10, rir=4, weight_kg=12)
    undone = event(ready, session, "undo")

    assert (undone["sets_logged"], undone["work"]["round_label"]) == (5, "Round 2 of 3-5")
    assert undone["work"] == round_two["work"]
