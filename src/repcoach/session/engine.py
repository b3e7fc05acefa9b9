"""The session engine: a pure state machine driven by events and an injected clock.

Worked example: the reference back routine (rounds 3-5, 2 min after a round) with its warm-up
before it and the legs routine (rounds 3-4, 90 s after a round) after it. ``|`` marks a rest::

    Upper-body warm-up, round 1 of 1 (a circuit, 10 s between moves)
        arm circles | 10 s | cat-cow | 10 s | … | 10 s | kettlebell deadlift
        (round 1 is the maximum: no choice)               | 60 s "before Kettlebell back workout"
    Kettlebell back workout, round 1 of 3-5
        renegade row, Romanian deadlift                   | 90 s "after Superset 1"
        halo, single-arm row left, single-arm row right   | 120 s "after round 1"
    round 2: the same, then                               | 120 s "after round 2"
    round 3: the same, then RoundChoice (3 is the minimum)
        AnotherRound -> | the 120 s rest, counted from the end of round 3 | round 4
                         (deciding is resting: decide for 30 s and 90 s are left;
                          decide for 2 min and round 4 starts at once)
        EndRounds    -> | 60 s "before Kettlebell legs and glutes" | goblet squat …
    round 4: the same, then RoundChoice again
    round 5: the same; 5 is the maximum, so no choice:    | 60 s "before Kettlebell legs and glutes"
    Kettlebell legs and glutes, rounds 3-4 likewise, and after the last round: Finished.

Within a round (see :mod:`repcoach.session.route`): blocks in order; each block's sets; each
set's moves in order; a per-side move left then right with no rest between. After a move
comes ``rest_between_moves``, after a set ``rest_between_sets``, after a block ``rest_after``;
the round's last block gets the round rest (``rest_after_round``) instead, which comes only
between rounds. A rest of 0 s is no rest at all.

Blocks on the clock: in an interval block (EMOM) the rest after an interval lasts until its
end (its length from when it began); an AMRAP's steps go round, lap after lap, until its time
(from when its first step began) is up. The time left of either is recorded in the event that
ends a step, so a replay, all at one instant, does the same.

A rest is a deadline on the clock, never a count of ticks: reading :attr:`SessionEngine.state`
after the deadline finds the next work step, no event needed. A pause freezes the remaining
time; resuming sets a new deadline from it. ``Skip`` during a rest ends it and is recorded as
``EndRest``, so the stored history replays without guessing (:meth:`SessionEngine.restore`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from repcoach.session.clock import Clock
from repcoach.session.cues import cue_deadlines
from repcoach.session.errors import EngineError, EventFormatError
from repcoach.session.events import (
    AnotherRound,
    EndRest,
    EndRounds,
    Event,
    FinishSession,
    Pause,
    Resume,
    SetDone,
    Skip,
    Undo,
    event_from_dict,
    event_kind,
)
from repcoach.session.program import Program
from repcoach.session.route import Leg, Position, Route
from repcoach.session.rules import check_allowed
from repcoach.session.steering import Cursor, Steering
from repcoach.session.steps import Finished, Progress, Rest, RoundChoice, State, WorkStep


@dataclass(frozen=True)
class AppliedEvent:
    """What :meth:`SessionEngine.apply` did: what the CLI and the store need to know."""

    event: Event
    """The event as given."""
    step: WorkStep | None
    """The work step a ``SetDone`` or a move's ``Skip`` applied to; for ``Undo``, the step of the set or
    skip taken back. None otherwise."""
    recorded: Event | None
    """What was appended to :attr:`SessionEngine.history`, the form to store: the event itself, or
    ``EndRest`` for a ``Skip`` during a rest. None for ``Pause`` and ``Resume``, which move nothing."""
    undone: Event | None = None
    """For ``Undo``: the event taken back."""

    @property
    def position_changed(self) -> bool:
        """False for pause and resume, which a store need not keep."""
        return self.recorded is not None


@dataclass(frozen=True)
class _Undoable:
    """An event that ``Undo`` can take back, with the cursor from before it."""

    event: SetDone | Skip | AnotherRound | EndRounds
    before: Cursor
    step: WorkStep | None


class SessionEngine:
    """Knows what comes now, what comes next and how long the rest is; holds no I/O."""

    def __init__(self, program: Program, clock: Clock) -> None:
        """Start ``program`` at its first work step.

        Args:
            program: the segments to run.
            clock: where time comes from; rests end by it.
        """
        self.program = program
        self.clock = clock
        self._route = Route(program)
        self._steering = Steering(program, self._route, clock)
        self._cursor = Cursor("work", Position(0, 1, 0), began=clock.now())
        self._undoable: list[_Undoable] = []
        self._history: list[Event] = []
        self._paused_at: float | None = None

    # Reading ---------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        """What happens now, as of ``clock.now()``."""
        cursor = self._current()
        if cursor.phase == "finished":
            return Finished(cursor.ended_early)
        reference = self._paused_at if self._paused_at is not None else self.clock.now()
        if cursor.phase == "work":
            step = self._route.step(cursor.position)
            cap = self._route.item(cursor.position).time_cap
            return replace(step, time_left=max(0.0, cursor.began + cap - reference)) if cap else step
        if cursor.phase == "rest":
            following = self._route.step(cursor.position)
            remaining = max(0.0, cursor.mark - reference)
            return Rest(cursor.rest_seconds, remaining, cursor.rest_reason, following, self.paused)
        segment = self.program.segments[cursor.position.segment]
        left = max(0.0, cursor.mark + segment.round_rest - reference)
        return RoundChoice(
            segment_index=cursor.position.segment,
            segment_title=segment.title,
            round=cursor.position.round,
            rounds=segment.rounds,
            rest_seconds=segment.round_rest,
            rest_remaining=left,
            paused=self.paused,
        )

    @property
    def interval_elapsed(self) -> float | None:
        """Time paused left out, seconds since the interval (EMOM) of the current work step began, or since
        the AMRAP the session is in began (at a step of it, or a rest before one of its later steps)."""
        cursor = self._current()
        if cursor.phase not in ("work", "rest"):
            return None
        item = self._route.item(cursor.position)
        block = self.program.segments[cursor.position.segment].blocks[item.block_index]
        amrap_begun = cursor.phase == "work" or not (item.starts_interval and cursor.position.lap == 0)
        if not (block.every and cursor.phase == "work") and not (block.time_cap and amrap_begun):
            return None
        reference = self._paused_at if self._paused_at is not None else self.clock.now()
        return reference - cursor.began

    @property
    def paused(self) -> bool:
        """Whether the session is paused."""
        return self._paused_at is not None

    @property
    def history(self) -> tuple[Event, ...]:
        """The position-changing events applied, in order, as recorded: what a store keeps to replay."""
        return tuple(self._history)

    @property
    def progress(self) -> Progress:
        """Sets done, skipped and still to come."""
        done = sum(isinstance(entry.event, SetDone) for entry in self._undoable)
        skipped = sum(isinstance(entry.event, Skip) for entry in self._undoable)
        return Progress(done, skipped, sum(1 for _ in self._ahead()))

    def cue_times(self) -> list[float]:
        """Clock readings of the current rest's beeps still to come: 3, 2 and 1 s before its end, and its end.

        Empty outside a rest and while paused (resuming gives new deadlines).
        """
        cursor = self._current()
        if cursor.phase != "rest" or self.paused:
            return []
        return cue_deadlines(cursor.mark, self.clock.now())

    def upcoming(self, count: int) -> list[WorkStep]:
        """The next ``count`` work steps: the current one first (during a rest, the one after it).

        Each segment is assumed to stop at its minimum rounds (or at the round in progress when past
        it); at a round choice, that the rounds end.
        """
        return list(islice(self._ahead(), count))

    def timeline(self, rounds_per_segment: Mapping[int, int] | None = None) -> list[WorkStep | Rest | RoundChoice]:
        """The whole program as planned, independent of the session's progress.

        Args:
            rounds_per_segment: rounds to run, by segment index; a segment not given runs its minimum.

        Raises:
            EngineError: a segment that does not exist, or rounds outside a segment's range.
        """
        return self._route.timeline(rounds_per_segment)

    # Events ----------------------------------------------------------------------------------

    def apply(self, event: Event) -> AppliedEvent:
        """Apply one event and say what it did.

        Any event other than ``Pause`` and ``Resume`` also ends a pause.

        Raises:
            EngineError: the event does not fit the current step, with a sentence saying why.
        """
        cursor = self._current()
        if isinstance(event, Pause | Resume):
            if isinstance(event, Pause):
                self._pause()
            else:
                self._resume()
            return AppliedEvent(event, None, None)
        check_allowed(event, cursor.phase, ended_early=cursor.ended_early, can_undo=bool(self._undoable))
        self._resume_quietly()
        cursor = self._cursor
        now = self.clock.now()
        step: WorkStep | None = None
        recorded: Event = event
        undone: Event | None = None
        match event:
            case SetDone() | Skip() if cursor.phase == "work":
                step = self._route.step(cursor.position)
                item = self._route.item(cursor.position)
                self._undoable.append(_Undoable(event, cursor, step))
                if item.time_cap:
                    left = self._steering.cap_left(cursor, event, now)
                    recorded = replace(event, interval_left=round(left, 3))
                    self._cursor = self._steering.after_capped_work(cursor, now, left)
                else:
                    ended = self._steering.interval_end(cursor, event, now)
                    if item.interval:
                        recorded = replace(event, interval_left=round(ended - now, 3))
                    self._cursor = self._steering.after_work(cursor, ended)
            case Skip() | EndRest():
                cursor, recorded = self._steering.end_rest(cursor, event, now)
                self._cursor = self._steering.work(cursor.position, now, cursor)
            case Undo():
                entry = self._undoable.pop()
                self._cursor, step, undone = entry.before, entry.step, entry.event
            case AnotherRound() | EndRounds():
                self._undoable.append(_Undoable(event, cursor, None))
                position = cursor.position
                if isinstance(event, AnotherRound):
                    leg = self._route.next_round(position.segment, position.round)
                    self._cursor = self._steering.follow(leg, cursor.mark, cursor)
                else:
                    self._cursor = self._steering.leave_segment(cursor, now)
            case FinishSession():
                self._cursor = Cursor("finished", cursor.position, ended_early=True)
        self._history.append(recorded)
        return AppliedEvent(event, step, recorded, undone)

    @classmethod
    def restore(
        cls,
        program: Program,
        events: Iterable[Event | Mapping[str, Any]],
        clock: Clock,
        *,
        rest_elapsed: float = 0.0,
    ) -> SessionEngine:
        """Rebuild a session from its stored history, at exactly the step where it stopped.

        Replay is instant: a stored set that arrives while the replay is in a rest means that
        rest ran out in the live session, so it is ended first. Pause and resume are skipped: the
        caller gives ``rest_elapsed`` without the paused time, and pauses again if the session was left paused.

        Args:
            program: the program the session was started with (from the store, not the plan files).
            events: :attr:`history` as stored, as events or their dicts.
            clock: the clock to go on with.
            rest_elapsed: seconds of the rest now due already gone, time paused left out: since
                the last position-changing event, or for a round rest (at the choice or after
                ``AnotherRound``) since the round ended. After an ``Undo`` back to a choice the
                caller can only count from the undo, so the deciding time is given again then.

        Raises:
            EventFormatError: a stored dict is not an event.
            EngineError: a stored event does not fit the program (it is not this session's history).
            ValueError: ``rest_elapsed`` is negative.
        """
        if rest_elapsed < 0:
            raise ValueError(f"rest_elapsed cannot be negative (got {rest_elapsed})")
        engine = cls(program, clock)
        for number, item in enumerate(events, start=1):
            try:
                event = item if not isinstance(item, Mapping) else event_from_dict(item)
            except EventFormatError as error:
                raise EventFormatError(f"Stored event {number}: {error}") from None
            if isinstance(event, Pause | Resume):
                continue
            if isinstance(event, SetDone | Skip) and engine._cursor.phase == "rest":
                engine._cursor = engine._steering.work(engine._cursor.position, clock.now(), engine._cursor)
            try:
                engine.apply(event)
            except EngineError as error:
                message = f"Stored event {number} ({event_kind(event)}) does not fit this session: {error}"
                raise EngineError(message) from None
        # The replay ran at one instant, so ``mark`` is that instant plus the rest given (for a rest)
        # or plus what was left of the round's last interval (for a choice); and an AMRAP's (or an
        # interval's) clock is as if it began at that instant: all of them ``rest_elapsed`` ago.
        cursor = replace(engine._cursor, began=engine._cursor.began - rest_elapsed)
        if cursor.phase in ("rest", "choice"):
            cursor = replace(cursor, mark=cursor.mark - rest_elapsed)
        engine._cursor = cursor
        return engine

    # Moving ----------------------------------------------------------------------------------

    def _current(self) -> Cursor:
        """The cursor, a rest that has run out by the clock turned into the work after it."""
        cursor = self._cursor
        if cursor.phase == "rest" and not self.paused and self.clock.now() >= cursor.mark:
            cursor = self._cursor = self._steering.work(cursor.position, cursor.mark, cursor)
        return cursor

    def _ahead(self) -> Iterator[WorkStep]:
        cursor = self._current()
        start: Leg | None = None
        if cursor.phase in ("work", "rest"):
            start = Leg(cursor.position)
        elif cursor.phase == "choice" and (leg := self._route.next_segment(cursor.position.segment)):
            start = Leg(leg.to)
        if start is not None:
            yield from (item for item in self._route.run(start, {}) if isinstance(item, WorkStep))

    def _pause(self) -> None:
        if self._cursor.phase == "finished":
            raise EngineError("The session has finished; there is nothing to pause.")
        if self.paused:
            raise EngineError("The session is already paused.")
        self._paused_at = self.clock.now()

    def _resume(self) -> None:
        if not self.paused:
            raise EngineError("The session is not paused.")
        self._resume_quietly()

    def _resume_quietly(self) -> None:
        """End a pause, if any: a running rest (or round rest) is moved on by the time paused."""
        if self._paused_at is None:
            return
        paused_for = self.clock.now() - self._paused_at
        self._paused_at = None
        cursor = replace(self._cursor, began=self._cursor.began + paused_for)
        self._cursor = replace(cursor, mark=cursor.mark + paused_for) if cursor.phase in ("rest", "choice") else cursor
