"""What a logged set costs the database, and that the cheap path stays right: bells saved mid-session,
connections the database server ended."""

from __future__ import annotations

import importlib.util
import sys
import time
import uuid
from pathlib import Path

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url
from tests.web.conftest import LOCAL, PROFILE

from repcoach.web import create_app

_SPEC = importlib.util.spec_from_file_location("round_trips", Path(__file__).parents[2] / "bench" / "round_trips.py")
assert _SPEC is not None and _SPEC.loader is not None
round_trips = importlib.util.module_from_spec(_SPEC)
sys.modules["round_trips"] = round_trips
_SPEC.loader.exec_module(round_trips)


def a_set(client: TestClient, session_id: str, **fields: object) -> dict:
    body = {"kind": "set_done", "reps": 8, "rir": 2, "client_id": uuid.uuid4().hex, **fields}
    response = client.post(f"/api/v1/sessions/{session_id}/events", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_logged_set_is_one_transaction_of_four_round_trips_and_a_start_at_most_ten(store_url):
    set_statements, start_statements = round_trips.measure(store_url)
    assert len(set_statements) <= 4, set_statements
    assert [text.split()[0].upper() for text in set_statements] == ["BEGIN", "INSERT", "INSERT", "COMMIT"]
    assert len(start_statements) <= 10, start_statements


def test_bells_saved_mid_session_count_from_the_next_set(ready):
    session = ready.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
    assert ready.put("/api/v1/profile", json={**PROFILE, "bells_kg": [20, 24]}).status_code == 200
    view = a_set(ready, session, weight_kg=8)
    assert view["work"]["exercise_id"] == "romanian-deadlift"
    assert view["work"]["bell_kg"] in (20, 24), view["work"]


def test_a_connection_the_database_server_ended_is_replaced_without_a_failed_set(postgres_url):
    with TestClient(create_app(postgres_url), base_url=LOCAL) as client:
        assert client.put("/api/v1/profile", json=PROFILE).status_code == 200
        session = client.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
        a_set(client, session, weight_kg=8)
        admin_url = make_url(postgres_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(admin_url, autocommit=True) as admin:
            ended = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        assert ended, "the app held no connection to end"
        time.sleep(0.2)  # the server's goodbye reaches the pooled connections
        view = a_set(client, session, weight_kg=12)
        assert view["phase"] == "rest" and view["sets_logged"] == 2
        assert [logged["reps"] for logged in client.get("/api/v1/sessions").json()[0]["sets"]] == [8, 8]


def test_a_signed_in_users_set_costs_one_read_of_the_login_more(store_url):
    set_statements, _ = round_trips.measure(store_url, accounts=True)
    assert len(set_statements) <= 5, set_statements
    assert [text.split()[0].upper() for text in set_statements][-4:] == ["BEGIN", "INSERT", "INSERT", "COMMIT"]
    assert "login_sessions" in set_statements[0]
