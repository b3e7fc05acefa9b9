"""What the user does during a session, as values that can be stored and replayed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class SetDone:
    """The current set is done: reps (or seconds held), reps in reserve, the bell used."""

    reps: int | None = None
    rir: int | None = None
    weight_kg: float | None = None
    hold_seconds: int | None = None


@dataclass(frozen=True)
class Skip:
    """Skip the current move; what follows it (a rest too) comes as if it had been done."""


@dataclass(frozen=True)
class EndRest:
    """End the current rest now."""


@dataclass(frozen=True)
class Undo:
    """Take back the last set, skip or round decision, returning to exactly that step."""


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
    """After a round at or past the minimum: stop repeating and move on."""


@dataclass(frozen=True)
class FinishSession:
    """End the whole session now."""


Event = SetDone | Skip | EndRest | Undo | Pause | Resume | AnotherRound | EndRounds | FinishSession

_KINDS: dict[str, type[Event]] = {
    "set_done": SetDone,
    "skip": Skip,
    "end_rest": EndRest,
    "undo": Undo,
    "pause": Pause,
    "resume": Resume,
    "another_round": AnotherRound,
    "end_rounds": EndRounds,
    "finish": FinishSession,
}
_NAMES = {kind: name for name, kind in _KINDS.items()}


def event_to_dict(event: Event) -> dict[str, Any]:
    """``{"kind": "set_done", "reps": 8, ...}``."""
    return {"kind": _NAMES[type(event)], **asdict(event)}


def event_from_dict(data: dict[str, Any]) -> Event:
    """The event back from :func:`event_to_dict`.

    Raises:
        ValueError: an unknown kind or field.
    """
    values = dict(data)
    kind = values.pop("kind", None)
    if kind not in _KINDS:
        raise ValueError(f"unknown event kind {kind!r}; known: {', '.join(_KINDS)}")
    cls = _KINDS[kind]
    allowed = {field.name for field in fields(cls)}
    if unknown := set(values) - allowed:
        raise ValueError(f"event {kind!r} has no field {', '.join(sorted(unknown))}")
    return cls(**values)
