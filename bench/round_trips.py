"""What a logged set and a session's start cost the database: round trips, as the driver sends them.

For SQLite and PostgreSQL in turn, a fresh database is served by the web app in this process
(FastAPI's test client, single-user); its profile is set, then one session of the reference back
workout is started and two sets are logged (its first superset). Every statement the driver sends is counted: on
SQLite through sqlite3's trace callback (``BEGIN`` and ``COMMIT`` included), on PostgreSQL through
libpq's protocol trace (each ``Query`` and each ``Sync``: one round trip each, so a pool's ping
counts too). A set's figure is the most either cost; the start's, after the first session
of a profile that has history (the advice reads it).

Prints each figure beside its limit (a set: 4, a session's start: 10; a set of a signed-in user on a multi-user
server: 5, its login read first). Exits 0 whatever the numbers.

Run: .venv/bin/python bench/round_trips.py   (a few seconds)
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

SET_LIMIT = 4
START_LIMIT = 10
PROFILE = {"units": "kg", "experience": "beginner", "bells_kg": [8, 12, 16]}
LOCAL = "http://localhost"


@contextmanager
def round_trips(engine: Engine) -> Iterator[Callable[[], list[str]]]:
    """Count what ``engine``'s driver sends while the block runs: yields a function giving the statements so far.

    The pool is emptied first, so every connection the block uses is opened, and traced, inside it.
    """
    engine.dispose()
    sent: list[str] = []
    trace_file = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed in the finally below, after the pool lets go)
    postgres = engine.dialect.name == "postgresql"

    def on_connect(connection: Any, _record: Any) -> None:
        if postgres:
            connection.pgconn.trace(trace_file.fileno())
        else:
            connection.set_trace_callback(sent.append)

    def statements() -> list[str]:
        if not postgres:
            return list(sent)
        trace_file.flush()
        trace_file.seek(0)
        found, parsed = [], ""
        for line in trace_file:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[1] != "F":
                continue
            text = parts[4].strip() if len(parts) > 4 else ""
            if parts[3] == "Parse":
                parsed = text.split('" "', 1)[-1]
            elif parts[3] == "Query":
                found.append(text.strip('"'))
            elif parts[3] == "Sync":
                found.append(parsed)
        return found

    event.listen(engine, "connect", on_connect)
    try:
        yield statements
    finally:
        event.remove(engine, "connect", on_connect)
        engine.dispose()  # no traced connection stays in the pool
        trace_file.close()


def measure(url: str, accounts: bool = False) -> tuple[list[str], list[str]]:
    """The statements of the dearest of two logged sets, and of a session's start, on the database at ``url``;
    with ``accounts``, of a signed-in user of a multi-user server."""
    from fastapi.testclient import TestClient

    from repcoach.web import create_app

    app = create_app(url, accounts=accounts)
    with TestClient(app, base_url=LOCAL) as client:
        engine: Engine = app.state.store.engine
        if accounts:
            account = {"username": "anna", "password": "correct horse"}
            client.post("/api/v1/account", json=account).raise_for_status()
        client.put("/api/v1/profile", json=PROFILE).raise_for_status()
        first = client.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]
        for _ in range(2):
            _log_set(client, first)
        client.post(f"/api/v1/sessions/{first}/events", json={"kind": "finish_session"}).raise_for_status()
        with round_trips(engine) as sent:
            session = client.post("/api/v1/sessions", json={"plan": "kettlebell-back"})
            session.raise_for_status()
            start = sent()
        dearest: list[str] = []
        for _ in range(2):
            with round_trips(engine) as sent:
                _log_set(client, session.json()["id"])
                dearest = max(dearest, sent(), key=len)
    return dearest, start


def _log_set(client: Any, session_id: str) -> None:
    body = {"kind": "set_done", "reps": 8, "rir": 2, "weight_kg": 12, "client_id": uuid.uuid4().hex}
    client.post(f"/api/v1/sessions/{session_id}/events", json=body).raise_for_status()


def report(database: str, set_statements: list[str], start_statements: list[str], signed_in: list[str]) -> list[str]:
    lines = []
    for what, sent, limit in (
        ("a logged set", set_statements, SET_LIMIT),
        ("a session's start", start_statements, START_LIMIT),
        ("a signed-in user's set", signed_in, SET_LIMIT + 1),
    ):
        verdict = "PASS" if len(sent) <= limit else "FAIL"
        lines.append(f"{verdict}: {database:<11} {what}: {len(sent)} round trips (limit {limit})")
    return lines


def main() -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from loadkit import databases, fresh_database

    kinds = databases()
    with tempfile.TemporaryDirectory(prefix="repcoach-round-trips-") as temp:
        for database in kinds:
            with fresh_database(database, Path(temp)) as url:
                set_statements, start_statements = measure(url)
            with fresh_database(database, Path(temp)) as url:
                signed_in, _ = measure(url, accounts=True)
            print("\n".join(report(database, set_statements, start_statements, signed_in)))
            if os.environ.get("ROUND_TRIPS_VERBOSE"):
                print("  set:", *set_statements, sep="\n    ")
                print("  start:", *start_statements, sep="\n    ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
