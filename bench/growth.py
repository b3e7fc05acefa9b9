"""What a user's history costs as it grows: each everyday action timed with 1k, 10k, 100k and 1M sets stored.

One SQLite file grows through the sizes; the sets come as imported workouts of 20 sets (the
reference routine's moves), one every 8 hours back from now, through the store's own import. At each
size, each action runs 3 times in this process and its median is printed:

- a logged set: ``POST /api/v1/sessions/{id}/events`` (a session started first, not timed);
- ``repcoach history``, ``repcoach next-weights`` and ``repcoach stats romanian-deadlift`` (Typer's
  runner in this process, so start-up is not counted);
- the history page, ``GET /history``;
- the CSV export, ``GET /settings/export.csv``, read to its end, with the most memory Python held
  while it ran (tracemalloc), the figure that tells a streamed export from one built whole.

A logged set, the three commands and the page must not grow with history (verdict: at most 3x the
time at the second size, 10k: coaching and the page read the last 12 weeks, some 5,000 sets at three
workouts a day, which 1k do not fill); the export writes every set, so it is linear in time by nature
and judged on memory (at most 3x the peak at 10k). Exits 0 whatever the numbers.

Run: .venv/bin/python bench/growth.py [--sizes 1000,10000]   (about 3 minutes with 1M)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from repcoach.cli import app as cli
from repcoach.store import NewSet, open_store
from repcoach.store.workouts import NewWorkout
from repcoach.web import create_app

SIZES = (1_000, 10_000, 100_000, 1_000_000)
RUNS = 3
FLAT = 3.0
"""A cost at the largest size at most this many times the cost at the smallest does not grow with history."""
MOVES = ("renegade-row", "romanian-deadlift", "halo", "single-arm-row")
SETS_PER_WORKOUT = 20
BATCH = 500
"""Workouts per import transaction while the history grows."""
PROFILE = {"units": "kg", "experience": "intermediate", "bells_kg": [8, 12, 16]}
LOCAL = "http://localhost"


def workout(index: int, now: datetime) -> NewWorkout:
    start = now - timedelta(hours=8 * (index + 1))
    sets = [
        NewSet(MOVES[k % 4], "kettlebell-back", "Superset", 1 + k // 4, None, 6 + k % 5, 6, 10, None, 12.0, 2,
               start + timedelta(minutes=k))
        for k in range(SETS_PER_WORKOUT)
    ]  # fmt: skip
    return NewWorkout("Kettlebell back workout", start, start + timedelta(minutes=25), sets)


def grow(url: str, profile_id: int, stored: int, size: int, now: datetime) -> None:
    """Import workouts until ``size`` sets are stored (``stored`` are already)."""
    with open_store(url) as store:
        first, last = stored // SETS_PER_WORKOUT, size // SETS_PER_WORKOUT
        for batch in range(first, last, BATCH):
            store.import_workouts(profile_id, [workout(index, now) for index in range(batch, min(batch + BATCH, last))])


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(url: str) -> dict[str, float]:
    """Each action's median time in ms, and the export's memory peak in MB (key ``export memory``)."""
    runner = CliRunner()

    def command(*args: str) -> Callable[[], object]:
        def run() -> None:
            result = runner.invoke(cli, ["--db", url, *args])
            assert result.exit_code == 0, result.output

        return run

    figures: dict[str, float] = {}
    with TestClient(create_app(url), base_url=LOCAL) as client:
        session = client.post("/api/v1/sessions", json={"plan": "kettlebell-back"}).json()["id"]

        def log_set() -> None:
            body = {"kind": "set_done", "reps": 8, "rir": 2, "weight_kg": 12, "client_id": uuid.uuid4().hex}
            view = client.post(f"/api/v1/sessions/{session}/events", json=body).json()
            if view["phase"] == "rest":
                client.post(f"/api/v1/sessions/{session}/events", json={"kind": "end_rest"})

        figures["log a set (API)"] = median_ms(log_set)
        client.post(f"/api/v1/sessions/{session}/events", json={"kind": "finish_session"})
        figures["repcoach history"] = median_ms(command("history"))
        figures["repcoach next-weights"] = median_ms(command("next-weights"))
        figures["repcoach stats MOVE"] = median_ms(command("stats", "romanian-deadlift"))
        figures["history page"] = median_ms(lambda: client.get("/history").raise_for_status())

        def export() -> None:
            with client.stream("GET", "/settings/export.csv") as response:
                for _ in response.iter_bytes():
                    pass

        figures["CSV export"] = median_ms(export)
        tracemalloc.start()
        export()
        figures["export memory"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return figures


def sizes_arg(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted(int(part) for part in text.split(",")))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of whole numbers: {text!r}") from None
    if not sizes or sizes[0] < SETS_PER_WORKOUT:
        raise argparse.ArgumentTypeError(f"sizes are at least {SETS_PER_WORKOUT} sets")
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=sizes_arg, default=SIZES, help="stored sets, e.g. 1000,10000,100000")
    sizes = parser.parse_args().sizes
    results: dict[int, dict[str, float]] = {}
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="repcoach-growth-") as temp:
        url = f"sqlite:///{Path(temp) / 'growth.db'}"
        with open_store(url) as store:
            profile = store.save_profile(units="kg", experience="intermediate", bells_kg=[8, 12, 16])
        stored = 0
        for size in sizes:
            started = time.perf_counter()
            grow(url, profile.id, stored, size, now)
            stored = size
            print(f"growth: {size:,} sets stored ({time.perf_counter() - started:.0f} s to add them)", flush=True)
            results[size] = measure(url)
            print("  " + ", ".join(f"{name} {value:.1f}" for name, value in results[size].items()), flush=True)
    names = list(results[sizes[0]])
    print(f"{'median ms (MB for memory)':<28}" + "".join(f"{size:>12,}" for size in sizes) + "   verdict")
    for name in names:
        values = [results[size][name] for size in sizes]
        base = 1 if len(sizes) > 2 else 0  # 1k sets do not fill the 12 weeks coaching reads; 10k do
        ratio = values[-1] / max(values[base], 1e-9)
        if name == "CSV export":
            verdict = f"linear by nature: it writes every set ({ratio:.0f}x)"
        else:
            what = "memory" if name == "export memory" else "time"
            verdict = (
                f"{'PASS' if ratio <= FLAT else 'FAIL'}: {what} {ratio:.1f}x from {sizes[base]:,} to {sizes[-1]:,}"
            )
        print(f"{name:<28}" + "".join(f"{value:>12.1f}" for value in values) + f"   {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
