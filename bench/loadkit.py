"""What the load benchmarks share: servers in their own processes, throwaway databases, a lean HTTP/1.1 client.

``api_load.py`` (open loop, latency) and ``throughput.py`` (closed loop, sets per second, beside a
minimal app) both start real servers on free loopback ports, each in its own process group, on a
fresh database that is removed afterwards, and speak to them with :class:`JsonConnection`.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import psycopg
from psycopg import sql

TIMEOUT_S = 5.0
"""A set not answered this long after it was due (or sent) is an error."""
REPCOACH = Path(sys.executable).parent / "repcoach"
UVICORN = Path(sys.executable).parent / "uvicorn"
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PROFILE = {"units": "kg", "experience": "intermediate", "bells_kg": [8, 12, 16]}
PLAN_ID = "api-bench"
SETS_PER_SESSION = 20
BENCH_PLAN = f"""\
# The reference back workout's moves with no rests and a fixed round count: every step is work.
id = "{PLAN_ID}"
title = "API bench"
rounds = "4"
rest_after_round = "0 s"

[loads]
light-medium = {{ low = 5, high = 15, unit = "lb" }}
medium-heavy = {{ low = 20, high = 35, unit = "lb" }}

[[blocks]]
name = "Superset 1"
kind = "superset"

[[blocks.moves]]
exercise = "renegade-row"
reps = "6-10"
rir = "0-2"
load = "light-medium"

[[blocks.moves]]
exercise = "romanian-deadlift"
reps = "6-10"
rir = "0-2"
load = "medium-heavy"

[[blocks]]
name = "Superset 2"
kind = "superset"

[[blocks.moves]]
exercise = "halo"
reps = "6-10"
rir = "0-2"
load = "light-medium"

[[blocks.moves]]
exercise = "single-arm-row"
reps = "6-10"
rir = "0-2"
per_side = true
load = "light-medium"
"""
"""4 rounds of 5 steps: the 20th set finishes a session, and a set sent during a rest would get 409."""


class ServerFailed(Exception):
    """A server exited or did not answer."""


class LoadFailed(Exception):
    """A request of the load that failed: an HTTP status other than 2xx, or the connection broke."""


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


class JsonConnection:
    """One keep-alive HTTP/1.1 connection to the server that speaks only what the load needs: JSON
    bodies with a Content-Length, both ways (and a cookie, for a signed-in user).

    The load generator shares the machine's two cores with the server: httpx took about 2 ms of CPU
    per set, as much as the server's work for it. This takes a tenth of that, so what is measured is
    the server.
    """

    def __init__(self, base: str, cookie: str = "") -> None:
        address = urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.cookie = cookie
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def call(self, method: str, path: str, body: object = None) -> Any:
        """The answer's JSON.

        Raises:
            LoadFailed: a status other than 2xx, or the connection broke or closed.
            TimeoutError: no whole answer within TIMEOUT_S; the connection is dropped.
        """
        try:
            return await asyncio.wait_for(self._call(method, path, body), TIMEOUT_S)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as failure:
            self.close()
            if isinstance(failure, TimeoutError):
                raise
            raise LoadFailed(type(failure).__name__) from failure

    async def _call(self, method: str, path: str, body: object) -> Any:
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nhost: {self.host}\r\ncontent-length: {len(data)}\r\n"
        if self.cookie:
            head += f"cookie: {self.cookie}\r\n"
        writer.write(head.encode() + (b"content-type: application/json\r\n\r\n" + data if data else b"\r\n"))
        status = int((await reader.readuntil(b"\r\n")).split()[1])
        length = 0
        while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        answer = json.loads(await reader.readexactly(length)) if length else None
        if not 200 <= status < 300:
            raise LoadFailed(f"HTTP {status} on {method} {path.split('?')[0]}")
        return answer

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


# Servers -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def repcoach_command(port: int, plan: Path, *options: str) -> list[str]:
    """``repcoach serve`` on loopback ``port`` offering the bench plan, with ``options`` (--multi-user, --workers)."""
    return [str(REPCOACH), "serve", "--host", "127.0.0.1", "--port", str(port), "--plan", str(plan), *options]


@contextmanager
def server_process(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``command`` in its own process group, answering HTTP on ``port``; the whole group is stopped after.

    Raises:
        ServerFailed: it exited, or did not answer within 30 s.
    """
    with log.open("wb") as sink:
        try:
            server = subprocess.Popen(
                command, env={**os.environ, **env}, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
            )
        except OSError as error:
            raise ServerFailed(f"{command[0]}: {error.strerror}") from None
        try:
            wait_until_up(f"http://127.0.0.1:{port}", server, log)
            yield server
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def wait_until_up(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Return once the server answers any HTTP request.

    Raises:
        ServerFailed: with the end of its log.
    """
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerFailed(f"it exited with {server.returncode}:\n{log_tail(log)}")
        try:
            httpx.get(f"{base}/api/v1/profile", timeout=1, trust_env=False)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise ServerFailed(f"it did not answer on {base} within 30 s:\n{log_tail(log)}")


def log_tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def cpu_seconds(group: int) -> float:
    """User and system CPU time used so far by the processes of process group ``group`` (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, ..., utime (12), stime (13)
            total += int(fields[11]) + int(fields[12])
    return total / tick


# Databases -----------------------------------------------------------------------------------------


def postgres_problem() -> str | None:
    """Why the local PostgreSQL cannot be used, or None when it answers."""
    try:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


def databases() -> list[str]:
    """The kinds of database to measure: SQLite, and PostgreSQL when it answers (else a loud line says so)."""
    if (problem := postgres_problem()) is None:
        return ["sqlite", "postgresql"]
    print(f"!!! PostgreSQL not reachable: skipped ({problem}) !!!")
    return ["sqlite"]


@contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database of ``kind``; a PostgreSQL one is dropped afterwards."""
    name = f"repcoach_bench_{secrets.token_hex(4)}"
    if kind == "sqlite":
        yield f"sqlite:///{folder / name}.db"
        return
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


# Users ---------------------------------------------------------------------------------------------

LOGIN_COOKIE = "repcoach_login"


def ready_user(base: str, username: str | None = None) -> str:
    """Make the server's user ready to log: sign ``username`` up (multi-user) and set the profile; the cookie to send.

    Without a username it is the single-user app: the profile is set and no cookie is needed.
    """
    with httpx.Client(base_url=base, trust_env=False, timeout=30) as client:
        cookie = ""
        if username is not None:
            signed = client.post("/api/v1/account", json={"username": username, "password": "bench password 1"})
            signed.raise_for_status()
            cookie = f"{LOGIN_COOKIE}={signed.cookies[LOGIN_COOKIE]}"
        client.put("/api/v1/profile", json=PROFILE).raise_for_status()
        return cookie


@contextmanager
def serving_repcoach(database: str, folder: Path, users: int, *options: str) -> Iterator[tuple[str, list[str], int]]:
    """``repcoach serve`` with ``options`` (``--workers``) on a fresh database of kind ``database``, offering the bench
    plan, its ``users`` ready to log: the single-user app for one, accounts (``--multi-user``) for more. Yields the
    server's base URL, each user's cookie and the server's process group."""
    plan = folder / f"{PLAN_ID}.toml"
    plan.write_text(BENCH_PLAN)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    accounts = ["--multi-user"] if users > 1 else []
    command = repcoach_command(port, plan, *options, *accounts)
    with (
        fresh_database(database, folder) as url,
        server_process(command, {"REPCOACH_DATABASE_URL": url}, port, folder / "repcoach.log") as server,
    ):
        names = [None] if users == 1 else [f"lifter{index}" for index in range(users)]
        yield base, [ready_user(base, name) for name in names], server.pid
