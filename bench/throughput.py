"""How many sets per second repcoach logs when its clients send as fast as they are answered, beside a minimal app.

Closed loop: each client sends a set, waits for the answer, sends the next, on one keep-alive
connection of its own, for 10 s after a 1 s warm-up that is not counted. The same clients, one way
then the other, drive

- repcoach (``repcoach serve``): one client is the single-user app as a person runs it; ten are ten
  accounts (``--multi-user``), each logging its own session of a plan with no rests (4 rounds of 5
  steps, so the 20th set finishes it and the next goes to a new session, whose start is real work
  for the server but not a counted set);
- the minimal app (bench/minimal_app.py): the same stack (uvicorn, Starlette, SQLAlchemy) doing only
  one INSERT of the set and a COMMIT per request.

Each runs on a fresh database: a SQLite file with one process, or a throwaway PostgreSQL database
with two processes (``--workers 2``), as many users would be served. The server's CPU time per set
(all its processes, from /proc) is printed beside it. The load generator shares the machine.

Prints the table (sets/s, the ratio to the minimal app, CPU ms per set) and the verdicts: at 10
clients, at least 0.5x the minimal app on SQLite and on PostgreSQL with 2 processes. Exits 0 whatever
the numbers; 1 when a server could not start.

Run: .venv/bin/python bench/throughput.py [--seconds N]   (about 2 minutes)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import minimal_app
from loadkit import (
    PLAN_ID,
    UVICORN,
    JsonConnection,
    LoadFailed,
    ServerFailed,
    cpu_seconds,
    databases,
    free_port,
    fresh_database,
    server_process,
    serving_repcoach,
)

CLIENTS = (1, 10)
SECONDS = 10.0
WARMUP_SECONDS = 1.0
TARGET_RATIO = 0.5
PROCESSES = {"sqlite": 1, "postgresql": 2}
SHOWN = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class Client(Protocol):
    connection: JsonConnection

    async def log(self) -> None: ...


class RepcoachClient:
    """One user logging sets in their own session, starting a new one when it finishes."""

    def __init__(self, connection: JsonConnection) -> None:
        self.connection = connection
        self.session_id: str | None = None

    async def log(self) -> None:
        if self.session_id is None:
            started = await self.connection.call("POST", "/api/v1/sessions", {"plan": PLAN_ID})
            self.session_id = str(started["id"])
        body = {"kind": "set_done", "reps": 8, "rir": 2, "client_id": uuid.uuid4().hex}
        try:
            view = await self.connection.call("POST", f"/api/v1/sessions/{self.session_id}/events", body)
        except (LoadFailed, TimeoutError):
            self.session_id = None  # a failure may have finished it; the next set starts afresh
            raise
        if view["phase"] == "finished":
            self.session_id = None


class MinimalClient:
    def __init__(self, connection: JsonConnection) -> None:
        self.connection = connection

    async def log(self) -> None:
        body = {"session_id": "bench", "reps": 8, "rir": 2, "client_id": uuid.uuid4().hex}
        await self.connection.call("POST", "/sets", body)


@dataclass(frozen=True)
class Run:
    sets: int
    errors: int
    seconds: float
    cpu_s: float

    @property
    def per_second(self) -> float:
        return self.sets / self.seconds

    @property
    def cpu_ms_per_set(self) -> float:
        return 1000 * self.cpu_s / max(1, self.sets)


async def closed_loop(clients: list[Client], seconds: float) -> tuple[int, int]:
    """Every client logging as fast as it is answered until ``seconds`` are up: sets logged, and errors."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds

    async def drive(client: Client) -> tuple[int, int]:
        logged = failed = 0
        while loop.time() < end:
            try:
                await client.log()
                logged += 1
            except (LoadFailed, TimeoutError):
                failed += 1
        return logged, failed

    counts = await asyncio.gather(*(drive(client) for client in clients))
    return sum(logged for logged, _ in counts), sum(failed for _, failed in counts)


def measure(clients: list[Client], group: int, seconds: float) -> Run:
    async def both() -> tuple[tuple[int, int], float, float]:
        try:
            await closed_loop(clients, WARMUP_SECONDS)
            before = cpu_seconds(group)
            loop = asyncio.get_running_loop()
            started = loop.time()
            counts = await closed_loop(clients, seconds)
            return counts, loop.time() - started, cpu_seconds(group) - before
        finally:
            for client in clients:
                client.connection.close()

    (sets, errors), elapsed, cpu = asyncio.run(both())
    return Run(sets, errors, elapsed, cpu)


def run_repcoach(database: str, clients: int, folder: Path, seconds: float) -> Run:
    with serving_repcoach(database, folder, clients, "--workers", str(PROCESSES[database])) as (base, cookies, group):
        users: list[Client] = [RepcoachClient(JsonConnection(base, cookie)) for cookie in cookies]
        return measure(users, group, seconds)


def run_minimal(database: str, clients: int, folder: Path, seconds: float) -> Run:
    port = free_port()
    command = [str(UVICORN), "minimal_app:build", "--factory", "--app-dir", str(Path(__file__).parent)]
    command += ["--port", str(port), "--workers", str(PROCESSES[database]), "--log-level", "warning"]
    with fresh_database(database, folder) as url:
        minimal_app.create_schema(url)
        env = {"MINIMAL_DATABASE_URL": url}
        with server_process(command, env, port, folder / "minimal.log") as server:
            users: list[Client] = [MinimalClient(JsonConnection(f"http://127.0.0.1:{port}")) for _ in range(clients)]
            return measure(users, server.pid, seconds)


def row(database: str, clients: int, ours: Run, minimal: Run) -> str:
    label = f"{SHOWN[database]}, {clients} client{'s' if clients > 1 else ''}, {PROCESSES[database]} process"
    label += "es" if PROCESSES[database] > 1 else ""
    errors = "" if not ours.errors + minimal.errors else f"  errors {ours.errors} / {minimal.errors}"
    return (
        f"{label:<36}{ours.per_second:>9.0f}{minimal.per_second:>13.0f}{ours.per_second / minimal.per_second:>8.2f}"
        f"{ours.cpu_ms_per_set:>10.2f} / {minimal.cpu_ms_per_set:.2f}{errors}"
    )


def verdict(database: str, ours: Run, minimal: Run) -> str:
    ratio = ours.per_second / minimal.per_second
    goal = f"{SHOWN[database]} with {PROCESSES[database]} process{'es' if PROCESSES[database] > 1 else ''}"
    passed = ratio >= TARGET_RATIO and ours.errors == 0
    outcome = "PASS" if passed else "FAIL"
    return f"{outcome}: at 10 clients, at least {TARGET_RATIO}x the minimal app on {goal} ({ratio:.2f}x)"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=SECONDS, help=f"seconds per run (default {SECONDS:g})")
    args = parser.parse_args()
    if args.seconds <= 0:
        parser.error("--seconds must be more than 0")
    return args


def main() -> int:
    args = parse_args()
    kinds = databases()
    print(f"throughput: closed loop, {args.seconds:g} s per run after {WARMUP_SECONDS:g} s of warm-up")
    header = f"{'sets/s':<36}{'repcoach':>9}{'minimal app':>13}{'ratio':>8}{'CPU ms/set (ours / minimal)':>30}"
    print(header, flush=True)
    verdicts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="repcoach-throughput-") as temp:
        try:
            for database in kinds:
                for clients in CLIENTS:
                    ours = run_repcoach(database, clients, Path(temp), args.seconds)
                    minimal = run_minimal(database, clients, Path(temp), args.seconds)
                    print(row(database, clients, ours, minimal), flush=True)
                    if clients == max(CLIENTS):
                        verdicts.append(verdict(database, ours, minimal))
        except ServerFailed as failure:
            print(f"throughput: a server could not start: {failure}", file=sys.stderr)
            return 1
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except KeyboardInterrupt:
        print("throughput: interrupted (the servers were stopped, the databases removed)", file=sys.stderr)
        raise SystemExit(130) from None
