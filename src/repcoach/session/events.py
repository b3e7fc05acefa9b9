"""What the user does during a session, as values that can be stored and replayed.

Each event has a dict form with a ``kind`` (:func:`event_to_dict`, :func:`event_from_dict`),
JSON-able, which the store keeps in order; replaying them rebuilds the session.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from repcoach.session.errors import EventFormatError


@dataclass(frozen=True)
class SetDone:
    """The current set is done, with what was really done (each value None when not logged)."""

    reps: int | None = None
    """Reps done (per side, for a per-side move: each side is its own set)."""
    rir: int | None = None
    """Reps in reserve at the end of the set."""
    weight_kg: float | None = None
    """The bell used, in kg; None for a bodyweight move."""
    hold_seconds: int | None = None
    """Seconds held or worked, for a timed move."""
    distance_m: float | None = None
    """Metres covered, for a move with a distance (a run, a carry)."""
    interval_left: float | None = None
    """Filled in by the engine when the set ends an interval (EMOM): the seconds left of it, the
    rest it gave; in an AMRAP, the seconds left of its time (0 or less: time was up). Kept so that
    a replay, which has no clock of its own, does the same."""


@dataclass(frozen=True)
class Skip:
    """At work: skip this move and go on as if it were done. In a rest: end the rest now."""

    interval_left: float | None = None
    """As for :class:`SetDone`: the rest left of the interval the skipped move ended."""


@dataclass(frozen=True)
class EndRest:
    """End the current rest now.

    The engine records a ``Skip`` given during a rest as ``EndRest``, so a stored ``skip`` always
    means a move and replay never has to guess.
    """

    interval_left: float | None = None
    """Filled in by the engine in an AMRAP: the seconds left of its time, so a replay knows them."""


@dataclass(frozen=True)
class Undo:
    """Take back the last set, skipped move, or round decision, returning to exactly that step."""


@dataclass(frozen=True)
class Pause:
    """Stop the clock: a paused rest keeps its remaining time."""


@dataclass(frozen=True)
class Resume:
    """Start the clock again after a pause."""


@dataclass(frozen=True)
class AnotherRound:
    """After a round at or past the minimum: do one more."""


@dataclass(frozen=True)
class EndRounds:
    """After a round at or past the minimum: stop repeating and move on to the next segment."""


@dataclass(frozen=True)
class FinishSession:
    """End the whole session now, wherever it is."""


Event = SetDone | Skip | EndRest | Undo | Pause | Resume | AnotherRound | EndRounds | FinishSession
"""Every event :meth:`SessionEngine.apply` takes."""

_KINDS: dict[str, type[Event]] = {
    "set_done": SetDone,
    "skip": Skip,
    "end_rest": EndRest,
    "undo": Undo,
    "pause": Pause,
    "resume": Resume,
    "another_round": AnotherRound,
    "end_rounds": EndRounds,
    "finish_session": FinishSession,
}
_NAMES = {kind: name for name, kind in _KINDS.items()}
_INT_FIELDS = ("reps", "rir", "hold_seconds")
_FLOAT_FIELDS = ("weight_kg", "distance_m", "interval_left")
_RARE_FIELDS = ("distance_m", "interval_left")
"""Left out of the dict form when None: only sets that end an interval have one, only runs and carries a distance."""


def event_kind(event: Event) -> str:
    """The ``kind`` of an event's dict form: ``set_done``, ``skip``, ``end_rest``, …"""
    return _NAMES[type(event)]


def event_to_dict(event: Event) -> dict[str, Any]:
    """A JSON-able form: ``{"kind": "set_done", "reps": 8, "rir": 2, "weight_kg": 16.0, "hold_seconds": None}``."""
    values = {name: value for name, value in asdict(event).items() if value is not None or name not in _RARE_FIELDS}
    return {"kind": event_kind(event), **values}


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The event back from :func:`event_to_dict`; missing fields are None.

    Raises:
        EventFormatError: an unknown kind, an unknown field, or a value of the wrong type.
    """
    values = dict(data)
    kind = values.pop("kind", None)
    if kind not in _KINDS:
        raise EventFormatError(f"Unknown event kind {kind!r}; the kinds are {', '.join(_KINDS)}.")
    cls = _KINDS[kind]
    allowed = [field.name for field in fields(cls)]
    if unknown := sorted(set(values) - set(allowed)):
        expected = f"its fields are {', '.join(allowed)}" if allowed else "it has no fields"
        raise EventFormatError(f"A {kind} event has no field {', '.join(unknown)}; {expected}.")
    for name in _INT_FIELDS:
        value = values.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise EventFormatError(f"A {kind} event's {name} is a whole number or null, not {value!r}.")
    for name in _FLOAT_FIELDS:
        value = values.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise EventFormatError(f"A {kind} event's {name} is a number or null, not {value!r}.")
        values[name] = float(value)
    return cls(**values)
