"""Plans, engines and compact views for the session tests."""

from __future__ import annotations

import tomllib
from pathlib import Path

import repcoach.plan
from repcoach.plan import Block, Move, Plan
from repcoach.session import Rest, RoundChoice, SessionEngine, SetDone, WorkStep

BUILTIN = Path(repcoach.plan.__file__).parent / "builtin"


def builtin_plan(plan_id: str) -> Plan:
    """A built-in plan, read straight from its TOML file."""
    return Plan.model_validate(tomllib.loads((BUILTIN / f"{plan_id}.toml").read_text(encoding="utf-8")))


def plan_of(
    *blocks: Block, rounds: str = "1", rest_after_round: int | None = None, title: str = "Test", plan_id: str = "test"
) -> Plan:
    """A plan of the given blocks."""
    return Plan(id=plan_id, title=title, rounds=rounds, rest_after_round=rest_after_round, blocks=blocks)


def warmup_plan() -> Plan:
    """A one-round circuit warm-up with 10 s between moves and a per-side move."""
    circuit = Block(
        name="Warm-up",
        kind="circuit",
        rest_between_moves=10,
        moves=(
            Move(exercise="arm-circles", hold_seconds="30"),
            move("around-the-world", "5", per_side=True),
            move("kettlebell-deadlift"),
        ),
    )
    return plan_of(circuit, title="Upper-body warm-up", plan_id="warmup")


def legs_plan() -> Plan:
    """A 3-4 round superset with 90 s between rounds."""
    superset = Block(
        name="Legs superset", kind="superset", moves=(move("goblet-squat"), move("reverse-lunge", per_side=True))
    )
    return plan_of(superset, rounds="3-4", rest_after_round=90, title="Kettlebell legs and glutes", plan_id="legs")


def emom_plan() -> Plan:
    """Two interval blocks, 1-2 rounds, 60 s after a round.

    EMOM A: every 60 s, a swing then a press per side, twice; then 30 s rest. EMOM B: an
    alternating EMOM, a goblet squat one 45 s interval and a push-up the next, twice each.
    """
    together = Block(
        name="EMOM A",
        kind="superset",
        every=60,
        sets=2,
        rest_after=30,
        moves=(move("kettlebell-swing", "10"), move("kettlebell-press", "5", per_side=True)),
    )
    alternating = Block(name="EMOM B", kind="circuit", every=45, sets=2, moves=(move("goblet-squat"), move("push-up")))
    return plan_of(together, alternating, rounds="1-2", rest_after_round=60, title="Intervals", plan_id="emom")


def amrap_plan() -> Plan:
    """An AMRAP of 5 min (a swing, then a press per side, 10 s between moves), 30 s rest, then a halo."""
    amrap = Block(
        name="AMRAP 5",
        kind="circuit",
        time_cap=300,
        rest_between_moves=10,
        rest_after=30,
        moves=(move("kettlebell-swing", "10"), move("kettlebell-press", "5", per_side=True)),
    )
    after = Block(name="Halo", kind="straight", moves=(move("halo"),))
    return plan_of(amrap, after, title="As many as possible", plan_id="amrap")


def move(exercise: str, reps: str = "8", per_side: bool = False) -> Move:
    return Move(exercise=exercise, reps=reps, per_side=per_side)


def compact(items: list[WorkStep | Rest | RoundChoice]) -> list[tuple[object, ...]]:
    """(exercise, side, round) for work, ("rest", seconds, reason) and ("choice", round)."""
    out: list[tuple[object, ...]] = []
    for item in items:
        if isinstance(item, WorkStep):
            out.append((item.move.exercise, item.side, item.round))
        elif isinstance(item, Rest):
            out.append(("rest", item.seconds, item.reason))
        else:
            out.append(("choice", item.round))
    return out


def where(engine: SessionEngine) -> tuple[object, ...]:
    """The engine's state, short: ("work", round, exercise, side), ("rest", seconds, remaining, next), …"""
    state = engine.state
    if isinstance(state, WorkStep):
        return ("work", state.round, state.move.exercise, state.side)
    if isinstance(state, Rest):
        return ("rest", state.seconds, state.remaining, state.next.move.exercise)
    if isinstance(state, RoundChoice):
        return ("choice", state.round, state.rest_remaining)
    return ("finished", state.ended_early)


def do_sets(engine: SessionEngine, count: int) -> None:
    for _ in range(count):
        engine.apply(SetDone(reps=8, rir=2, weight_kg=12.0))
