"""How fast the web API logs sets under a fixed-rate load: p50/p99 latency and errors, SQLite and PostgreSQL.

For each database and each rate (50, 100, 200 sets/s for 20 s each by default) a fresh database
(a SQLite file in a temp folder; a throwaway ``repcoach_bench_<random>`` database on the local
PostgreSQL, dropped afterwards) is served by ``repcoach serve`` on a free loopback port, in its
own process group:

- SQLite: the single-user app, one process, one person logging. The target rate runs 5 times, each
  on a fresh database, and its verdict is judged on the median p99 of the five (issue 4's decision:
  synchronous=FULL stays, so one run's fsync stalls do not decide it).
- PostgreSQL: many users, as it is meant for: ``--multi-user --workers 2``, ten accounts, each on a
  connection of its own, the sets dealt to them in turn, so the rate is shared by ten sessions and
  both processes.

After a 1 s warm-up at 20 sets/s that is not counted, one ``POST /api/v1/sessions/{id}/events`` with
``set_done`` is due every 1/rate s, whatever the answers (open loop). Latency is the answer's arrival
minus the set's due time, so waiting counts.

What exactly is measured, and why so:

- Every measured request logs a new set. The session follows a plan written for the benchmark
  (bench/loadkit.py): the reference back workout's five steps, 4 fixed rounds and no rests, so
  every step is work and the 20th set finishes the session. The next set then goes to a new
  session, started by a request that is not measured but, being real work for the server, delays
  the sets behind it.
- Each user's sets go one at a time, on one keep-alive connection, as the phone's outbox sends them.
  A set whose turn comes while the user's earlier ones are still being answered waits, and that wait
  is part of its latency.
- Errors: non-2xx answers, exceptions, and sets not answered within 5 s of their due time (a set
  still waiting its turn then is not sent at all). A failed set counts in the percentiles at the
  moment it failed. After a failure the user's open session is read again before the next set.
- Every set joins the history the bell advice reads on each session start, so each run gets a fresh
  database: its history grows from 0 to rate x seconds sets, whatever ran before.
- The load generator runs on the same machine (2 cores here) as the server, and takes its share.

Then the session page's weight: ``GET /session/{id}`` plus every same-origin asset it references
(link href, script src, img src, and url(...) in the CSS), the service worker and every file it
keeps for offline use, and the session's walk (what the page needs to go on offline), each fetched
once, counting the status line, the headers and the body as sent (compressed where the server does).

Prints one line per database, rate and run, and the verdicts: SQLite p99 under 20 ms at 200 sets/s
(median of 5 runs), PostgreSQL with 2 processes p99 under 30 ms at 200 sets/s, both with zero
errors; the page under 150 kB. Exits 0 whatever the numbers (it is a report); 1 when a server could
not start.

Run: .venv/bin/python bench/api_load.py [--seconds N] [--rates 50,100]   (about 5 minutes)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from loadkit import (
    PLAN_ID,
    TIMEOUT_S,
    JsonConnection,
    LoadFailed,
    ServerFailed,
    databases,
    percentile,
    serving_repcoach,
)

RATES = (50, 100, 200)
SECONDS = 20.0
WARMUP_RATE = 20
WARMUP_SECONDS = 1.0
TARGET_RATE = 200
TARGET_RUNS = {"sqlite": 5, "postgresql": 1}
"""How many times the target rate runs: SQLite's verdict is the median of five runs."""
TARGET_P99_MS = {"sqlite": 20.0, "postgresql": 30.0}
USERS = {"sqlite": 1, "postgresql": 10}
SERVE_OPTIONS = {"sqlite": (), "postgresql": ("--workers", "2")}
"""More than one user makes it a multi-user server (loadkit.serving_repcoach)."""
SHOWN = {"sqlite": "SQLite, 1 user, 1 process", "postgresql": "PostgreSQL, 10 users, 2 processes"}
PAGE_TARGET_BYTES = 150_000


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


# The load -------------------------------------------------------------------------------------


class SetLogger:
    """Logs one user's due sets one at a time, in due order, on their open session; starts a new one when it ends."""

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


async def load(loggers: list[SetLogger], rate: int, seconds: float) -> list[Outcome]:
    """One set due every 1/rate s for ``seconds``, dealt to the users in turn, each as its own task."""
    count = max(1, round(rate * seconds))
    start = asyncio.get_running_loop().time() + 0.05
    due = (loggers[index % len(loggers)].log_at(start + index / rate) for index in range(count))
    return await asyncio.gather(*due)


async def measure(base: str, cookies: list[str], rate: int, seconds: float) -> tuple[list[Outcome], str | None]:
    """The warm-up, then the measured load; the outcomes and the session the first user last logged in."""
    loggers = [SetLogger(JsonConnection(base, cookie)) for cookie in cookies]
    try:
        await load(loggers, WARMUP_RATE, WARMUP_SECONDS)
        outcomes = await load(loggers, rate, seconds)
        return outcomes, loggers[0].last_session_id
    finally:
        for logger in loggers:
            logger.connection.close()


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


# Report ----------------------------------------------------------------------------------------


def row(result: RateResult) -> str:
    return (
        f"{SHOWN[result.database]:<35}{result.rate:>4} sets/s  sent {len(result.outcomes)}  errors {result.errors}"
        f"  p50 {result.latency(0.50):5.1f} ms  p99 {result.latency(0.99):5.1f} ms  max {result.latency(1.0):6.1f} ms"
    )


def error_kinds(result: RateResult) -> str:
    counts = Counter(outcome.error for outcome in result.outcomes if outcome.error is not None)
    stored = sum(outcome.stored for outcome in result.outcomes)
    return ", ".join(f"{count} {kind}" for kind, count in counts.most_common()) + f"; {stored} sets stored"


def target_verdict(database: str, results: list[RateResult]) -> str:
    """The verdict on ``database`` at the target rate: on the median p99 of its runs, none with an error."""
    found = [result for result in results if result.database == database and result.rate == TARGET_RATE]
    runs = TARGET_RUNS[database]
    goal = f"{SHOWN[database]}: p99 under {TARGET_P99_MS[database]:g} ms at {TARGET_RATE} sets/s with zero errors"
    goal += f" (median of {runs} runs)" if runs > 1 else ""
    if not found:
        return f"SKIP: {goal} (not run: {TARGET_RATE} is not among --rates)"
    p99s = [result.latency(0.99) for result in found]
    p99 = statistics.median(p99s)
    errors = sum(result.errors for result in found)
    verdict = "PASS" if errors == 0 and p99 < TARGET_P99_MS[database] else "FAIL"
    runs_shown = ", ".join(f"{value:.1f}" for value in p99s)
    return f"{verdict}: {goal} (p99 {p99:.1f} ms{f' of {runs_shown}' if runs > 1 else ''}, errors {errors})"


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
        raise argparse.ArgumentTypeError("rates are at least 1 set/s")
    return rates


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=SECONDS, help=f"seconds per run (default {SECONDS:g})")
    parser.add_argument("--rates", type=rates_arg, default=RATES, help="sets per second, e.g. 50,100,200")
    args = parser.parse_args()
    if args.seconds <= 0:
        parser.error("--seconds must be more than 0")
    return args


Page = list[tuple[str, int, int]]


def run_once(database: str, rate: int, seconds: float, folder: Path, weigh: bool) -> tuple[list[Outcome], Page | None]:
    """One run on a fresh database and server: the outcomes, and the session page's weight when ``weigh``."""
    with serving_repcoach(database, folder, USERS[database], *SERVE_OPTIONS[database]) as (base, cookies, _):
        outcomes, session_id = asyncio.run(measure(base, cookies, rate, seconds))
        page = asyncio.run(page_weight(base, session_id)) if weigh and session_id is not None else None
    return outcomes, page


def main() -> int:
    """Run every database, rate and run, print the lines and the verdicts; exit 1 only when a server did not start."""
    args = parse_args()
    kinds = databases()
    print(f"api load: set logs at {', '.join(map(str, args.rates))} sets/s, {args.seconds:g} s each (open loop)")
    results: list[RateResult] = []
    page: Page | None = None
    with tempfile.TemporaryDirectory(prefix="repcoach-api-load-") as temp:
        try:
            for database in kinds:
                for rate in args.rates:
                    for _ in range(TARGET_RUNS[database] if rate == TARGET_RATE else 1):
                        outcomes, weighed = run_once(database, rate, args.seconds, Path(temp), page is None)
                        page = page or weighed
                        results.append(RateResult(database, rate, outcomes))
                        print(row(results[-1]), flush=True)
                        if results[-1].errors:
                            print(f"{'':35}errors: {error_kinds(results[-1])}")
        except ServerFailed as failure:
            print(f"api load: the repcoach server could not start: {failure}", file=sys.stderr)
            return 1
    for database in kinds:
        print(target_verdict(database, results))
    if page is None:
        print("session page: not measured (no session was started)")
    else:
        print_page(page)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except KeyboardInterrupt:
        print("api load: interrupted (the servers were stopped, the databases removed)", file=sys.stderr)
        raise SystemExit(130) from None
