"""Several server processes on one PostgreSQL: any of them answers any request of any session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
from tests.web.browsing import free_port, next_event, serve_process
from tests.web.conftest import PROFILE

Send = Callable[[int, str, dict], httpx.Response]


def run_the_reference_routine(send: Send, session_id: str) -> list[str]:
    """Walk the session to its end (3 rounds), the n-th event to process n % 2; the moves logged, in order."""
    logged: list[str] = []
    view = send(0, f"/api/v1/sessions/{session_id}", {}).json()
    turn = 0
    while view["phase"] != "finished":
        turn += 1
        body = next_event(view)
        if view["phase"] == "work":
            logged.append(view["work"]["exercise_id"] + (f" {view['work']['side']}" if view["work"]["side"] else ""))
        answer = send(turn % 2, f"/api/v1/sessions/{session_id}/events", body)
        assert answer.status_code == 200, answer.text
        view = answer.json()
        if turn == 5:  # a set whose answer was lost, sent again to the other process
            again = send((turn + 1) % 2, f"/api/v1/sessions/{session_id}/events", body)
            assert again.status_code == 200 and again.json()["duplicate"] is True, again.text
    return logged


def stored_moves(client: httpx.Client, base: str) -> list[str]:
    [session] = client.get(f"{base}/api/v1/sessions").json()
    return [s["exercise_id"] + (f" {s['side']}" if s["side"] else "") for s in session["sets"]]


def test_two_processes_taking_turns_keep_one_session_in_order_and_share_the_login_throttle(postgres_url, tmp_path):
    ports = [free_port(), free_port()]
    with (
        serve_process(postgres_url, ports[0], tmp_path / "a.log", ["--multi-user"]),
        serve_process(postgres_url, ports[1], tmp_path / "b.log", ["--multi-user"]),
        httpx.Client(trust_env=False, timeout=10) as client,  # one cookie jar, as one browser behind a balancer
    ):
        bases = [f"http://127.0.0.1:{port}" for port in ports]

        def send(process: int, path: str, body: dict) -> httpx.Response:
            return client.post(bases[process] + path, json=body) if body else client.get(bases[process] + path)

        account = {"username": "anna", "password": "correct horse"}
        assert client.post(f"{bases[0]}/api/v1/account", json=account).status_code == 201
        assert client.put(f"{bases[1]}/api/v1/profile", json=PROFILE).status_code == 200
        session = client.post(f"{bases[1]}/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]

        logged = run_the_reference_routine(send, session)

        assert len(logged) == 15
        assert stored_moves(client, bases[0]) == logged == stored_moves(client, bases[1])
        wrong = {"username": "anna", "password": "wrong horse"}
        for attempt in range(5):
            assert client.post(f"{bases[attempt % 2]}/api/v1/login", json=wrong).status_code == 401
        for base in bases:
            assert client.post(f"{base}/api/v1/login", json=account).status_code == 429


def test_serve_with_two_workers_answers_a_whole_session_from_either(postgres_url, tmp_path: Path):
    port = free_port()
    log = tmp_path / "serve.log"
    with (
        serve_process(postgres_url, port, log, ["--workers", "2"]) as server,
        httpx.Client(trust_env=False, timeout=10, limits=httpx.Limits(max_keepalive_connections=0)) as client,
    ):
        base = f"http://localhost:{port}"
        workers = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        assert len(workers) >= 2, log.read_text()  # uvicorn's supervisor has a process per worker

        def send(_process: int, path: str, body: dict) -> httpx.Response:
            return client.post(base + path, json=body) if body else client.get(base + path)

        assert client.put(f"{base}/api/v1/profile", json=PROFILE).status_code == 200
        session = client.post(f"{base}/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
        logged = run_the_reference_routine(send, session)
        assert len(logged) == 15 and stored_moves(client, base) == logged
