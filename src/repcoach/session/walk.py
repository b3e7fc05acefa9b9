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

An AMRAP goes round its moves until its time is up, lap after lap. Its first lap is nodes of its own
(its first step starts the AMRAP's clock); every later lap is the same nodes, one set for them all
(:attr:`WalkNode.lapped`, a key with ``s*`` where the lap's set number goes, :func:`node_at`), and the
device counts the laps. Its two more rules:

* a set or skip in an AMRAP, done while its time (``time_cap`` from when its first step began, time
  paused left out) is not yet gone, leads along ``on``; once it is gone, along ``capped``: out of the
  AMRAP. An edge with ``next_lap`` begins the next lap;
* the device says what was left of the time with the set, so the server goes the same way.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
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


TIME_GONE: dict[str, Event] = {"set_done": SetDone(interval_left=0.0), "skip": Skip(interval_left=0.0)}
"""The events of an AMRAP whose time is gone, as a device says so."""

LAP = "s*"
"""Where a lapped node's key has the set number of the lap (``work:0/r1/b0/s*/m1``): ``s2`` in the second lap."""


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
    next_lap: bool = False
    """It begins the next lap of an AMRAP."""


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
    time_cap: int = 0
    """A work step of an AMRAP: its time in seconds, from when its first step began."""
    capped: Mapping[str, Edge] = field(default_factory=dict)
    """In an AMRAP: where ``set_done`` and ``skip`` lead once its time is gone."""
    lapped: bool = False
    """The state in every lap of an AMRAP after its first (its key has :data:`LAP`)."""


@dataclass(frozen=True)
class Undone:
    """What one undo takes back: where it goes back to, and whether a logged set goes with it."""

    to: str
    set_done: bool
    lap: int = 0
    """The AMRAP lap it goes back to (0 in a first lap, or outside an AMRAP)."""


@dataclass(frozen=True)
class Walk:
    """Every state of a session from its first step to its end, for every number of rounds allowed."""

    nodes: Mapping[str, WalkNode]
    """By :func:`~repcoach.session.steps.state_key`."""
    current: str
    """Where the session stands now (its node)."""
    lap: int
    """The AMRAP lap the session is in (0 in a first lap, or outside an AMRAP)."""
    undo: tuple[Undone, ...]
    """What each undo would take back, the next one last."""


def node_at(nodes: Mapping[str, WalkNode], key: str) -> WalkNode | None:
    """The node of the state named ``key`` (a lapped node for a step of a later lap), if there is one."""
    if key in nodes:
        return nodes[key]
    phase, _, step = key.partition(":")
    parts = step.split("/")
    if len(parts) < 4 or not parts[3].startswith("s"):
        return None
    lapped = nodes.get(f"{phase}:{'/'.join([*parts[:3], LAP, *parts[4:]])}")
    return lapped if lapped is not None and lapped.lapped else None


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
        EngineError, EventFormatError: ``history`` does not fit ``program``.
    """
    if nodes is None:
        nodes = walk_nodes(program)
    engine = SessionEngine.restore(program, history, FakeClock())
    current, lap = _node_key(program, engine.state)
    return Walk(nodes, current, lap, tuple(reversed(list(_undo_chain(engine)))))


def walk_nodes(program: Program) -> dict[str, WalkNode]:
    """Every state of ``program`` by :func:`~repcoach.session.steps.state_key`: the part of its walk that
    depends on nothing but the program (a lapped node by its key with :data:`LAP`)."""
    return _explore(SessionEngine(program, FakeClock()))


def _node_key(program: Program, state: State) -> tuple[str, int]:
    """The key of the node of ``state``, and its AMRAP lap: a step (or the rest before it) of an AMRAP's
    second lap or later is one node, its set number written :data:`LAP`."""
    step = state if isinstance(state, WorkStep) else state.next if isinstance(state, Rest) else None
    key = state_key(state)
    if step is None or step.set_number == 1:
        return key, 0
    if not program.segments[step.segment_index].blocks[step.block_index].time_cap:
        return key, 0
    shown = step.key.split("/")
    shown[3] = LAP
    return f"{key.partition(':')[0]}:{'/'.join(shown)}", step.set_number - 1


def _explore(first: SessionEngine) -> dict[str, WalkNode]:
    """Every state from ``first`` on. The clock stands still, so each interval (and each round rest at a
    choice) is whole: a rest's own time is what it shows less what is left of the interval before it;
    and an AMRAP's time is never gone, so where a set leads once it is gone is found by saying so."""
    program = first.program
    route = Route(program)
    nodes: dict[str, WalkNode] = {}
    pending = [first]
    while pending:
        engine = pending.pop()
        state = engine.state
        key, lap = _node_key(program, state)
        if key in nodes:
            continue
        item = _item(route, state) if isinstance(state, WorkStep) else None
        interval = item.interval if item is not None else 0
        if isinstance(state, RoundChoice):
            interval = round(state.rest_remaining - state.rest_seconds)  # the round ended with an interval
        time_cap = item.time_cap if item is not None else 0
        on: dict[str, Edge] = {}
        capped: dict[str, Edge] = {}
        for kind, event in WALKED.items():
            ways = [(on, event)]
            if time_cap and kind in TIME_GONE:
                ways.append((capped, TIME_GONE[kind]))
            for edges, sent in ways:
                following = copy.deepcopy(engine)
                try:
                    following.apply(sent)
                except EngineError:
                    continue
                counts_after = interval if kind in ("set_done", "skip", "another_round") else 0
                rest = following.state.seconds - counts_after if isinstance(following.state, Rest) else 0
                leaves = interval if item is not None else 0
                to, to_lap = _node_key(program, following.state)
                edges[kind] = Edge(to, kind == "another_round", leaves, rest, next_lap=to_lap > lap)
                pending.append(following)
        starts = item is not None and item.starts_interval and lap == 0
        nodes[key] = WalkNode(state, on, starts, interval if item is not None else 0, time_cap, capped, lap > 0)
    return nodes


def _item(route: Route, step: WorkStep) -> ScriptItem:
    """The script item of a work step (an AMRAP's later laps are its first lap's items)."""
    return next(
        item
        for item in route.scripts[step.segment_index]
        if (item.block_index, item.set_number, item.move_index, item.side)
        == (step.block_index, 1 if item.time_cap else step.set_number, step.move_index, step.side)
    )


def _undo_chain(engine: SessionEngine) -> Iterable[Undone]:
    """What each undo in turn takes back, the next one first."""
    probe = copy.deepcopy(engine)
    while True:
        try:
            applied = probe.apply(Undo())
        except EngineError:
            return
        key, lap = _node_key(probe.program, probe.state)
        yield Undone(key, isinstance(applied.undone, SetDone), lap)
