"""The session engine: pure, driven by events and an injected clock (no I/O, no sleeping).

``SessionEngine(Program.compose(plan), clock)`` says what comes now (:attr:`SessionEngine.state`:
a :class:`WorkStep`, a :class:`Rest`, a :class:`RoundChoice` or :class:`Finished`) and takes the
user's events (:meth:`SessionEngine.apply`). :func:`wait_until` is for the edges that must wait
for a cue's deadline.
"""

from repcoach.session.clock import Clock, FakeClock, MonotonicClock, ScaledClock, clock_speed
from repcoach.session.cues import COUNTDOWN_BEEPS, cue_deadlines
from repcoach.session.deadline import wait_until
from repcoach.session.engine import AppliedEvent, SessionEngine
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
    event_to_dict,
)
from repcoach.session.program import TRANSITION_REST_SECONDS, Program, Segment
from repcoach.session.steps import Finished, Progress, Rest, RoundChoice, Side, State, WorkStep

__all__ = [
    "COUNTDOWN_BEEPS",
    "TRANSITION_REST_SECONDS",
    "AnotherRound",
    "AppliedEvent",
    "Clock",
    "EndRest",
    "EndRounds",
    "EngineError",
    "Event",
    "EventFormatError",
    "FakeClock",
    "FinishSession",
    "Finished",
    "MonotonicClock",
    "Pause",
    "Program",
    "Progress",
    "Rest",
    "Resume",
    "RoundChoice",
    "ScaledClock",
    "Segment",
    "SessionEngine",
    "SetDone",
    "Side",
    "Skip",
    "State",
    "Undo",
    "WorkStep",
    "clock_speed",
    "cue_deadlines",
    "event_from_dict",
    "event_kind",
    "event_to_dict",
    "wait_until",
]
