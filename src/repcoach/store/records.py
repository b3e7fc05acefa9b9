"""Plain values the store hands out: never ORM objects, so nothing detaches or lazy-loads later."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from repcoach.coach import Experience
from repcoach.units import Unit

SetKind = Literal["normal", "warmup", "dropset", "failure"]

DEFAULT_DAYS = (0, 2, 4)
"""Monday, Wednesday, Friday: three sessions a week, each 48 h or more apart."""
DEFAULT_TIME = "18:00"


@dataclass(frozen=True)
class ProfileRecord:
    id: int
    name: str
    units: Unit
    experience: Experience
    bells_kg: tuple[float, ...]
    """The kettlebells the user owns, lightest first."""
    created_at: datetime
    preferred_days: tuple[int, ...] = DEFAULT_DAYS
    """Weekdays to train on, 0 = Monday."""
    preferred_time: str = DEFAULT_TIME
    """``HH:MM`` local time."""
    time_zone: str = "UTC"
    account_id: int | None = None
    """The account it belongs to on a multi-user server; None for the single user's."""


@dataclass(frozen=True)
class NewSet:
    """A set to log, as the session engine knows it."""

    exercise_id: str
    plan_id: str
    block_name: str
    round: int
    side: str | None
    reps: int | None
    reps_target_low: int | None
    reps_target_high: int | None
    hold_seconds: int | None
    weight_kg: float | None
    rir: int | None
    finished_at: datetime
    started_at: datetime | None = None
    """When the step began: the end of the rest before it, or the moment it came up."""
    client_id: str | None = None
    """An idempotency key chosen by the client that logged the set."""
    kind: SetKind = "normal"
    """Warm-up sets (marked so in another app) are kept but not coached on."""
    equipment: str | None = None
    """What an imported set was done with, when its app said so; None for repcoach's own sets."""
    distance_m: float | None = None
    notes: str | None = None


@dataclass(frozen=True)
class SetRecord(NewSet):
    id: int = 0
    session_id: str = ""
    event_seq: int = 0


@dataclass(frozen=True)
class EventRecord:
    session_id: str
    seq: int
    kind: str
    payload: dict[str, Any]
    at: datetime
    client_id: str | None = None


@dataclass(frozen=True)
class SessionRecord:
    id: str
    profile_id: int
    title: str
    plan_ids: tuple[str, ...]
    program: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None
    sets: tuple[SetRecord, ...] = field(default=())
    """Filled by listings that show sets (history)."""
    source_key: str | None = None
    """An imported workout's identity in the app it came from."""
    notes: str | None = None
    """The workout's notes (an imported workout's, from its app)."""


@dataclass(frozen=True)
class SessionSets:
    """A session's title and times with its sets, oldest first: what a CSV of the history writes."""

    session_id: str
    title: str
    started_at: datetime
    finished_at: datetime | None
    sets: tuple[SetRecord, ...]


@dataclass(frozen=True)
class AccountRecord:
    id: int
    username: str
    created_at: datetime


@dataclass(frozen=True)
class StoredLogin:
    """An account as a login needs it: with its password hash, which nothing else is handed."""

    account: AccountRecord
    password_hash: str
