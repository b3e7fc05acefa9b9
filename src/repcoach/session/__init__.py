"""The session engine: pure, driven by events and an injected clock (no I/O, no sleeping)."""

from repcoach.session.clock import Clock, FakeClock, MonotonicClock, ScaledClock
from repcoach.session.engine import COUNTDOWN_BEEPS, AppliedEvent, EngineError, SessionEngine
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
    event_to_dict,
)
from repcoach.session.program import TRANSITION_REST_SECONDS, Program, Segment
from repcoach.session.steps import Finished, Rest, RoundChoice, State, WorkStep

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
    "FakeClock",
    "Finished",
    "FinishSession",
    "MonotonicClock",
    "Pause",
    "Program",
    "Rest",
    "Resume",
    "RoundChoice",
    "ScaledClock",
    "Segment",
    "SessionEngine",
    "SetDone",
    "Skip",
    "State",
    "Undo",
    "WorkStep",
    "event_from_dict",
    "event_to_dict",
]
