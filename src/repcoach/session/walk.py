"""A session compiled for a device to walk alone: every state it can reach, and what each event leads to.

The engine is driven through every event a user can send (a set, a skip, ending a rest, another round,
ending the rounds) from the session's first step, on a clock that never moves, so a rest ends only by
an event. What it finds is the graph a phone follows with no network; the engine stays the one
place the rules live. Time stays with the device, which needs only two rules, stated here and held
to the engine by the parity tests:

* a rest ends at its deadline, as if ``end_rest`` was sent: its own ``rest`` after the moment
  it counts from, which is now; or, after a step that ends an interval (EMOM), the end of that
  interval (``began + interval``, or now if it ran over); or, after ``another_round``, when the
  round ended (the choice began), so deciding is resting. A deadline already past is no rest;
* an interval begins when a step that starts one begins (``starts_interval``): when it is entered,
  or when the rest before it ends.

Pauses stop the device's clock (deadlines and the interval move on by the time paused); undo goes
back to the state before the last set, skip or round decision (:attr:`Walk.undo` holds those the
session already has).

An AMRAP goes round its moves until its time is up, lap after lap: its states are not a finite
graph, so a session holding one is not walkable (:class:`NotWalkable`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from repcoach.session.clock import FakeClock
from repcoach.session.engine import SessionEngine
from repcoach.session.errors import EngineError
from repcoach.session.events import AnotherRound, EndRest, EndRounds, Event, SetDone, Skip, Undo
from repcoach.session.program import Program
from repcoach.session.route import Route, ScriptItem
from repcoach.session.steps import Rest, RoundChoice, State, WorkStep, state_key

WALKED: dict[str, Event] = {
    "set_done": SetDone(),
    "skip": Skip(),
    "end_rest": EndRest(),
    "another_round": AnotherRound(),
    "end_rounds": EndRounds(),
}
"""The events a device walks, by the API's name, as the engine takes them (a set's values do not move it)."""


class NotWalkable(ValueError):
    """The session has blocks whose steps end by the clock, which only the server can keep."""


@dataclass(frozen=True)
class Edge:
    """Where an event leads from a state."""

    to: str
    """The key of the state it leads to."""
    from_round_end: bool = False
    """The rest it leads to counts from when the round ended (``another_round``), not from now."""
    interval: int = 0
    """The step it leaves ends an interval of this many seconds: what follows counts from the interval's end."""
    rest: int = 0
    """The rest it leads to, in seconds after the moment it counts from (0 when it leads to no rest)."""


@dataclass(frozen=True)
class WalkNode:
    """One state the session can be in, as of the moment it is entered (a rest with all its time)."""

    state: State
    on: Mapping[str, Edge]
    """Each event allowed here (by :data:`WALKED` name) and where it leads."""
    starts_interval: bool = False
    """A work step that starts an interval (EMOM): the interval's clock starts when the step begins."""
    interval: int = 0
    """A work step that ends an interval: its length in seconds."""


@dataclass(frozen=True)
class Undone:
    """What one undo takes back: where it goes back to, and whether a logged set goes with it."""

    to: str
    set_done: bool


@dataclass(frozen=True)
class Walk:
    """Every state of a session from its first step to its end, for every number of rounds allowed."""

    nodes: Mapping[str, WalkNode]
    """By :func:`~repcoach.session.steps.state_key`."""
    current: str
    """Where the session stands now."""
    undo: tuple[Undone, ...]
    """What each undo would take back, the next one last."""


def walkable(program: Program) -> bool:
    """Whether ``program`` has no AMRAP."""
    return not any(item.time_cap for script in Route(program).scripts for item in script)


def compile_walk(
    program: Program, history: Sequence[Event | Mapping[str, Any]], nodes: Mapping[str, WalkNode] | None = None
) -> Walk:
    """The walk of ``program``, standing where ``history`` (the stored events) has brought it.

    Args:
        program: the session's program.
        history: its events as stored.
        nodes: the nodes of an earlier walk of the same program (they depend on nothing else),
            to save exploring them again.

    Raises:
        NotWalkable: the program has an AMRAP.
        EngineError, EventFormatError: ``history`` does not fit ``program``.
    """
    if nodes is None:
        nodes = walk_nodes(program)
    engine = SessionEngine.restore(program, history, FakeClock())
    return Walk(nodes, state_key(engine.state), tuple(reversed(list(_undo_chain(engine)))))


def walk_nodes(program: Program) -> dict[str, WalkNode]:
    """Every state of ``program`` by :func:`~repcoach.session.steps.state_key`: the part of its walk that
    depends on nothing but the program.

    Raises:
        NotWalkable: the program has an AMRAP.
    """
    if not walkable(program):
        raise NotWalkable("This session has an AMRAP, whose laps run on the clock; it needs the server.")
    return _explore(SessionEngine(program, FakeClock()))


def _explore(first: SessionEngine) -> dict[str, WalkNode]:
    """Every state from ``first`` on. The clock stands still, so each interval (and each round rest at a
    choice) is whole: a rest's own time is what it shows less what is left of the interval before it."""
    route = Route(first.program)
    nodes: dict[str, WalkNode] = {}
    pending = [first]
    while pending:
        engine = pending.pop()
        state = engine.state
        key = state_key(state)
        if key in nodes:
            continue
        item = _item(route, state) if isinstance(state, WorkStep) else None
        interval = item.interval if item is not None else 0
        if isinstance(state, RoundChoice):
            interval = round(state.rest_remaining - state.rest_seconds)  # the round ended with an interval
        on: dict[str, Edge] = {}
        for kind, event in WALKED.items():
            following = copy.deepcopy(engine)
            try:
                following.apply(event)
            except EngineError:
                continue
            counts_after = interval if kind in ("set_done", "skip", "another_round") else 0
            rest = following.state.seconds - counts_after if isinstance(following.state, Rest) else 0
            leaves = interval if item is not None else 0
            on[kind] = Edge(state_key(following.state), kind == "another_round", leaves, rest)
            pending.append(following)
        starts = item is not None and item.starts_interval
        nodes[key] = WalkNode(state, on, starts, interval if item is not None else 0)
    return nodes


def _item(route: Route, step: WorkStep) -> ScriptItem:
    """The script item of a work step (no AMRAP here, so no laps)."""
    return next(
        item
        for item in route.scripts[step.segment_index]
        if (item.block_index, item.set_number, item.move_index, item.side)
        == (step.block_index, step.set_number, step.move_index, step.side)
    )


def _undo_chain(engine: SessionEngine) -> Iterable[Undone]:
    """What each undo in turn takes back, the next one first."""
    probe = copy.deepcopy(engine)
    while True:
        try:
            applied = probe.apply(Undo())
        except EngineError:
            return
        yield Undone(state_key(probe.state), isinstance(applied.undone, SetDone))
