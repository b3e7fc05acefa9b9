"""How fast years of Strong history come in: 100 000 set rows read, matched and stored in SQLite.

Writes a Strong iOS-layout file of ``ROWS`` set rows (about six years of four workouts a week,
each of six moves in four sets, with rest timer rows between, as Strong writes them), then times
the three steps of ``repcoach import``: reading the CSV, matching names and grouping workouts,
and storing it all in one transaction in a fresh SQLite file.

Prints each step, the total with rows per second, and PASS when the total is under ``TARGET_S``
(FAIL otherwise; it exits 0 either way, as a report, so ``make bench`` runs every benchmark).

Run: .venv/bin/python bench/import_history.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from repcoach.io.history_import import read_export
from repcoach.library import load_catalogue
from repcoach.service.history_import import collector_paused, plan_import, store_import
from repcoach.store import open_store

ROWS = 100_000
TARGET_S = 3.0
MOVES = (
    "Bench Press (Barbell)", "Romanian Deadlift (Dumbbell)", "T Bar Row", "Halo (Kettlebell)",
    "Goblet Squat", "Lat Pulldown (Cable)",
)  # fmt: skip
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"


def strong_file(rows: int) -> str:
    """``rows`` set rows in Strong's iOS layout, with float noise, quoted notes and rest timers."""
    lines = [HEADER]
    start = datetime(2020, 1, 6, 18, 0)
    written = 0
    workout = 0
    while written < rows:
        date = f"{start + timedelta(days=2 * workout, minutes=workout % 50):%Y-%m-%d %H:%M:%S}"
        for move in MOVES:
            for order in range(1, 5):
                weight = 20 + (workout % 30) * 2.5 - 0.00000000000003
                lines.append(f'{date},"Workout {workout}",1h 5m,"{move}",{order},{weight},8.0,0,0,"ok, good","",8')
                lines.append(f'{date},"Workout {workout}",1h 5m,"{move}",Rest Timer,0,0,0,90,"","",')
                written += 1
                if written == rows:
                    break
            if written == rows:
                break
        workout += 1
    return "\r\n".join(lines) + "\r\n"


def main() -> int:
    text = strong_file(ROWS)
    catalogue = load_catalogue()
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(f"sqlite:///{Path(folder) / 'bench.db'}") as store,
        collector_paused(),
    ):
        profile = store.save_profile(units="kg", experience="intermediate", bells_kg=[8, 12, 16])
        began = time.perf_counter()
        # The file's workouts run on past today (every 2 days from 2020): taken as of their end, none is "future".
        export = read_export(
            text, file_name="bench.csv", time_zone=UTC, unit="kg", now=datetime(2100, 1, 1, tzinfo=UTC)
        )
        read_at = time.perf_counter()
        plan = plan_import(export, catalogue)
        planned_at = time.perf_counter()
        stored = store_import(store, profile.id, plan)
        stored_at = time.perf_counter()
    total = stored_at - began
    print(f"import of {ROWS:,} Strong set rows ({len(plan.workouts):,} workouts, {len(export.skipped):,} rest timers)")
    print(f"  read CSV      {read_at - began:6.2f} s")
    print(f"  match, group  {planned_at - read_at:6.2f} s")
    print(f"  store SQLite  {stored_at - planned_at:6.2f} s  ({stored.sets:,} sets)")
    print(f"  total         {total:6.2f} s  = {ROWS / total:,.0f} rows/s  (target under {TARGET_S:.0f} s)")
    passed = total < TARGET_S and stored.sets == ROWS
    print("PASS" if passed else "FAIL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
