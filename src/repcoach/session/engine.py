"""The session engine: a pure state machine driven by events and an injected clock.

Order within a round comes from :mod:`repcoach.session.script`. Between rounds of a segment:

* after round r < ``rounds.low``: the round rest, then round r+1;
* after round r with ``rounds.low <= r < rounds.high``: a :class:`RoundChoice`. ``AnotherRound``
  starts the round rest counted from the end of the round (deciding time is rest time);
  ``EndRounds`` moves on;
* after round ``rounds.high``: move on.

Moving on means a transition rest of ``TRANSITION_REST_SECONDS`` and the next segment's round 1,
or :class:`Finished` after the last segment. With the reference routine (3-5 rounds, 2 min
between rounds) that is: round 1, 2 min, round 2, 2 min, round 3, choice, [2 min, round 4,
choice, [2 min, round 5]], finished.

A rest is a deadline on the clock, never a count of ticks: reading the state after the
deadline finds the next work step. A pause freezes the remaining time; resuming sets a new
deadline from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from repcoach.errors import RepcoachError
from repcoach.session.clock import Clock
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
)
from repcoach.session.program import TRANSITION_REST_SECONDS, Program
from repcoach.session.script import RestItem, WorkItem, round_script
from repcoach.session.steps import Finished, Rest, RoundChoice, State, WorkStep

COUNTDOWN_BEEPS = (3, 2, 1)
"""Seconds before the end of a rest at which a countdown beep sounds."""

_POSITION_EVENTS = (SetDone, Skip, EndRest, Undo, AnotherRound, EndRounds, FinishSession)
_UNDOABLE = (SetDone, Skip, AnotherRound, EndRounds)


class EngineError(RepcoachError):
    """An event that makes no sense at the current step."""


@dataclass(frozen=True)
class AppliedEvent:
    """What an event did."""

    event: Event
    step: WorkStep | None
    """The work step a ``SetDone`` or ``Skip`` applied to."""
    position_changed: bool
    """False for pause and resume, which a store need not keep."""


@dataclass(frozen=True)
class _Cursor:
    """Where the session is. ``phase`` says what ``index`` means."""

    segment: int
    round: int
    index: int
    """Position in the round's script; in a rest, the work that follows it."""
    phase: Literal["work", "rest", "choice", "finished"]
    rest_seconds: int = 0
    rest_reason: str = ""
    deadline: float = 0.0
    """When the rest ends, or when the round ended (in a choice)."""
    paused_remaining: float | None = None
    """While paused in a rest: the seconds it still had."""


class SessionEngine:
    """Knows what comes next and how long the rest is; holds no I/O."""

    def __init__(self, program: Program, clock: Clock) -> None:
        self.program = program
        self.clock = clock
        self._scripts = [round_script(segment) for segment in program.segments]
        self._cursor = _Cursor(0, 1, 0, "work")
        self._undo_stack: list[_Cursor] = []
        self.history: list[Event] = []
        """The position-changing events applied, in order: what a store keeps to replay."""
        self.paused = False

    # Reading ----------------------------------------------------------------------------

    @property
    def state(self) -> State:
        """What happens now, as of ``clock.now()``."""
        self._expire_rest()
        cursor = self._cursor
        if cursor.phase == "finished":
            return Finished()
        if cursor.phase == "choice":
            segment = self.program.segments[cursor.segment]
            return RoundChoice(cursor.segment, segment.title, cursor.round, segment.rounds, segment.round_rest)
        step = self._work_step(cursor.segment, cursor.round, cursor.index)
        if cursor.phase == "work":
            return step
        remaining = (
            cursor.paused_remaining
            if cursor.paused_remaining is not None
            else max(0.0, cursor.deadline - self.clock.now())
        )
        return Rest(cursor.rest_seconds, remaining, cursor.rest_reason, step, paused=self.paused)

    def cue_times(self) -> list[float]:
        """Clock readings at which the current rest's beeps are due (3-2-1 and the end), future ones only."""
        self._expire_rest()
        cursor = self._cursor
        if cursor.phase != "rest" or cursor.paused_remaining is not None:
            return []
        now = self.clock.now()
        return [time for time in (*(cursor.deadline - s for s in COUNTDOWN_BEEPS), cursor.deadline) if time > now]

    def upcoming(self, count: int) -> list[WorkStep]:
        """The next ``count`` work steps from here (the current one first), assuming minimum rounds."""
        cursor = self._cursor
        if cursor.phase == "finished":
            return []
        steps: list[WorkStep] = []
        for step in self._walk(cursor):
            steps.append(step)
            if len(steps) == count:
                break
        return steps

    def timeline(self, rounds_per_segment: Mapping[int, int] | None = None) -> list[WorkStep | Rest | RoundChoice]:
        """The whole session as planned, each segment run for the given rounds (default: its minimum)."""
        chosen = rounds_per_segment or {}
        items: list[WorkStep | Rest | RoundChoice] = []
        pending_rest: tuple[int, str] | None = None
        for s, segment in enumerate(self.program.segments):
            rounds = chosen.get(s, segment.rounds.low)
            if not segment.rounds.low <= rounds <= segment.rounds.high:
                raise EngineError(f"{segment.title} runs {segment.rounds} rounds, not {rounds}")
            if s > 0:
                pending_rest = (TRANSITION_REST_SECONDS, f"before {segment.title}")
            for r in range(1, rounds + 1):
                for index, item in enumerate(self._scripts[s]):
                    if isinstance(item, RestItem):
                        pending_rest = (item.seconds, item.reason)
                        continue
                    step = self._work_step(s, r, index)
                    if pending_rest is not None:
                        items.append(Rest(pending_rest[0], pending_rest[0], pending_rest[1], step))
                        pending_rest = None
                    items.append(step)
                if segment.rounds.low <= r < segment.rounds.high:
                    items.append(RoundChoice(s, segment.title, r, segment.rounds, segment.round_rest))
                if r < rounds and segment.round_rest:
                    pending_rest = (segment.round_rest, f"after round {r}")
        return items

    # Events -----------------------------------------------------------------------------

    def apply(self, event: Event) -> AppliedEvent:
        """Apply one event.

        Raises:
            EngineError: the event does not fit the current step, with a sentence saying why.
        """
        self._expire_rest()
        before = self._cursor
        step: WorkStep | None = None
        match event:
            case SetDone() | Skip():
                if isinstance(event, SetDone):
                    _check_amounts(event)
                step = self._require_work("log a set" if isinstance(event, SetDone) else "skip a move")
                self.paused = False
                self._cursor = self._after_work(before)
            case EndRest():
                if before.phase != "rest":
                    raise EngineError("There is no rest to end now.")
                self._cursor = replace(before, phase="work", paused_remaining=None)
                self.paused = False
            case Undo():
                if not self._undo_stack:
                    raise EngineError("There is nothing to undo yet.")
                self._cursor = self._undo_stack.pop()
                self._cursor = self._restart_rest(self._cursor)
                self.paused = False
            case AnotherRound() | EndRounds():
                if before.phase != "choice":
                    raise EngineError("You can choose another round or finish only after finishing a round.")
                self._cursor = self._next_round(before) if isinstance(event, AnotherRound) else self._move_on(before)
            case FinishSession():
                self._cursor = replace(before, phase="finished")
            case Pause():
                self._pause()
            case Resume():
                self._resume()
        if isinstance(event, _UNDOABLE):
            self._undo_stack.append(before)
        if isinstance(event, _POSITION_EVENTS):
            self.history.append(event)
        return AppliedEvent(event, step, isinstance(event, _POSITION_EVENTS))

    @classmethod
    def restore(
        cls,
        program: Program,
        events: Iterable[Event | dict[str, Any]],
        clock: Clock,
        *,
        rest_elapsed: float = 0.0,
    ) -> SessionEngine:
        """Rebuild a session from its stored events, at exactly the step where it stopped.

        Replay is instant, so a rest the user sat out before the next set is ended when that
        set arrives. If the session stopped in a rest, ``rest_elapsed`` seconds of it are gone.
        """
        engine = cls(program, clock)
        for item in events:
            event = event_from_dict(item) if isinstance(item, dict) else item
            if isinstance(event, SetDone | Skip) and engine._cursor.phase == "rest":
                engine._cursor = replace(engine._cursor, phase="work", paused_remaining=None)
            engine.apply(event)
        cursor = engine._cursor
        if cursor.phase == "rest":
            engine._cursor = replace(cursor, deadline=clock.now() + cursor.rest_seconds - rest_elapsed)
        elif cursor.phase == "choice":
            engine._cursor = replace(cursor, deadline=clock.now() - rest_elapsed)
        return engine

    # Moving -----------------------------------------------------------------------------

    def _after_work(self, cursor: _Cursor) -> _Cursor:
        """Where a finished (or skipped) work step leads."""
        script = self._scripts[cursor.segment]
        following = cursor.index + 1
        if following < len(script):
            item = script[following]
            if isinstance(item, RestItem):
                return self._rest(cursor, following + 1, item.seconds, item.reason)
            return replace(cursor, index=following, phase="work")
        return self._end_round(cursor)

    def _end_round(self, cursor: _Cursor) -> _Cursor:
        segment = self.program.segments[cursor.segment]
        if cursor.round < segment.rounds.low:
            return self._next_round(replace(cursor, deadline=self.clock.now()))
        if cursor.round < segment.rounds.high:
            return replace(cursor, phase="choice", deadline=self.clock.now())
        return self._move_on(cursor)

    def _next_round(self, cursor: _Cursor) -> _Cursor:
        """Round r+1 after the round rest, which started when round r ended (``cursor.deadline``)."""
        segment = self.program.segments[cursor.segment]
        first = _Cursor(cursor.segment, cursor.round + 1, 0, "work")
        if not segment.round_rest:
            return first
        ended = cursor.deadline
        rest = _Cursor(
            cursor.segment,
            cursor.round + 1,
            0,
            "rest",
            segment.round_rest,
            f"after round {cursor.round}",
            ended + segment.round_rest,
        )
        return rest if rest.deadline > self.clock.now() else first

    def _move_on(self, cursor: _Cursor) -> _Cursor:
        following = cursor.segment + 1
        if following == len(self.program.segments):
            return replace(cursor, phase="finished")
        title = self.program.segments[following].title
        start = _Cursor(following, 1, 0, "work")
        return self._rest(start, 0, TRANSITION_REST_SECONDS, f"before {title}")

    def _rest(self, cursor: _Cursor, index: int, seconds: int, reason: str) -> _Cursor:
        return replace(
            cursor,
            index=index,
            phase="rest",
            rest_seconds=seconds,
            rest_reason=reason,
            deadline=self.clock.now() + seconds,
            paused_remaining=None,
        )

    def _restart_rest(self, cursor: _Cursor) -> _Cursor:
        """An undone step returns as it was; a rest it was in starts again in full."""
        if cursor.phase == "rest":
            return replace(cursor, deadline=self.clock.now() + cursor.rest_seconds, paused_remaining=None)
        return cursor

    def _expire_rest(self) -> None:
        cursor = self._cursor
        if cursor.phase == "rest" and cursor.paused_remaining is None and self.clock.now() >= cursor.deadline:
            self._cursor = replace(cursor, phase="work")

    def _pause(self) -> None:
        if self.paused:
            raise EngineError("The session is already paused.")
        self.paused = True
        cursor = self._cursor
        if cursor.phase == "rest":
            self._cursor = replace(cursor, paused_remaining=max(0.0, cursor.deadline - self.clock.now()))

    def _resume(self) -> None:
        if not self.paused:
            raise EngineError("The session is not paused.")
        self.paused = False
        cursor = self._cursor
        if cursor.phase == "rest" and cursor.paused_remaining is not None:
            self._cursor = replace(cursor, deadline=self.clock.now() + cursor.paused_remaining, paused_remaining=None)

    def _require_work(self, action: str) -> WorkStep:
        cursor = self._cursor
        if cursor.phase != "work":
            where = {
                "rest": "during a rest",
                "choice": "before choosing another round or finishing",
                "finished": "after the session has finished",
            }[cursor.phase]
            raise EngineError(f"You cannot {action} {where}.")
        return self._work_step(cursor.segment, cursor.round, cursor.index)

    def _work_step(self, segment_index: int, round_number: int, index: int) -> WorkStep:
        item = self._scripts[segment_index][index]
        assert isinstance(item, WorkItem), "a cursor in work always points at a work item"
        segment = self.program.segments[segment_index]
        block = segment.blocks[item.block_index]
        return WorkStep(
            segment_index=segment_index,
            segment_title=segment.title,
            plan_id=segment.plan_id,
            round=round_number,
            rounds=segment.rounds,
            block_index=item.block_index,
            block_name=block.name,
            block_kind=block.kind,
            set_number=item.set_number,
            sets=block.sets,
            move_index=item.move_index,
            move=block.moves[item.move_index],
            side=item.side,
        )

    def _walk(self, cursor: _Cursor) -> Iterator[WorkStep]:
        """Work steps from ``cursor`` on: this round, up to the minimum rounds, then later segments.

        At a round choice, the next round is assumed.
        """
        s, r, index = cursor.segment, cursor.round, cursor.index
        if cursor.phase == "choice":
            r, index = r + 1, 0
        while s < len(self.program.segments):
            last_round = max(r, self.program.segments[s].rounds.low)
            while r <= last_round:
                for i in range(index, len(self._scripts[s])):
                    if isinstance(self._scripts[s][i], WorkItem):
                        yield self._work_step(s, r, i)
                r, index = r + 1, 0
            s, r, index = s + 1, 1, 0


def _check_amounts(event: SetDone) -> None:
    for name in ("reps", "rir", "hold_seconds"):
        value = getattr(event, name)
        if value is not None and value < 0:
            raise EngineError(f"{name.replace('_', ' ')} cannot be below 0 (got {value}).")
    if event.weight_kg is not None and event.weight_kg <= 0:
        raise EngineError(f"A bell weighs more than 0 kg (got {event.weight_kg}).")
