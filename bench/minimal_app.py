"""The baseline the throughput benchmark compares repcoach with: the least an app on the same stack can do per set.

Starlette under uvicorn, SQLAlchemy on the same database (the URL in ``MINIMAL_DATABASE_URL``), and for
each ``POST /sets`` one INSERT of the set and a COMMIT (BEGIN, INSERT, COMMIT): no session, no order,
no profile, no advice. SQLite gets what repcoach gives it (WAL, a busy timeout, the default
synchronous=FULL), so both pay the same fsync per set.

Run by bench/throughput.py: ``uvicorn minimal_app:build --factory --app-dir bench``.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Engine, Float, Integer, MetaData, String, Table, create_engine, event, insert
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

metadata = MetaData()
sets = Table(
    "sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", String(64), nullable=False),
    Column("client_id", String(64), nullable=False),
    Column("reps", Integer),
    Column("rir", Integer),
    Column("weight_kg", Float),
    Column("logged_at", DateTime(timezone=True), nullable=False),
)


def _engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    return engine


def create_schema(url: str) -> None:
    """The one table, made once by the benchmark before any worker starts."""
    engine = _engine(url)
    metadata.create_all(engine)
    engine.dispose()


def build() -> Starlette:
    """The app on the database named by ``MINIMAL_DATABASE_URL`` (a uvicorn factory: one per worker process)."""
    engine = _engine(os.environ["MINIMAL_DATABASE_URL"])

    def store(row: dict[str, Any]) -> None:
        with engine.begin() as connection:
            connection.execute(insert(sets), row)

    async def log_set(request: Request) -> JSONResponse:
        body = json.loads(await request.body())
        row = {
            "session_id": str(body.get("session_id", "s")),
            "client_id": str(body["client_id"]),
            "reps": int(body["reps"]),
            "rir": body.get("rir"),
            "weight_kg": body.get("weight_kg"),
            "logged_at": datetime.now(UTC),
        }
        await run_in_threadpool(store, row)  # as repcoach's sync endpoints run: in the thread pool
        return JSONResponse({"stored": True, "duplicate": False}, status_code=201)

    return Starlette(routes=[Route("/sets", log_set, methods=["POST"])])
