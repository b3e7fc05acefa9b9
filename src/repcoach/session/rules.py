"""Which events fit which step, and what a logged set may hold: the engine's refusals, as sentences."""

from __future__ import annotations

import math
from typing import Literal

from repcoach.session.errors import EngineError
from repcoach.session.events import AnotherRound, EndRest, EndRounds, Event, FinishSession, SetDone, Skip, Undo

Phase = Literal["work", "rest", "choice", "finished"]
"""What the session is doing: a work step, a rest, a round choice, or nothing any more."""

_WHERE: dict[Phase, str] = {
    "work": "at a work step",
    "rest": "during a rest",
    "choice": "while choosing whether to do another round",
    "finished": "after the session has finished",
}


def check_allowed(event: Event, phase: Phase, *, ended_early: bool, can_undo: bool) -> None:
    """Raise if ``event`` does not fit the session's ``phase``.

    Args:
        event: a position-changing event (pause and resume are checked by the engine).
        phase: what the session is doing.
        ended_early: the session was ended with ``FinishSession`` (which cannot be undone).
        can_undo: there is a set, skip or round decision to take back.

    Raises:
        EngineError: with a sentence saying what is allowed.
    """
    match event:
        case SetDone():
            if phase != "work":
                raise EngineError(f"You can only log a set at a work step, not {_WHERE[phase]}.")
            check_amounts(event)
        case Skip():
            if phase not in ("work", "rest"):
                raise EngineError(f"You can only skip a move or a rest, not {_WHERE[phase]}.")
        case EndRest():
            if phase != "rest":
                raise EngineError(f"You can only end a rest during a rest, not {_WHERE[phase]}.")
        case AnotherRound():
            if phase != "choice":
                raise EngineError("You can only choose another round after finishing a round.")
        case EndRounds():
            if phase != "choice":
                raise EngineError("You can only end the rounds after finishing a round.")
        case FinishSession():
            if phase == "finished":
                raise EngineError("The session has already finished.")
        case Undo():
            if ended_early:
                raise EngineError("You ended the session; that cannot be undone.")
            if not can_undo:
                raise EngineError("There is nothing to undo yet.")


def check_amounts(event: SetDone) -> None:
    """Raise if a logged set holds a negative count or an impossible weight.

    Raises:
        EngineError: naming the value.
    """
    for name, label in (("reps", "Reps"), ("rir", "RIR"), ("hold_seconds", "Hold seconds"), ("distance_m", "Distance")):
        value = getattr(event, name)
        if value is not None and value < 0:
            raise EngineError(f"{label} cannot be negative (got {value}).")
    weight = event.weight_kg
    if weight is not None and not 0 < weight < math.inf:
        raise EngineError(f"A bell weighs more than 0 kg (got {weight}); leave the weight out for a bodyweight move.")
