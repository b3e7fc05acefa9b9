"""What the API and the session page show of a session: where it stands, and the walk a phone follows alone.

A view is built from the engine's state (:mod:`repcoach.session`) with what a person needs beside it:
the move's name, cues and picture, and the bell advised for it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from repcoach.library.custom import UserCatalogue
from repcoach.plan import Measure
from repcoach.session import Rest, RoundChoice, State, WorkStep
from repcoach.session.steps import state_key
from repcoach.session.walk import Edge, Walk
from repcoach.web.live_sessions import Kept

PICTURES = frozenset(path.stem for path in (Path(__file__).parent / "static" / "moves").glob("*.svg"))
"""Moves with a diagram in static/moves, named by exercise id."""


def picture_url(exercise_id: str) -> str | None:
    return f"/static/moves/{exercise_id}.svg" if exercise_id in PICTURES else None


class WorkView(BaseModel):
    exercise_id: str
    name: str
    side: str | None
    target: str
    round_label: str
    block: str
    bell_kg: float | None
    bell_reason: str
    measure: Measure
    """What a set is counted in: reps, seconds (a hold) or metres (a run, a carry)."""
    amount_default: int
    """What one tap logs, in the measure: the top of the target."""
    rir_default: int | None
    rir_target: str | None = None
    """The plan's reps in reserve (RIR) at the end of a set, as a person reads it: ``0-2 reps in reserve``."""
    cue: str
    """The move's first coaching cue."""
    cues: list[str]
    """All its cues, in the order they matter during a rep."""
    picture: str | None
    """The URL of a diagram of the move, when there is one."""
    time_left: float | None = None
    """In an AMRAP: the seconds left of its time; the set being done when it runs out is its last."""
    notes: str = ""
    """The plan's tempo or technique notes for the move ("3-second lowering")."""


class RestView(BaseModel):
    seconds: int
    remaining: float
    reason: str
    round_label: str
    """The round of the move after the rest: ``Round 2 of 3-5``."""
    next_exercise_id: str
    next_name: str
    next_picture: str | None


class ChoiceView(BaseModel):
    round: int
    rounds: str
    rest_seconds: int


class SessionView(BaseModel):
    id: str
    title: str
    started_at: datetime
    finished_at: datetime | None
    phase: Literal["work", "rest", "choice", "finished"]
    at: str
    """Where the session stands, as :func:`~repcoach.session.steps.state_key` names it: ``work:0/r1/b0/s1/m0``."""
    work: WorkView | None = None
    rest: RestView | None = None
    choice: ChoiceView | None = None
    sets_logged: int
    paused: bool = False
    """A paused rest keeps its remaining time until ``resume`` (or any other event)."""
    duplicate: bool = False
    """True when the event was a set already stored under its ``client_id``: nothing was applied."""


class EdgeView(BaseModel):
    to: str
    """The key of the state the event leads to."""
    from_round_end: bool = False
    """The rest it leads to counts from when the round ended (the choice began), not from now."""
    interval: int = 0
    """The step it leaves ends an interval of this many seconds: what follows counts from the interval's end."""
    rest: int = 0
    """The rest it leads to, in seconds after the moment it counts from."""
    next_lap: bool = False
    """It begins the next lap of an AMRAP."""


class NodeView(BaseModel):
    """One state of a walk: what the page shows there, and where each event leads."""

    phase: Literal["work", "rest", "choice", "finished"]
    work: WorkView | None = None
    rest: RestView | None = None
    choice: ChoiceView | None = None
    on: dict[str, EdgeView]
    """By event kind (``set_done``, ``skip``, ``end_rest``, ``another_round``, ``end_rounds``)."""
    starts_interval: bool = False
    """A work step that starts an interval (EMOM): the interval's clock starts when the step begins."""
    interval: int = 0
    """A work step that ends an interval: its length in seconds."""
    time_cap: int = 0
    """A work step of an AMRAP: its time in seconds, from when its first step began."""
    capped: dict[str, EdgeView] = {}
    """In an AMRAP: where ``set_done`` and ``skip`` lead once its time is gone."""
    lapped: bool = False
    """The state in every lap of an AMRAP after its first: its key has ``s*`` where the lap's set number
    (the lap plus 1) goes."""


class UndoView(BaseModel):
    to: str
    """The key of the state an undo goes back to."""
    set_done: bool
    """It takes back a logged set."""
    lap: int = 0
    """The AMRAP lap it goes back to (0 in a first lap, or outside an AMRAP)."""


class WalkView(BaseModel):
    """All a page needs to run the rest of the session with no network (see session/walk.py)."""

    id: str
    title: str
    at: str
    """The key of the node of the state the session is in now."""
    lap: int
    """The AMRAP lap the session is in (0 in a first lap, or outside an AMRAP)."""
    remaining: float | None
    """Seconds left now of the rest (or of the round rest, at a choice), when there is one."""
    paused: bool
    interval_elapsed: float | None
    """At a work step of an interval block: seconds since its interval began; in an AMRAP (a rest before one
    of its later steps too): since the AMRAP began."""
    sets_logged: int
    undo: list[UndoView]
    """What each undo would take back, the next one last."""
    nodes: dict[str, NodeView]


def session_view(kept: Kept) -> SessionView:
    """Where the session stands now."""
    live = kept.live
    record = live.record
    view = SessionView(
        id=record.id,
        title=record.title,
        started_at=record.started_at,
        finished_at=record.finished_at,
        phase="finished",
        at="finished",
        sets_logged=len(live.sets),
        paused=live.engine.paused,
    )
    if record.finished_at is not None:
        return view
    state = live.engine.state
    return view.model_copy(update={"at": state_key(state), **_shown(state, kept)})


def walk_view(kept: Kept, walk: Walk) -> WalkView:
    """The session's walk, each state shown as the API shows it; bells as advised from the sets logged so far."""
    live = kept.live
    state = live.engine.state
    remaining = state.remaining if isinstance(state, Rest) else None
    if isinstance(state, RoundChoice):
        remaining = state.rest_remaining
    nodes = {
        key: NodeView(
            **_shown(node.state, kept),
            on={kind: _edge_view(edge) for kind, edge in node.on.items()},
            starts_interval=node.starts_interval,
            interval=node.interval,
            time_cap=node.time_cap,
            capped={kind: _edge_view(edge) for kind, edge in node.capped.items()},
            lapped=node.lapped,
        )
        for key, node in walk.nodes.items()
    }
    return WalkView(
        id=live.record.id,
        title=live.record.title,
        at=walk.current if live.record.finished_at is None else "finished",
        lap=walk.lap if live.record.finished_at is None else 0,
        remaining=None if remaining is None else round(remaining, 3),
        paused=live.engine.paused,
        interval_elapsed=None if (elapsed := live.engine.interval_elapsed) is None else round(elapsed, 3),
        sets_logged=len(live.sets),
        undo=[UndoView(to=undone.to, set_done=undone.set_done, lap=undone.lap) for undone in walk.undo],
        nodes=nodes,
    )


def _edge_view(edge: Edge) -> EdgeView:
    return EdgeView(
        to=edge.to, from_round_end=edge.from_round_end, interval=edge.interval, rest=edge.rest, next_lap=edge.next_lap
    )


def place(state: State, catalogue: UserCatalogue) -> str:
    """Where a session stands, in words: ``Halo, round 2 of 3-5``, ``the rest after Superset 1``."""
    if isinstance(state, WorkStep):
        side = f" ({state.side})" if state.side else ""
        return f"{catalogue.get(state.move.exercise).name}{side}, {state.round_label.lower()}"
    if isinstance(state, Rest):
        return f"the rest {state.reason} (before {catalogue.get(state.next.move.exercise).name})"
    if isinstance(state, RoundChoice):
        return f"the choice after round {state.round}"
    return "its end"


def _shown(state: State, kept: Kept) -> dict[str, object]:
    """The phase and what the page shows in it, as fields of a view."""
    live = kept.live
    catalogue = live.engine.program.exercise_lookup()
    if isinstance(state, WorkStep):
        exercise = catalogue.get(state.move.exercise)
        bell = kept.advisor().advise(state, live)
        work = WorkView(
            exercise_id=state.move.exercise,
            name=exercise.name,
            side=state.side,
            target=state.move.target,
            round_label=state.round_label,
            block=state.block_name,
            bell_kg=bell.weight_kg,
            bell_reason=bell.reason,
            measure=state.move.measure,
            amount_default=state.move.most,
            rir_default=state.move.rir.high if state.move.rir else None,
            rir_target=f"{state.move.rir} reps in reserve" if state.move.rir else None,
            cue=exercise.cues[0] if exercise.cues else "",
            cues=list(exercise.cues),
            picture=picture_url(state.move.exercise),
            time_left=None if state.time_left is None else round(state.time_left, 3),
            notes=state.move.notes,
        )
        return {"phase": "work", "work": work}
    if isinstance(state, Rest):
        rest = RestView(
            seconds=state.seconds,
            remaining=round(state.remaining, 3),
            reason=state.reason,
            round_label=state.next.round_label,
            next_exercise_id=state.next.move.exercise,
            next_name=catalogue.get(state.next.move.exercise).name,
            next_picture=picture_url(state.next.move.exercise),
        )
        return {"phase": "rest", "rest": rest}
    if isinstance(state, RoundChoice):
        choice = ChoiceView(round=state.round, rounds=str(state.rounds), rest_seconds=state.rest_seconds)
        return {"phase": "choice", "choice": choice}
    return {"phase": "finished"}
