"""GET /api/v1/sessions/ID/walk: the session compiled for a phone to walk alone."""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.conftest import LOCAL, PROFILE

from repcoach.web import create_app

QUICK_AMRAP = Path(__file__).parent / "data" / "quick-amrap.toml"
QUICK_EMOM = Path(__file__).parent / "data" / "quick-emom.toml"


def test_the_walk_shows_every_state_as_the_session_view_does_and_stands_where_the_session_is(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    done = {"kind": "set_done", "reps": 9, "rir": 1, "weight_kg": 8, "client_id": uuid.uuid4().hex}
    view = ready.post(f"/api/v1/sessions/{session}/events", json=done).json()
    walk = ready.get(f"/api/v1/sessions/{session}/walk").json()
    assert walk["at"] == view["at"] == "work:0/r1/b0/s1/m1"
    assert walk["sets_logged"] == 1 and walk["remaining"] is None and not walk["paused"]
    assert walk["undo"] == [{"to": "work:0/r1/b0/s1/m0", "set_done": True, "lap": 0}] and walk["lap"] == 0
    here = walk["nodes"][walk["at"]]
    assert here["work"] == view["work"]  # the same move, target, bell and reason as the live view
    to_rest = {"to": "rest:0/r1/b1/s1/m0", "from_round_end": False, "interval": 0, "rest": 90, "next_lap": False}
    assert here["on"]["set_done"] == to_rest and here["capped"] == {}
    rest = walk["nodes"]["rest:0/r1/b1/s1/m0"]["rest"]
    assert (rest["seconds"], rest["reason"], rest["next_name"]) == (90, "after Superset 1", "Halo")
    assert walk["nodes"]["choice:0/r3"]["on"]["another_round"]["from_round_end"] is True

    ready.post(f"/api/v1/sessions/{session}/events", json={**done, "client_id": uuid.uuid4().hex})
    walk = ready.get(f"/api/v1/sessions/{session}/walk").json()
    assert walk["at"] == "rest:0/r1/b1/s1/m0" and 85 < walk["remaining"] <= 90  # the rest is running


def test_an_amrap_walked_on_a_phone_goes_round_on_the_server_as_the_phone_said_then_ends_where_time_was_gone(
    sqlite_url,
):
    with TestClient(create_app(sqlite_url, plan_files=[QUICK_AMRAP]), base_url=LOCAL) as client:
        client.put("/api/v1/profile", json=PROFILE)
        session = client.post("/api/v1/sessions", json={"plan": "quick-amrap"}).json()["id"]
        walk = client.get(f"/api/v1/sessions/{session}/walk").json()
        assert walk["nodes"]["work:0/r1/b0/s*/m0"]["lapped"] and walk["interval_elapsed"] is not None
        laps = ["work:0/r1/b0/s1/m0", "work:0/r1/b0/s1/m1", "work:0/r1/b0/s2/m0", "work:0/r1/b0/s2/m1"]
        for at, left in zip([*laps, "work:0/r1/b0/s3/m0"], [5.5, 4.0, 3.0, 1.5, 0.0], strict=True):
            view = send(client, session, "set_done", reps=5, at=at, interval_left=left, client_id=uuid.uuid4().hex)
            assert view.status_code == 200, view.text
        # the server's clock says more than 6 s are left; the phone said the time was gone with the third halo
        assert view.json()["at"] == "work:0/r1/b1/s1/m0" and view.json()["work"]["name"] == "Push-up"
        walk = client.get(f"/api/v1/sessions/{session}/walk").json()
        assert (walk["at"], walk["lap"], walk["sets_logged"]) == ("work:0/r1/b1/s1/m0", 0, 5)
        assert [undone["lap"] for undone in walk["undo"]] == [0, 0, 1, 1, 2]
        late = send(client, session, "set_done", reps=5, at="work:0/r1/b0/s4/m1", client_id=uuid.uuid4().hex)
        assert late.status_code == 409 and "Goblet squat" in late.json()["error"]["message"]  # a lap it never did


def test_an_unknown_session_has_no_walk(ready):
    assert ready.get("/api/v1/sessions/not-a-session/walk").status_code == 404


def send(client: TestClient, session: str, kind: str, **fields: object):
    return client.post(f"/api/v1/sessions/{session}/events", json={"kind": kind, **fields})


def test_an_event_sent_twice_under_one_client_id_is_applied_once(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    skip = {"client_id": uuid.uuid4().hex, "at": "work:0/r1/b0/s1/m0"}
    assert send(ready, session, "skip", **skip).json()["at"] == "work:0/r1/b0/s1/m1"
    again = send(ready, session, "skip", **skip).json()  # its answer was lost: the phone sends it again
    assert again["duplicate"] and again["at"] == "work:0/r1/b0/s1/m1"


def test_a_set_for_the_step_after_a_rest_the_phone_timed_out_ends_the_servers_rest(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    send(ready, session, "set_done", reps=8, weight_kg=8, at="work:0/r1/b0/s1/m0", client_id=uuid.uuid4().hex)
    resting = send(
        ready, session, "set_done", reps=8, weight_kg=12, at="work:0/r1/b0/s1/m1", client_id=uuid.uuid4().hex
    )
    assert resting.json()["at"] == "rest:0/r1/b1/s1/m0"  # 90 s on the server's clock
    halo = {"reps": 9, "weight_kg": 8, "at": "work:0/r1/b1/s1/m0", "client_id": uuid.uuid4().hex}
    answer = send(ready, session, "set_done", **halo)  # the phone's clock had ended the rest
    assert answer.status_code == 200 and answer.json()["at"] == "work:0/r1/b1/s1/m1/left"
    [stored] = ready.get("/api/v1/sessions").json()
    assert [s["exercise_id"] for s in stored["sets"]] == ["renegade-row", "romanian-deadlift", "halo"]
    late_end = send(ready, session, "end_rest", at="rest:0/r1/b1/s1/m0", client_id=uuid.uuid4().hex)
    assert late_end.status_code == 409  # that rest is two steps back now: the session has moved on


def test_ending_a_rest_that_ran_out_on_the_server_already_changes_nothing(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    for step in ("work:0/r1/b0/s1/m0", "work:0/r1/b0/s1/m1"):
        send(ready, session, "set_done", reps=8, at=step, client_id=uuid.uuid4().hex)
    send(ready, session, "end_rest", at="rest:0/r1/b1/s1/m0", client_id=uuid.uuid4().hex)
    again = send(ready, session, "end_rest", at="rest:0/r1/b1/s1/m0", client_id=uuid.uuid4().hex)  # a second tap
    assert again.status_code == 200 and again.json()["at"] == "work:0/r1/b1/s1/m0"


def test_an_event_for_a_place_the_session_has_left_is_refused_and_stores_nothing(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    send(ready, session, "set_done", reps=8, client_id=uuid.uuid4().hex)  # another device logged the first set
    stale = send(ready, session, "set_done", reps=10, at="work:0/r1/b0/s1/m0", client_id=uuid.uuid4().hex)
    assert stale.status_code == 409 and "moved on" in stale.json()["error"]["message"]
    assert ready.get(f"/api/v1/sessions/{session}").json()["sets_logged"] == 1


def test_a_set_sent_again_after_the_session_finished_is_known_by_its_client_id(ready):
    session = ready.post("/api/v1/sessions", json={"plan": "upper-body-warmup"}).json()["id"]
    walk = ready.get(f"/api/v1/sessions/{session}/walk").json()
    last = None
    while walk["nodes"][walk["at"]]["phase"] != "finished":
        kind = "set_done" if "set_done" in walk["nodes"][walk["at"]]["on"] else "end_rest"
        last = {"kind": kind, "reps": 5, "client_id": uuid.uuid4().hex, "at": walk["at"]}
        walk["at"] = ready.post(f"/api/v1/sessions/{session}/events", json=last).json()["at"]
    again = ready.post(f"/api/v1/sessions/{session}/events", json=last)
    assert again.status_code == 200 and again.json()["duplicate"] and again.json()["phase"] == "finished"


def test_an_emom_set_walked_offline_brings_what_was_left_of_its_interval_by_the_phones_clock(sqlite_url):
    with TestClient(create_app(sqlite_url, plan_files=[QUICK_EMOM]), base_url=LOCAL) as client:
        client.put("/api/v1/profile", json=PROFILE)
        session = client.post("/api/v1/sessions", json={"plan": "quick-emom"}).json()["id"]
        walk = client.get(f"/api/v1/sessions/{session}/walk").json()
        swing, press = walk["nodes"]["work:0/r1/b0/s1/m0"], walk["nodes"]["work:0/r1/b0/s1/m1/right"]
        assert swing["starts_interval"] and (swing["interval"], press["interval"]) == (0, 60)
        for at in ("work:0/r1/b0/s1/m0", "work:0/r1/b0/s1/m1/left"):
            send(client, session, "set_done", reps=5, at=at, client_id=uuid.uuid4().hex)
        last = {"reps": 5, "at": "work:0/r1/b0/s1/m1/right", "interval_left": 25.0, "client_id": uuid.uuid4().hex}
        view = send(client, session, "set_done", **last).json()
        assert view["phase"] == "rest" and view["rest"]["reason"] == "until the interval ends"
        assert 24 < view["rest"]["remaining"] <= 25  # the phone's 25 s, not what the server's clock says
        assert client.get(f"/api/v1/sessions/{session}/walk").json()["remaining"] <= 25  # and kept so
