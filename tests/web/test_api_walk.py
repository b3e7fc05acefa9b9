"""GET /api/v1/sessions/ID/walk: the session compiled for a phone to walk alone."""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.conftest import PROFILE

from repcoach.web import create_app

QUICK_AMRAP = Path(__file__).parent / "data" / "quick-amrap.toml"


def test_the_walk_shows_every_state_as_the_session_view_does_and_stands_where_the_session_is(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    done = {"kind": "set_done", "reps": 9, "rir": 1, "weight_kg": 8, "client_id": uuid.uuid4().hex}
    view = ready.post(f"/api/v1/sessions/{session}/events", json=done).json()
    walk = ready.get(f"/api/v1/sessions/{session}/walk").json()
    assert walk["at"] == view["at"] == "work:0/r1/b0/s1/m1"
    assert walk["sets_logged"] == 1 and walk["remaining"] is None and not walk["paused"]
    assert walk["undo"] == [{"to": "work:0/r1/b0/s1/m0", "set_done": True}]
    here = walk["nodes"][walk["at"]]
    assert here["work"] == view["work"]  # the same move, target, bell and reason as the live view
    assert here["on"]["set_done"] == {"to": "rest:0/r1/b1/s1/m0", "from_round_end": False}
    rest = walk["nodes"]["rest:0/r1/b1/s1/m0"]["rest"]
    assert (rest["seconds"], rest["reason"], rest["next_name"]) == (90, "after Superset 1", "Halo")
    assert walk["nodes"]["choice:0/r3"]["on"]["another_round"]["from_round_end"] is True

    ready.post(f"/api/v1/sessions/{session}/events", json={**done, "client_id": uuid.uuid4().hex})
    walk = ready.get(f"/api/v1/sessions/{session}/walk").json()
    assert walk["at"] == "rest:0/r1/b1/s1/m0" and 85 < walk["remaining"] <= 90  # the rest is running


def test_a_session_with_an_amrap_answers_409_its_steps_end_by_the_server_clock(sqlite_url):
    with TestClient(create_app(sqlite_url, plan_files=[QUICK_AMRAP])) as client:
        client.put("/api/v1/profile", json=PROFILE)
        session = client.post("/api/v1/sessions", json={"plan": "quick-amrap"}).json()["id"]
        answer = client.get(f"/api/v1/sessions/{session}/walk")
        assert answer.status_code == 409 and "blocks on the clock" in answer.json()["error"]["message"]


def test_an_unknown_session_has_no_walk(ready):
    assert ready.get("/api/v1/sessions/not-a-session/walk").status_code == 404
