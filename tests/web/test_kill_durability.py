"""The server killed with -9 at random moments while a session is logged, again and again, on SQLite and
PostgreSQL: no acknowledged set is lost, and a set re-sent after the kill (its answer lost) is stored once."""

from __future__ import annotations

import os
import random
import signal
import threading
from collections import Counter

import httpx
import pytest
from tests.web.browsing import free_port, next_event, serve_process
from tests.web.conftest import PROFILE

from repcoach.store import open_store

pytestmark = pytest.mark.slow

KILLS = 12


def log_until_killed(client: httpx.Client, base: str, unanswered: dict | None, acknowledged: list[str]) -> dict | None:
    """Send what comes next, one at a time, until the server dies; the event sent then (its answer lost)."""
    try:
        if unanswered is not None:  # sent again under its client id, as the phone's outbox does
            event = {key: value for key, value in unanswered.items() if key != "session"}
            answer = client.post(f"{base}/api/v1/sessions/{unanswered['session']}/events", json=event)
            assert answer.status_code == 200, answer.text
            if unanswered["kind"] == "set_done":
                acknowledged.append(unanswered["client_id"])
        while True:
            newest = client.get(f"{base}/api/v1/sessions", params={"limit": 1}).json()
            if newest and newest[0]["finished_at"] is None:
                view = client.get(f"{base}/api/v1/sessions/{newest[0]['id']}").json()
            else:
                view = client.post(f"{base}/api/v1/sessions", json={"plan": "kettlebell-back"}).json()
            session_id = view["id"]
            while view["phase"] != "finished":
                body = next_event(view)
                unanswered = {**body, "session": session_id}
                answer = client.post(f"{base}/api/v1/sessions/{session_id}/events", json=body)
                assert answer.status_code == 200, answer.text
                unanswered = None
                if body["kind"] == "set_done":
                    acknowledged.append(body["client_id"])
                view = answer.json()
    except httpx.TransportError:
        return unanswered


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_kill_9_at_random_moments_loses_no_acknowledged_set_and_stores_a_resent_one_once(database, tmp_path, request):
    url = f"sqlite:///{tmp_path / 'r.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    chance = random.Random(16)
    acknowledged: list[str] = []
    unanswered: dict | None = None
    for _ in range(KILLS):
        port = free_port()
        with (
            serve_process(url, port, tmp_path / "serve.log") as server,
            httpx.Client(trust_env=False, timeout=10) as client,
        ):
            base = f"http://localhost:{port}"
            assert client.put(f"{base}/api/v1/profile", json=PROFILE).status_code == 200
            killer = threading.Timer(chance.uniform(0.05, 0.6), os.killpg, (server.pid, signal.SIGKILL))
            killer.start()
            unanswered = log_until_killed(client, base, unanswered, acknowledged)
            killer.join()
    with open_store(url) as store:
        profile = store.get_profile()
        stored = Counter(s.client_id for session in store.list_sessions(profile.id, limit=100) for s in session.sets)
    assert len(acknowledged) > KILLS * 3, "too few sets were logged between kills to tell anything"
    assert not set(acknowledged) - set(stored), "an acknowledged set is missing"
    assert max(stored.values()) == 1, "a set is stored twice"
