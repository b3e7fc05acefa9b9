"""How fast the web API logs sets under a fixed-rate load: p50/p99 latency and errors, SQLite and PostgreSQL.

For each database and each rate (50, 100, 200 req/s for 20 s each by default) a fresh database
(a SQLite file in a temp folder; a throwaway ``repcoach_bench_<random>`` database on the local
PostgreSQL, dropped afterwards) is served by ``repcoach serve`` on a free loopback port, in its
own process, as the single-user app. After a 1 s warm-up at 20 req/s that is not counted, one
``POST /api/v1/sessions/{id}/events`` with ``set_done`` is due every 1/rate s, whatever the
answers (open loop). Latency is the answer's arrival minus the set's due time, so waiting counts.

What exactly is measured, and why so:

- Every measured request logs a new set. The session follows a plan written for the benchmark:
  the reference back workout's five steps (two supersets, the row per side), 4 fixed rounds and
  no rests, so every step is work (a set sent during a rest or at a round choice gets 409) and
  the 20th set finishes the session. The next set then goes to a new session, started by a
  request that is not measured but, being real work for the server, delays the sets behind it.
- The sets go one at a time, on one keep-alive connection: the single-user app allows one open
  session, whose events the server applies one at a time anyway, and the phone's outbox sends one
  at a time too. A set whose turn comes while earlier ones are still being answered waits, and
  that wait is part of its latency.
- The load speaks HTTP/1.1 itself (:class:`JsonConnection`), not through httpx: one at a time, the
  generator's own time is in every latency, and httpx cost as much CPU per set as the server.
- Errors: non-2xx answers, exceptions, and sets not answered within 5 s of their due time (a set
  still waiting its turn then is not sent at all). A failed set counts in the percentiles at the
  moment it failed. After a failure the open session is read again before the next set.
- Every set joins the history the bell advice reads on each request, so each rate gets a fresh
  database: its history grows from 0 to rate x seconds sets, whatever rates ran before.
- The load generator runs on the same machine (2 cores here) as the server, and takes its share.

Then the session page's weight: ``GET /session/{id}`` plus every same-origin asset it references
(link href, script src, img src, and url(...) in the CSS), the service worker and every file it
keeps for offline use, and the session's walk (what the page needs to go on offline), each fetched
once, counting the status line, the headers and the body as sent (compressed where the server does).

Prints one line per database and rate, the verdict for the target (SQLite p99 under 20 ms at
200 req/s with zero errors) and for the page (under 150 kB). Exits 0 whatever the numbers (it
is a report); 1 when a server could not start.

Run: .venv/bin/python bench/api_load.py [--seconds N] [--rates 50,100]   (about 3.5 minutes)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import psycopg
from psycopg import sql

RATES = (50, 100, 200)
SECONDS = 20.0
WARMUP_RATE = 20
WARMUP_SECONDS = 1.0
TIMEOUT_S = 5.0
"""A set not answered this long after its due time is an error."""
TARGET_RATE = 200
TARGET_P99_MS = 20.0
PAGE_TARGET_BYTES = 150_000

REPCOACH = Path(sys.executable).parent / "repcoach"
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PROFILE = {"units": "kg", "experience": "intermediate", "bells_kg": [8, 12, 16]}
PLAN_ID = "api-bench"
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


class ServerFailed(Exception):
    """``repcoach serve`` exited or did not answer."""


@dataclass(frozen=True)
class Outcome:
    """One due set: how long after its due time it was answered (or failed), and the error, if any."""

    latency_ms: float
    error: str | None = None
    stored: bool = False
    """Whether the server logged the set (an answer that came too late is an error, yet the set is stored)."""


@dataclass(frozen=True)
class RateResult:
    database: str
    rate: int
    outcomes: list[Outcome]

    @property
    def errors(self) -> int:
        return sum(outcome.error is not None for outcome in self.outcomes)

    def latency(self, share: float) -> float:
        return percentile(sorted(outcome.latency_ms for outcome in self.outcomes), share)


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


# The load -------------------------------------------------------------------------------------


class LoadFailed(Exception):
    """A request of the load that failed: an HTTP status other than 2xx, or the connection broke."""


class JsonConnection:
    """One keep-alive HTTP/1.1 connection to the server that speaks only what the load needs: JSON
    bodies with a Content-Length, both ways.

    The sets go one at a time, so the load generator's own time is part of every set's latency and
    shares the machine's two cores with the server: httpx took about 2 ms of CPU per set, as much as
    the server's work for it. This takes a tenth of that, so the latency measured is the server's.
    """

    def __init__(self, base: str) -> None:
        address = urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
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


class SetLogger:
    """Logs due sets one at a time, in due order, on the user's open session; starts a new one when it finishes."""

    def __init__(self, connection: JsonConnection) -> None:
        self.connection = connection
        self.turn = asyncio.Lock()  # fair: waiters get it in the order they asked, which is due order
        self.session_id: str | None = None
        self.last_session_id: str | None = None
        self.unsure = True
        """Whether the open session must be read first: at the start, and after a failure."""

    async def log_at(self, due: float) -> Outcome:
        """Log one set at loop time ``due``, or as soon after it as the earlier sets are answered."""
        loop = asyncio.get_running_loop()
        await asyncio.sleep(max(0.0, due - loop.time()))
        async with self.turn:
            if loop.time() > due + TIMEOUT_S:
                return Outcome((loop.time() - due) * 1000, "timeout (not sent)")
            try:
                error = await self._log(await self._open_session())
            except TimeoutError:
                error = "timeout"
            except LoadFailed as failure:
                error = str(failure)
            latency_ms = (loop.time() - due) * 1000
            stored = error is None
            if stored and latency_ms > TIMEOUT_S * 1000:
                error = "timeout (answered late)"
            elif not stored:
                self.unsure = True
        return Outcome(latency_ms, error, stored)

    async def _log(self, session_id: str) -> str | None:
        body = {"kind": "set_done", "reps": 8, "rir": 2, "client_id": uuid.uuid4().hex}
        view = await self.connection.call("POST", f"/api/v1/sessions/{session_id}/events", body)
        if view["duplicate"]:
            return "duplicate (nothing stored)"
        if view["phase"] == "finished":
            self.session_id = None
        elif view["phase"] != "work":
            raise RuntimeError(f"the bench plan has no rests and no choices, yet the session is at {view['phase']}")
        return None

    async def _open_session(self) -> str:
        """The session to log in (not measured): the open one after a failure, else a new one if needed."""
        if self.unsure:
            newest = await self.connection.call("GET", "/api/v1/sessions?limit=1")
            self.session_id = newest[0]["id"] if newest and newest[0]["finished_at"] is None else None
            self.unsure = False
        if self.session_id is None:
            started = await self.connection.call("POST", "/api/v1/sessions", {"plan": PLAN_ID})
            self.session_id = str(started["id"])
        self.last_session_id = self.session_id
        return self.session_id


async def load(logger: SetLogger, rate: int, seconds: float) -> list[Outcome]:
    """One set due every 1/rate s for ``seconds``, each as its own task so none waits for an answer to be due."""
    count = max(1, round(rate * seconds))
    start = asyncio.get_running_loop().time() + 0.05
    return await asyncio.gather(*(logger.log_at(start + index / rate) for index in range(count)))


async def measure(base: str, rate: int, seconds: float) -> tuple[list[Outcome], str | None]:
    """The warm-up, then the measured load; the outcomes and the session last logged in."""
    connection = JsonConnection(base)
    try:
        logger = SetLogger(connection)
        await load(logger, WARMUP_RATE, WARMUP_SECONDS)
        outcomes = await load(logger, rate, seconds)
        return outcomes, logger.last_session_id
    finally:
        connection.close()


# The session page ------------------------------------------------------------------------------


class _References(HTMLParser):
    """The asset references a browser fetches with a page: link href, script src, img src."""

    _WANTED = {"link": "href", "script": "src", "img": "src"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name == self._WANTED.get(tag) and value]


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")


def references(response: httpx.Response) -> list[str]:
    """The absolute URLs an HTML page or a stylesheet refers to."""
    content_type = response.headers.get("content-type", "")
    if "text/html" in content_type:
        parser = _References()
        parser.feed(response.text)
        found = parser.found
    elif "text/css" in content_type:
        found = CSS_URL.findall(response.text)
    elif response.url.path == "/sw.js":  # its first line names every file it keeps for offline use
        found = json.loads(response.text.split("\n", 1)[0].removeprefix("const RELEASE = ").removesuffix(";"))["shell"]
    else:
        return []
    return [urljoin(str(response.url), reference).split("#")[0] for reference in found]


def wire_bytes(response: httpx.Response) -> int:
    """The response as it came over HTTP/1.1: status line, headers and body (as sent, before any decoding)."""
    status_line = len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n")
    headers = sum(len(name) + len(value) + 4 for name, value in response.headers.raw) + 2
    return status_line + headers + response.num_bytes_downloaded


async def page_weight(base: str, session_id: str) -> list[tuple[str, int, int]]:
    """Path, status and bytes of the session page and of each same-origin asset it needs, each fetched once."""
    origin = urlsplit(base).netloc
    pending = [f"{base}/session/{session_id}", f"{base}/sw.js", f"{base}/api/v1/sessions/{session_id}/walk"]
    seen: set[str] = set()
    items: list[tuple[str, int, int]] = []
    async with httpx.AsyncClient(timeout=TIMEOUT_S, trust_env=False, headers={"accept": "text/html,*/*"}) as client:
        while pending:
            url = pending.pop(0)
            if url in seen or urlsplit(url).netloc != origin:
                continue
            seen.add(url)
            response = await client.get(url)
            items.append((urlsplit(url).path, response.status_code, wire_bytes(response)))
            pending += references(response)
    return items


# Servers and databases -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(database_url: str, plan: Path, log: Path) -> Iterator[str]:
    """``repcoach serve`` on ``database_url`` in its own process, answering and with a profile set; stopped after.

    Raises:
        ServerFailed: it exited, or did not answer within 30 s.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(REPCOACH), "serve", "--host", "127.0.0.1", "--port", str(port), "--plan", str(plan)]
    env = {**os.environ, "REPCOACH_DATABASE_URL": database_url}
    with log.open("wb") as sink:
        try:
            server = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
        except OSError as error:
            raise ServerFailed(f"{REPCOACH}: {error.strerror}") from None
        try:
            wait_until_up(base, server, log)
            httpx.put(f"{base}/api/v1/profile", json=PROFILE, trust_env=False).raise_for_status()
            yield base
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
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


def postgres_problem() -> str | None:
    """Why the local PostgreSQL cannot be used, or None when it answers."""
    try:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


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


# Report ----------------------------------------------------------------------------------------


def row(result: RateResult) -> str:
    return (
        f"{result.database:<12}{result.rate:>3} req/s  sent {len(result.outcomes)}  errors {result.errors}"
        f"  p50 {result.latency(0.50):4.1f} ms  p99 {result.latency(0.99):4.1f} ms  max {result.latency(1.0):4.1f} ms"
    )


def error_kinds(result: RateResult) -> str:
    counts = Counter(outcome.error for outcome in result.outcomes if outcome.error is not None)
    stored = sum(outcome.stored for outcome in result.outcomes)
    return ", ".join(f"{count} {kind}" for kind, count in counts.most_common()) + f"; {stored} sets stored"


def target_verdict(results: list[RateResult]) -> str:
    found = [result for result in results if result.database == "sqlite" and result.rate == TARGET_RATE]
    goal = f"SQLite p99 under {TARGET_P99_MS:g} ms at {TARGET_RATE} req/s with zero errors"
    if not found:
        return f"SKIP: {goal} (not run: {TARGET_RATE} is not among --rates)"
    [result] = found
    p99 = result.latency(0.99)
    verdict = "PASS" if result.errors == 0 and p99 < TARGET_P99_MS else "FAIL"
    return f"{verdict}: {goal} (p99 {p99:.1f} ms, errors {result.errors})"


def print_page(items: list[tuple[str, int, int]]) -> None:
    total = sum(size for _, _, size in items)
    print(f"session page: {len(items)} responses, {total} bytes transferred (status lines, headers and bodies)")
    for path, status, size in items:
        print(f"  {size:>8} B  {path}" + ("" if status == 200 else f"  (HTTP {status})"))
    verdict = "PASS" if total < PAGE_TARGET_BYTES else "FAIL"
    print(f"{verdict}: session page under {PAGE_TARGET_BYTES // 1000} kB ({total / 1000:.1f} kB)")


def rates_arg(text: str) -> tuple[int, ...]:
    try:
        rates = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of whole numbers: {text!r}") from None
    if not rates or min(rates) < 1:
        raise argparse.ArgumentTypeError("rates are at least 1 req/s")
    return rates


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=SECONDS, help=f"seconds per rate (default {SECONDS:g})")
    parser.add_argument("--rates", type=rates_arg, default=RATES, help="requests per second, e.g. 50,100,200")
    args = parser.parse_args()
    if args.seconds <= 0:
        parser.error("--seconds must be more than 0")
    return args


def main() -> int:
    """Run every database and rate, print the lines and the verdicts; exit 1 only when a server did not start."""
    args = parse_args()
    databases = ["sqlite"]
    if (problem := postgres_problem()) is None:
        databases.append("postgresql")
    else:
        print(f"!!! PostgreSQL not reachable: skipped ({problem}) !!!")
    print(f"api load: set logs at {', '.join(map(str, args.rates))} req/s, {args.seconds:g} s each, one at a time")
    results: list[RateResult] = []
    page: list[tuple[str, int, int]] | None = None
    with tempfile.TemporaryDirectory(prefix="repcoach-api-load-") as temp:
        folder = Path(temp)
        plan = folder / f"{PLAN_ID}.toml"
        plan.write_text(BENCH_PLAN)
        try:
            for database in databases:
                for rate in args.rates:
                    with fresh_database(database, folder) as url, serving(url, plan, folder / "server.log") as base:
                        outcomes, session_id = asyncio.run(measure(base, rate, args.seconds))
                        if page is None and session_id is not None:
                            page = asyncio.run(page_weight(base, session_id))
                    results.append(RateResult(database, rate, outcomes))
                    print(row(results[-1]), flush=True)
                    if results[-1].errors:
                        print(f"{'':12}errors: {error_kinds(results[-1])}")
        except ServerFailed as failure:
            print(f"api load: the repcoach server could not start: {failure}", file=sys.stderr)
            return 1
    print(target_verdict(results))
    if page is None:
        print("session page: not measured (no session was started)")
    else:
        print_page(page)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except KeyboardInterrupt:
        print("api load: interrupted (the server was stopped, the databases removed)", file=sys.stderr)
        raise SystemExit(130) from None
