"""A session in progress: the pure engine plus the store, every position-changing event saved at once.

The store keeps the events append-only, so a session killed at any moment is rebuilt by
replaying them (:meth:`LiveSession.resume`). A logged set and its event are written in one
transaction: either both are there or neither is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from repcoach.plan import Measure
from repcoach.session import (
    AnotherRound,
    AppliedEvent,
    Clock,
    EndRounds,
    Event,
    Finished,
    Pause,
    Program,
    Rest,
    Resume,
    SessionEngine,
    SetDone,
    Skip,
    Undo,
    WorkStep,
    event_from_dict,
    event_to_dict,
)
from repcoach.store import CustomExerciseRecord, EventRecord, NewSet, ProfileRecord, SessionRecord, SetRecord, Store

WallClock = Callable[[], datetime]

_UNDOABLE = (SetDone, Skip, AnotherRound, EndRounds)
_PAUSE_KINDS = ("pause", "resume")


def utc_now() -> datetime:
    """The wall clock, for timestamps a person reads (monotonic time keeps the rests)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class LastSet:
    """What was logged last for one move and side, offered again as the default."""

    reps: int | None
    hold_seconds: int | None
    distance_m: float | None
    rir: int | None
    weight_kg: float | None

    @classmethod
    def of(cls, logged: SetRecord) -> LastSet:
        return cls(logged.reps, logged.hold_seconds, logged.distance_m, logged.rir, logged.weight_kg)

    def amount(self, measure: Measure) -> int | None:
        """What the set did in ``measure`` (reps, seconds, whole metres), None when it did not say."""
        if measure == "metres":
            return None if self.distance_m is None else round(self.distance_m)
        return self.reps if measure == "reps" else self.hold_seconds


class LiveSession:
    """An engine whose every event is stored the moment it happens."""

    def __init__(self, store: Store, record: SessionRecord, engine: SessionEngine, wall: WallClock) -> None:
        self.store = store
        self.record = record
        self.engine = engine
        self._wall = wall
        self._undoable_seqs: list[int] = []
        self.last_seq = 0
        """The number of the last event stored; another writer's event makes the store's larger."""
        self.last_at = record.started_at
        """When the last event stored happened (the session's start before any)."""
        self.sets: list[SetRecord] = []
        """The sets logged so far, oldest first, as stored: kept in step with the store, so that
        while ``last_seq`` is the store's, reading them needs no query."""
        self.last_sets: dict[tuple[str, str | None], LastSet] = {}
        self.event_ids: set[str] = set()
        """The client ids of this session's stored events: an event sent again under one is not applied again."""
        self._step_began = wall()

    @classmethod
    def start(
        cls, store: Store, profile: ProfileRecord, program: Program, clock: Clock, wall: WallClock = utc_now
    ) -> LiveSession:
        """Store a new session and start its engine at the first step."""
        record = store.start_session(
            profile.id,
            title=program.title,
            plan_ids=program.plan_ids,
            program=program.to_dict(),
            started_at=wall(),
            custom=[
                CustomExerciseRecord(exercise_id, exercise.name, exercise.pattern)
                for exercise_id, exercise in program.own_exercises.items()
            ],
        )
        return cls(store, record, SessionEngine(program, clock), wall)

    @classmethod
    def resume(cls, store: Store, record: SessionRecord, clock: Clock, wall: WallClock = utc_now) -> LiveSession:
        """Rebuild an unfinished session from its stored events, at exactly the step it stopped.

        A rest that was running goes on with the time already gone deducted, paused time not
        counted; a session left paused comes back paused.
        """
        live = cls(store, record, SessionEngine(Program.from_dict(record.program), clock), wall)
        live._restore()
        live._note_step_start(wall())
        return live

    @property
    def state(self) -> WorkStep | Rest | object:
        """The engine's current step (work, rest, round choice or finished)."""
        return self.engine.state

    def set_logged_as(self, client_id: str) -> SetRecord | None:
        """The set of this session stored under ``client_id``, if there is one."""
        return next((logged for logged in self.sets if logged.client_id == client_id), None)

    def apply(self, event: Event, client_id: str | None = None, done_at: datetime | None = None) -> AppliedEvent:
        """Apply ``event`` to the engine and store what the engine recorded (a ``Skip`` in a rest is
        recorded as ``EndRest``), and pauses with their times, so a resume knows the rest they
        stopped; a set is committed before this returns. The event (and its set) is stored under
        ``client_id`` when the client gave one (a key that makes sending it twice harmless).

        It is stamped now, or at ``done_at`` when the device says when it happened (a phone that
        walked the session offline sends its events later): kept between the session's last event
        and now, so a wrong clock can neither reorder the log nor date a set in the future.

        Raises:
            EngineError: the event is not allowed now; nothing is stored.
            StoreError: the write failed (another writer stored an event first, or the set breaks
                a rule); the session is back at what the store holds.
        """
        applied = self.engine.apply(event)
        recorded = applied.recorded
        now = self._wall()
        at = now if done_at is None else min(max(done_at, self.last_at), now)
        if isinstance(event, Pause | Resume):
            self._append(event, at, client_id=client_id)
            return applied
        if recorded is None:
            return applied
        new_set = self._new_set(recorded, applied.step, at, client_id) if isinstance(recorded, SetDone) else None
        undo_seq = self._undoable_seqs[-1] if isinstance(recorded, Undo) and self._undoable_seqs else None
        finishes = isinstance(self.engine.state, Finished)
        logged = self._append(recorded, at, new_set, undo_seq, finishes, client_id)
        self._track(recorded, self.last_seq)
        self._note_step_start(at)
        if undo_seq is not None:
            self.sets = [kept for kept in self.sets if kept.event_seq != undo_seq]
        if logged is not None:
            self.sets.append(logged)
            self.last_sets[(logged.exercise_id, logged.side)] = LastSet.of(logged)
        if finishes:
            self.record = replace(self.record, finished_at=at)
        return applied

    def _note_step_start(self, at: datetime) -> None:
        """Remember when the coming work step begins: now, or when the rest now running ends."""
        state = self.engine.state
        self._step_began = at + timedelta(seconds=state.remaining) if isinstance(state, Rest) else at

    def _track(self, event: Event, seq: int) -> None:
        if isinstance(event, _UNDOABLE):
            self._undoable_seqs.append(seq)
        elif isinstance(event, Undo) and self._undoable_seqs:
            self._undoable_seqs.pop()

    def _append(
        self,
        event: Event,
        at: datetime,
        new_set: NewSet | None = None,
        undo_seq: int | None = None,
        finishes: bool = False,
        client_id: str | None = None,
    ) -> SetRecord | None:
        """Store ``event`` as the one after the last this session knows of (and the session as finished
        with it, if it ``finishes`` it), under the device's ``client_id``; the set, when it logs one.

        After a failed write, everything here returns to what the store holds (the time the
        current step began stays: it is the same step).
        """
        kind, payload = _split(event_to_dict(event))
        try:
            logged = self.store.append_event(
                self.record.id,
                self.last_seq + 1,
                kind,
                payload,
                at,
                new_set=new_set,
                undo_seq=undo_seq,
                finishes=finishes,
                client_id=client_id,
            )
        except Exception:
            self._restore()
            raise
        self.last_seq += 1
        self.last_at = at
        if client_id is not None:
            self.event_ids.add(client_id)
        return logged

    def _restore(self) -> None:
        """Set the engine, and all kept beside it, to what the store holds."""
        stored = self.store.events(self.record.id)
        events = [event_from_dict({"kind": event.kind, **event.payload}) for event in stored]
        elapsed, paused = _rest_elapsed(stored, self._wall())
        program = Program.from_dict(self.record.program)
        self.engine = SessionEngine.restore(program, events, self.engine.clock, rest_elapsed=elapsed)
        if paused:
            self.engine.apply(Pause())
        self._undoable_seqs = []
        for event_record, event in zip(stored, events, strict=True):
            self._track(event, event_record.seq)
        self.last_seq = stored[-1].seq if stored else 0
        self.last_at = stored[-1].at if stored else self.record.started_at
        self.event_ids = {event.client_id for event in stored if event.client_id is not None}
        self.sets = self.store.sets(self.record.id)
        self.last_sets = {(logged.exercise_id, logged.side): LastSet.of(logged) for logged in self.sets}

    def _new_set(self, event: SetDone, step: WorkStep | None, at: datetime, client_id: str | None) -> NewSet:
        assert step is not None, "a set is always done at a work step"
        move = step.move
        return NewSet(
            exercise_id=move.exercise,
            plan_id=step.plan_id,
            block_name=step.block_name,
            round=step.round,
            side=step.side,
            reps=event.reps,
            reps_target_low=move.reps.low if move.reps else None,
            reps_target_high=move.reps.high if move.reps else None,
            hold_seconds=event.hold_seconds,
            distance_m=event.distance_m,
            weight_kg=event.weight_kg,
            rir=event.rir,
            started_at=self._step_began,
            finished_at=at,
            client_id=client_id,
        )


def _rest_elapsed(stored: Sequence[EventRecord], now: datetime) -> tuple[float, bool]:
    """Unpaused seconds since the rest now due began; and whether the session is still paused.

    The rest began at the last event that moved the session, except after ``another_round``:
    the round rest runs from the end of the round, while the user decides, so it counts from
    the event before. Any event that moves the session also ends a pause.
    """
    moves = [index for index, event in enumerate(stored) if event.kind not in _PAUSE_KINDS]
    if not moves:
        return 0.0, False
    began = moves[-2] if stored[moves[-1]].kind == "another_round" and len(moves) > 1 else moves[-1]
    paused = timedelta()
    paused_at: datetime | None = None
    for event in stored[began + 1 :]:
        if event.kind == "pause":
            paused_at = paused_at or event.at
        elif paused_at is not None:
            paused, paused_at = paused + (event.at - paused_at), None
    if paused_at is not None:
        paused += now - paused_at
    return max(0.0, (now - stored[began].at - paused).total_seconds()), paused_at is not None


def _split(data: dict[str, object]) -> tuple[str, dict[str, object]]:
    kind = str(data.pop("kind"))
    return kind, data
