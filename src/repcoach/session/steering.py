"""Where a session goes from each step: the moves of :class:`~repcoach.session.engine.SessionEngine`'s cursor.

A :class:`Cursor` says where a session is (work, a rest with its deadline, a round choice, the end);
:class:`Steering` works out the cursor that follows a step done, a rest ended or a round decided,
timing rests and intervals (EMOM) and an AMRAP's cap by the engine's clock. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from repcoach.session.clock import Clock
from repcoach.session.events import EndRest, SetDone, Skip
from repcoach.session.program import Program
from repcoach.session.route import Leg, Position, Route
from repcoach.session.rules import Phase


@dataclass(frozen=True)
class Cursor:
    """Where the session is; ``phase`` says what ``position`` and ``mark`` mean."""

    phase: Phase
    position: Position
    """Work: the current step. Rest: the step after it. Choice and finished: the last step of the round."""
    rest_seconds: int = 0
    rest_reason: str = ""
    mark: float = 0.0
    """Rest: the clock reading at which it ends. Choice: the reading at which the round ended."""
    ended_early: bool = False
    """Finished by ``FinishSession``."""
    began: float = 0.0
    """In an interval block (EMOM) or an AMRAP: the clock reading at which the current interval,
    or the AMRAP, began."""


class Steering:
    """The cursor's moves along one program's route, timed by ``clock``."""

    def __init__(self, program: Program, route: Route, clock: Clock) -> None:
        self.program = program
        self.route = route
        self.clock = clock

    def work(self, position: Position, at: float, before: Cursor) -> Cursor:
        """Work at ``position`` from ``at``: a new interval (or AMRAP) begins then if the step starts
        one (an AMRAP's later laps go on in the time it began with)."""
        starts = self.route.item(position).starts_interval and position.lap == 0
        return Cursor("work", position, began=at if starts else before.began)

    def end_rest(self, cursor: Cursor, event: Skip | EndRest, now: float) -> tuple[Cursor, EndRest]:
        """A rest ended now, as recorded: within an AMRAP, with the time left of it (replayed, that
        sets its clock, which the replay's one instant could not)."""
        following = self.route.item(cursor.position)
        if not following.time_cap or (following.starts_interval and cursor.position.lap == 0):
            return cursor, EndRest()
        left = self.cap_left(cursor, event, now)
        return replace(cursor, began=now + left - following.time_cap), EndRest(interval_left=round(left, 3))

    def cap_left(self, cursor: Cursor, event: SetDone | Skip | EndRest, now: float) -> float:
        """Seconds left of the AMRAP's time (0 or less: time is up); a replayed event says."""
        if event.interval_left is not None:
            return event.interval_left
        return cursor.began + self.route.item(cursor.position).time_cap - now

    def after_capped_work(self, cursor: Cursor, now: float, left: float) -> Cursor:
        """In an AMRAP: the next move, round and round, while time is left; once it is up, what
        follows the block."""
        position = cursor.position
        if left <= 0:
            return self.after_work(replace(cursor, position=self.route.block_end(position)), now)
        going_on = replace(cursor, began=now + left - self.route.item(position).time_cap)
        if position == self.route.block_end(position):
            return self.work(self.route.lap_start(position), now, going_on)
        return self.after_work(going_on, now)

    def interval_end(self, cursor: Cursor, event: SetDone | Skip, now: float) -> float:
        """When the interval the step ends is over (``now`` when it ends none, or it ran over).

        A replayed event says what was left of it; a live one is timed by the clock.
        """
        if event.interval_left is not None:
            return now + event.interval_left
        length = self.route.item(cursor.position).interval
        return max(cursor.began + length, now) if length else now

    def after_work(self, cursor: Cursor, ended: float) -> Cursor:
        """Where a finished (or skipped) work step leads; what follows counts from ``ended``,
        the end of its interval (in an interval block) or now."""
        position = cursor.position
        leg = self.route.within_round(position)
        if leg is not None:
            return self.follow(leg, ended, cursor)
        rounds = self.program.segments[position.segment].rounds
        if position.round < rounds.low:
            return self.follow(self.route.next_round(position.segment, position.round), ended, cursor)
        if position.round < rounds.high:
            return Cursor("choice", position, mark=ended)
        return self.leave_segment(cursor, ended)

    def leave_segment(self, cursor: Cursor, started: float) -> Cursor:
        leg = self.route.next_segment(cursor.position.segment)
        return Cursor("finished", cursor.position) if leg is None else self.follow(leg, started, cursor)

    def follow(self, leg: Leg, started: float, before: Cursor) -> Cursor:
        """Take ``leg``, its rest counted from ``started``: straight to work if it is already over.

        ``started`` is in the future when an interval is still running: the rest then lasts
        from now to its end plus the leg's own rest.
        """
        now = self.clock.now()
        end = started + leg.rest_seconds
        if end > now:
            length = round(end - min(started, now))
            return Cursor("rest", leg.to, length, leg.rest_reason, end, began=before.began)
        return self.work(leg.to, now, before)
