"""How late rest cues fire on the real clock: a real SessionEngine, real rests, over a minute.

Drives a :class:`SessionEngine` on :class:`MonotonicClock` through a small plan whose rests add
up to 61 s (two 20 s rests between sets, 12 s after a block, 9 s between moves). Work is logged
at once; in each rest, every cue (3, 2, 1 s before the end and the end) is waited for with
:func:`wait_until`, as the terminal fires its beeps, and ``fired_at - deadline`` is recorded.

Prints the error statistics and PASS when every cue fired within 5 ms of its deadline.

Run: .venv/bin/python bench/cue_timing.py   (takes about 61 s)
"""

from __future__ import annotations

import statistics

from repcoach.plan import Block, Move, Plan
from repcoach.session import MonotonicClock, Program, Rest, SessionEngine, SetDone, WorkStep, wait_until

TARGET_MS = 5.0
"""Largest allowed lateness of a cue."""


def bench_plan() -> Plan:
    """One round: 3 straight sets of swings (20 s between, 12 s after), then a pair with 9 s between."""
    swings = Block(
        name="Swings",
        kind="straight",
        moves=(Move(exercise="kettlebell-swing", reps="15"),),
        sets=3,
        rest_between_sets=20,
        rest_after=12,
    )
    pair = Block(
        name="Pair",
        kind="circuit",
        moves=(Move(exercise="halo", reps="8"), Move(exercise="goblet-squat", reps="8")),
        rest_between_moves=9,
    )
    return Plan(id="cue-bench", title="Cue bench", blocks=(swings, pair))


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def run() -> tuple[list[float], float, int]:
    """Run the session; the cue errors in ms, the seconds of rest, and the number of rests."""
    clock = MonotonicClock()
    engine = SessionEngine(Program.compose(bench_plan()), clock)
    errors_ms: list[float] = []
    rest_seconds = 0.0
    rests = 0
    while isinstance(state := engine.state, WorkStep | Rest):
        if isinstance(state, WorkStep):
            engine.apply(SetDone(reps=8))
            continue
        rests += 1
        rest_seconds += state.seconds
        for deadline in engine.cue_times():
            fired_at = wait_until(clock, deadline)
            errors_ms.append((fired_at - deadline) * 1000)
        assert isinstance(engine.state, WorkStep), "the end cue and the end of the rest are the same deadline"
    return errors_ms, rest_seconds, rests


def main() -> int:
    """Run, print the table and the verdict; exit 1 on FAIL."""
    errors_ms, rest_seconds, rests = run()
    ordered = sorted(errors_ms)
    print(f"cue timing: {len(errors_ms)} cues in {rests} rests, {rest_seconds:.0f} s of rest on the real clock")
    print(f"{'':8}{'error ms':>10}")
    rows = [
        ("mean", statistics.fmean(errors_ms)),
        ("p50", statistics.median(errors_ms)),
        ("p99", percentile(ordered, 0.99)),
        ("max", ordered[-1]),
        ("min", ordered[0]),
        ("last", errors_ms[-1]),
    ]
    for name, value in rows:
        print(f"{name:8}{value:10.3f}")
    passed = rest_seconds >= 60 and ordered[0] >= 0 and ordered[-1] < TARGET_MS
    verdict = "PASS" if passed else "FAIL"
    print(f"{verdict}: every cue within {TARGET_MS:g} ms after its deadline, none early (max {ordered[-1]:.3f} ms)")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
