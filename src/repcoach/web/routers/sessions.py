"""Sessions: start one, read where it stands, send what the user did, list past ones.

The stored events are the truth: a session in progress is kept in memory between requests
(web/live_sessions.py); a read uses it only while its last event is the store's last, and an event
is written as the one after it, which the store refuses when another process wrote first. Otherwise
it is rebuilt from them (:meth:`LiveSession.resume`), with rest time from the wall clock, so a
reload, a second device, a second server process or a restart all see the exact same step.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from repcoach.errors import InvalidInput, Problem, RepcoachError, StoreError
from repcoach.limits import MAX_DISTANCE_M, MAX_REPS, MAX_RIR, MAX_SET_SECONDS, MAX_WEIGHT_KG
from repcoach.service.coaching import recent_history
from repcoach.service.finish_report import FinishReport, finish_report
from repcoach.service.live_session import LiveSession, utc_now
from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    Event,
    FinishSession,
    MonotonicClock,
    Pause,
    Program,
    Resume,
    SetDone,
    Skip,
    Undo,
)
from repcoach.session.steps import state_key
from repcoach.session.walk import node_at
from repcoach.store import ProfileRecord, SessionRecord, Store
from repcoach.web.auth import owner_of
from repcoach.web.deps import LiveSessionsDep, PlansDep, ProfileDep, StoreDep, profile_of
from repcoach.web.error_docs import errors
from repcoach.web.errors import Conflict
from repcoach.web.live_sessions import Kept, LiveSessions
from repcoach.web.session_views import SessionView, WalkView, place, session_view, walk_view
from repcoach.web.strict_types import AS_WHOLE_NUMBER, IsoTime

router = APIRouter(tags=["sessions"])

_SESSION_LOCKS = tuple(threading.Lock() for _ in range(64))
"""Events of one session are applied one at a time: two at once (a phone's queued sets sent as the
user taps again, or two devices) would both read the same last step and claim the same event number."""


class StartBody(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    plan: str = Field(default="kettlebell-back", max_length=100)
    warmup: bool = Field(default=False, strict=True)
    paired: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list, alias="with", max_length=3)


class EventBody(BaseModel):
    """What the user did. ``client_id`` makes an event idempotent: sent twice, applied and stored once.

    Numbers and flags are strict: ``false`` is not 0, nor ``"8"`` 8 (a client sending them has a bug to hear of);
    ``8.0`` is 8, as JSON Schema has it. A field it does not have is refused (a misspelt ``weight`` is no bell).
    """

    model_config = ConfigDict(extra="forbid")

    kind: Literal[
        "set_done", "skip", "end_rest", "undo", "another_round", "end_rounds", "finish_session", "pause", "resume"
    ]
    reps: Annotated[int, Field(strict=True, ge=0, le=MAX_REPS), AS_WHOLE_NUMBER] | None = None
    rir: Annotated[int, Field(strict=True, ge=0, le=MAX_RIR), AS_WHOLE_NUMBER] | None = None
    weight_kg: float | None = Field(default=None, gt=0, le=MAX_WEIGHT_KG, strict=True)
    hold_seconds: Annotated[int, Field(strict=True, ge=0, le=MAX_SET_SECONDS), AS_WHOLE_NUMBER] | None = None
    distance_m: float | None = Field(default=None, ge=0, le=MAX_DISTANCE_M, strict=True)
    """Metres covered, for a run or a carry."""
    client_id: str | None = Field(default=None, min_length=8, max_length=64)
    done_at: IsoTime | None = None
    """When the user did it, by the device's clock (events walked offline arrive later); the server keeps
    it between the session's last event and now."""
    interval_left: float | None = Field(default=None, ge=0, le=MAX_SET_SECONDS, strict=True)
    """For a set or skip that ends an interval (EMOM), or is done in an AMRAP, walked on the device: what was
    left of the interval (or of the AMRAP's time) by its clock, so what follows is timed as there (kept within
    its length)."""
    at: str | None = Field(default=None, max_length=100)
    """Where the device was when the user did it (the view's ``at``); the server catches up with a rest
    the device ended by its own clock, and refuses (409) an event for a place the session has left."""


_EVENTS: dict[str, type[Event]] = {
    "skip": Skip,
    "end_rest": EndRest,
    "undo": Undo,
    "another_round": AnotherRound,
    "end_rounds": EndRounds,
    "finish_session": FinishSession,
    "pause": Pause,
    "resume": Resume,
}


@router.post("/sessions", status_code=201, responses=errors(404, 409))
def start_session(
    body: StartBody, store: StoreDep, profile: ProfileDep, plans: PlansDep, sessions: LiveSessionsDep
) -> SessionView:
    """Start a session of a built-in plan, with its warm-up and paired plans if asked."""
    main = plans.get(body.plan)
    warm = plans.get(main.warmup or "upper-body-warmup") if body.warmup else None
    program = Program.compose(main, warm, [plans.get(other) for other in body.paired])
    kept = Kept(LiveSession.start(store, profile, program, MonotonicClock()), profile)
    sessions.keep(kept)
    return session_view(kept)


@router.get("/sessions", responses=errors(409))
def list_sessions(
    store: StoreDep, profile: ProfileDep, limit: Annotated[int, Query(ge=1, le=100)] = 20
) -> list[SessionRecord]:
    """Past sessions, newest first, each with its sets."""
    return store.list_sessions(profile.id, limit=limit)


@router.get("/sessions/{session_id}", responses=errors(404, 409))
def read_session(session_id: str, store: StoreDep, profile: ProfileDep, sessions: LiveSessionsDep) -> SessionView:
    """Where the session stands now."""
    with _SESSION_LOCKS[hash(session_id) % len(_SESSION_LOCKS)]:
        return session_view(_live(session_id, store, profile, sessions))


@router.get("/sessions/{session_id}/walk", responses=errors(404, 409))
def read_walk(session_id: str, store: StoreDep, profile: ProfileDep, sessions: LiveSessionsDep) -> WalkView:
    """Every state the session can still reach, and where each event leads: what the page needs to go on
    with no network."""
    with _SESSION_LOCKS[hash(session_id) % len(_SESSION_LOCKS)]:
        kept = _live(session_id, store, profile, sessions)
        return walk_view(kept, kept.walk())


@router.get("/sessions/{session_id}/report", responses=errors(404, 409))
def read_report(session_id: str, store: StoreDep, profile: ProfileDep, plans: PlansDep) -> FinishReport:
    """What a finished session did (rounds, sets, time, volume, each move), what changed against the last
    session of its plan, the next-weight advice and when the next session is allowed. 409 until it is finished."""
    record = store.get_session(session_id)
    if record is None or record.profile_id != profile.id:
        raise HTTPException(404, f"There is no session {session_id}.")
    if record.finished_at is None:
        raise Conflict("This session is not finished yet: its report comes at its end.")
    now = utc_now()
    shelf = {plan_id: plans.plans[plan_id] for plan_id in record.plan_ids if plan_id in plans.plans}
    return finish_report(record, store.sets(session_id), recent_history(store, profile.id, now), shelf, profile, now)


@router.post("/sessions/{session_id}/events", responses=errors(404, 409))
async def send_event(
    session_id: str, body: EventBody, request: Request, store: StoreDep, sessions: LiveSessionsDep
) -> SessionView:
    """Apply what the user did; a set is committed before the answer is sent.

    All the work, the login's and the profile's reads included, runs in the thread pool as one call:
    with them as dependencies, it took three hand-overs between threads, the dearest part of a set
    after the commit (on an idle machine each woke a sleeping thread).
    """
    return await run_in_threadpool(_send_event, session_id, body, request, store, sessions)


def _send_event(
    session_id: str, body: EventBody, request: Request, store: Store, sessions: LiveSessions
) -> SessionView:
    """Apply the event to the kept session with nothing read first but the login. That answer stands only when
    the store took the event's write, which it refuses when another process stored an event of this session
    first: any other outcome (a refusal, a duplicate, nothing to apply) may come from a kept session behind the
    store, so the event is applied again to the session as the store holds it."""
    owner = owner_of(request, store)
    with _SESSION_LOCKS[hash(session_id) % len(_SESSION_LOCKS)]:
        kept = sessions.kept(store, session_id, owner.account_id)
        if kept is not None:
            stored_before = kept.live.last_seq
            with suppress(RepcoachError):
                view = _apply(kept, body, store)
                if kept.live.last_seq > stored_before:
                    return view
        return _apply(_live(session_id, store, profile_of(store, owner), sessions), body, store)


def _apply(kept: Kept, body: EventBody, store: Store) -> SessionView:
    live = kept.live
    if body.client_id is not None and (
        body.client_id in live.event_ids or _logged_before(body.client_id, live, store, look_up=body.kind != "set_done")
    ):
        return session_view(kept).model_copy(update={"duplicate": True})
    if live.record.finished_at is not None:
        raise Conflict("This session is finished; start a new one.")
    if not _caught_up(kept, body):
        return session_view(kept)
    left = _interval_left(kept, body)
    if body.kind == "set_done":
        event: Event = SetDone(
            body.reps, body.rir, body.weight_kg, body.hold_seconds, body.distance_m, interval_left=left
        )
    elif body.kind == "skip" and left is not None:
        event = Skip(interval_left=left)
    else:
        event = _EVENTS[body.kind]()
    try:
        live.apply(event, client_id=body.client_id, done_at=body.done_at)
    except StoreError:
        if body.client_id is None or not _logged_before(body.client_id, live, store, look_up=True):
            raise
        return session_view(kept).model_copy(update={"duplicate": True})
    return session_view(kept)


def _interval_left(kept: Kept, body: EventBody) -> float | None:
    """The device's time left of the interval the event's step ends, or of the AMRAP it is in, within its
    length; None when the step is in neither (or the device did not say)."""
    if body.interval_left is None or body.kind not in ("set_done", "skip"):
        return None
    node = node_at(kept.walk_nodes(), state_key(kept.live.engine.state))
    length = 0 if node is None else node.interval or node.time_cap
    return min(body.interval_left, length) if length else None


def _caught_up(kept: Kept, body: EventBody) -> bool:
    """Whether the event applies here, after catching up with the device that sent it (``body.at``).

    A device that walks the session alone times its rests itself, so it can be a rest ahead of the
    server: a set (or skip) for the step after the rest the server is still in means that rest is
    over, and it is ended first; ending a rest that has run out here already is nothing to apply
    (False). Any other difference means the session moved on elsewhere (another device, the plan).

    Raises:
        Conflict: the session is not where the device was.
    """
    live = kept.live
    if body.at is None or body.kind in ("pause", "resume"):
        return True
    here = state_key(live.engine.state)
    if here == body.at:
        return True
    phase, _, step = body.at.partition(":")
    if phase == "work" and here == f"rest:{step}" and body.kind in ("set_done", "skip"):
        live.apply(EndRest(), done_at=body.done_at)
        return True
    if phase == "rest" and here == f"work:{step}" and body.kind in ("end_rest", "skip"):
        return False
    catalogue = live.engine.program.exercise_lookup()
    there = node_at(kept.walk_nodes(), body.at)
    was = f", not at {place(there.state, catalogue)}" if there is not None else ""
    raise Conflict(
        f"This session has moved on elsewhere: it is at {place(live.engine.state, catalogue)}{was}; "
        f"the {body.kind.replace('_', ' ')} sent from this device was not applied."
    )


def _logged_before(client_id: str, live: LiveSession, store: Store, *, look_up: bool) -> bool:
    """Whether a set of this session is stored under ``client_id`` already (then nothing is applied).

    The session's own sets are in memory. The store is asked (``look_up``) before any event that
    logs no set, and after a set's write failed: a set's client id is unique, so a write under an
    id taken elsewhere fails, and only then does it cost a read.

    Raises:
        InvalidInput: a set of another session has that id.
    """
    if live.set_logged_as(client_id) is not None:
        return True
    if not look_up:
        return False
    earlier = store.set_by_client_id(live.record.profile_id, client_id)
    if earlier is not None and earlier.session_id != live.record.id:
        raise InvalidInput([Problem("this client_id was used for a set of another session", field="client_id")])
    return earlier is not None


def _live(session_id: str, store: Store, profile: ProfileRecord, sessions: LiveSessions) -> Kept:
    found = store.session_at(session_id)
    if found is None or found[0].profile_id != profile.id:
        raise HTTPException(404, f"There is no session {session_id}.")
    return sessions.get(store, *found, profile)
