"""A session compiled for a device to walk alone: every state it can reach, and what each event leads to.

The engine is driven through every event a user can send (a set, a skip, ending a rest, another round,
ending the rounds) from the session's first step, on a clock that never moves, so a rest ends only by
an event. What it finds is the graph a phone follows with no network; the engine stays the one
place the rules live. Time stays with the device, which needs only two rules, stated here and held
to the engine by the parity tests:

* a rest ends at its deadline (``seconds`` after it began), as if ``end_rest`` was sent;
* the rest after ``another_round`` counts from when the round ended (the choice began), so
  deciding is resting; once it is over, the round starts at once.

Pauses stop the device's clock for the rest; undo goes back to the state before the last set,
skip or round decision (:attr:`Walk.undo` holds those the session already has).

Blocks on the clock (an interval block, an AMRAP) end steps by time, not by events, so a session
holding one is not walkable (:class:`NotWalkable`).
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
from repcoach.session.route import Route
from repcoach.session.steps import State, state_key

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


@dataclass(frozen=True)
class WalkNode:
    """One state the session can be in, as of the moment it is entered (a rest with all its time)."""

    state: State
    on: Mapping[str, Edge]
    """Each event allowed here (by :data:`WALKED` name) and where it leads."""


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
    """Whether every step of ``program`` ends by an event (no interval block, no AMRAP)."""
    route = Route(program)
    return not any(item.interval or item.time_cap for script in route.scripts for item in script)


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
        NotWalkable: the program has an interval block or an AMRAP.
        EngineError, EventFormatError: ``history`` does not fit ``program``.
    """
    if not walkable(program):
        raise NotWalkable("This session has blocks on the clock (an interval block or an AMRAP); it needs the server.")
    clock = FakeClock()
    if nodes is None:
        nodes = _explore(SessionEngine(program, clock))
    engine = SessionEngine.restore(program, history, clock)
    return Walk(nodes, state_key(engine.state), tuple(reversed(list(_undo_chain(engine)))))


def _explore(first: SessionEngine) -> dict[str, WalkNode]:
    nodes: dict[str, WalkNode] = {}
    pending = [first]
    while pending:
        engine = pending.pop()
        key = state_key(engine.state)
        if key in nodes:
            continue
        on: dict[str, Edge] = {}
        for kind, event in WALKED.items():
            following = copy.deepcopy(engine)
            try:
                following.apply(event)
            except EngineError:
                continue
            on[kind] = Edge(state_key(following.state), from_round_end=kind == "another_round")
            pending.append(following)
        nodes[key] = WalkNode(engine.state, on)
    return nodes


def _undo_chain(engine: SessionEngine) -> Iterable[Undone]:
    """What each undo in turn takes back, the next one first."""
    probe = copy.deepcopy(engine)
    while True:
        try:
            applied = probe.apply(Undo())
        except EngineError:
            return
        yield Undone(state_key(probe.state), isinstance(applied.undone, SetDone))
