"""repcoach's own export: everything it stores for one user, as JSON, and read back.

The document is versioned and validated on the way in, so a hand-edited or truncated file is
refused with the field that is wrong, before anything is stored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from repcoach.errors import InvalidInput, Problem
from repcoach.library.exercise import Pattern
from repcoach.limits import (
    FUTURE_SLACK,
    MAX_DISTANCE_M,
    MAX_EVENTS,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_REPS,
    MAX_RIR,
    MAX_ROUNDS,
    MAX_SET_SECONDS,
    MAX_TITLE_LENGTH,
    MAX_WEIGHT_KG,
)
from repcoach.session import EngineError, EventFormatError, FakeClock, SessionEngine, event_from_dict
from repcoach.session.program import Program
from repcoach.sourcemap import SourceMap
from repcoach.validation import located_problems, without_nul

FORMAT: Literal["repcoach-export"] = "repcoach-export"
VERSION: Literal[1] = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(min_length=1, max_length=100)]
"""A move's or a plan's id, as the store keeps it."""
ClientId = Annotated[str, Field(min_length=8, max_length=64)]


class ProfileDoc(_Strict):
    units: Literal["kg", "lb"]
    experience: Literal["beginner", "intermediate", "advanced"]
    bells_kg: list[Annotated[float, Field(gt=0, le=MAX_WEIGHT_KG)]] = Field(max_length=100)
    preferred_days: list[Annotated[int, Field(ge=0, le=6)]] = Field(max_length=7)
    preferred_time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    time_zone: str = Field(max_length=64)

    @field_validator("time_zone")
    @classmethod
    def _a_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ValueError, ZoneInfoNotFoundError):
            raise ValueError(f"{name!r} is not a time zone, like 'Europe/Berlin'") from None
        return name


class CustomExerciseDoc(_Strict):
    exercise_id: Id
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    pattern: Pattern | None


class EventDoc(_Strict):
    seq: int = Field(ge=1, le=MAX_EVENTS)
    kind: str = Field(max_length=30)
    payload: dict[str, Any]
    at: AwareDatetime
    client_id: ClientId | None = None

    @model_validator(mode="after")
    def _an_event(self) -> EventDoc:
        """The kind and its fields make an event the engine takes, as the store gives them back to it."""
        if "kind" in self.payload:
            raise ValueError("an event's payload holds its fields, not its kind")
        try:
            event_from_dict(self.as_stored())
        except EventFormatError as error:
            raise ValueError(str(error)) from None
        return self

    def as_stored(self) -> dict[str, Any]:
        """The event as the engine reads it back from the store."""
        return {"kind": self.kind, **self.payload}


class SetDoc(_Strict):
    """A set as stored; every number within what the store takes on both databases (repcoach.limits)."""

    event_seq: int = Field(ge=1, le=MAX_EVENTS)
    exercise_id: Id
    plan_id: str = Field(max_length=100)
    block_name: str = Field(max_length=MAX_NAME_LENGTH)
    round: int = Field(ge=1, le=MAX_ROUNDS)
    side: Literal["left", "right"] | None
    reps: int | None = Field(ge=0, le=MAX_REPS)
    reps_target_low: int | None = Field(ge=0, le=MAX_REPS)
    reps_target_high: int | None = Field(ge=0, le=MAX_REPS)
    hold_seconds: int | None = Field(ge=0, le=MAX_SET_SECONDS)
    weight_kg: float | None = Field(gt=0, le=MAX_WEIGHT_KG)
    rir: int | None = Field(ge=0, le=MAX_RIR)
    finished_at: AwareDatetime
    started_at: AwareDatetime | None
    client_id: ClientId | None
    kind: Literal["normal", "warmup", "dropset", "failure"]
    equipment: str | None = Field(max_length=20)
    distance_m: float | None = Field(ge=0, le=MAX_DISTANCE_M)
    notes: str | None = Field(max_length=MAX_NOTES_LENGTH)


class SessionDoc(_Strict):
    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    title: str = Field(max_length=MAX_TITLE_LENGTH)
    plan_ids: list[Id] = Field(max_length=10)
    program: dict[str, Any]
    """What the session ran (:meth:`Program.to_dict`); ``{}`` for a workout imported from another app."""
    started_at: AwareDatetime
    finished_at: AwareDatetime | None
    source_key: str | None = Field(min_length=1, max_length=400)
    """An imported workout's identity in the app it came from."""
    notes: str | None = None
    """Absent from exports made before workout notes were kept."""
    events: list[EventDoc]
    sets: list[SetDoc]

    @field_validator("program")
    @classmethod
    def _a_program(cls, program: dict[str, Any]) -> dict[str, Any]:
        """A session resumed or reported on runs its program: one that is not a program is refused here."""
        if program:
            try:
                Program.from_dict(program)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                raise ValueError(f"not a program repcoach can run: {where}: {first['msg']}") from None
        return program

    @model_validator(mode="after")
    def _each_event_once(self) -> SessionDoc:
        """Events are numbered once each, and each set is of one of them: the store keeps them so."""
        seqs = [event.seq for event in self.events]
        if len(set(seqs)) < len(seqs):
            raise ValueError(f"two events have the number {_twice(seqs)}")
        clients = [event.client_id for event in self.events if event.client_id]
        if len(set(clients)) < len(clients):
            raise ValueError(f"two events have the client id '{_twice(clients)}'")
        if self.events and (strays := sorted({logged.event_seq for logged in self.sets} - set(seqs))):
            raise ValueError(f"a set is of event {strays[0]}, which the session does not have")
        if self.program and self.events:  # resuming it, or its report, replays them on its program
            ordered = sorted(self.events, key=lambda event: event.seq)
            try:
                SessionEngine.restore(Program.from_dict(self.program), [e.as_stored() for e in ordered], FakeClock())
            except EngineError as error:
                raise ValueError(f"its events do not fit its program: {error}") from None
        return self


def _twice(values: Sequence[object]) -> object:
    """The first of ``values`` that comes again."""
    seen: set[object] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


class KeptPlanDoc(_Strict):
    """A plan the user kept on a multi-user server's plans page."""

    plan_id: Id
    title: str = Field(max_length=MAX_TITLE_LENGTH)
    toml: str
    """The plan file's text, validated again when it is restored."""
    saved_at: AwareDatetime


class ExportDoc(_Strict):
    format: Literal["repcoach-export"] = FORMAT
    version: Literal[1] = VERSION
    exported_at: datetime
    profile: ProfileDoc
    custom_exercises: list[CustomExerciseDoc]
    sessions: list[SessionDoc]
    kept_plans: list[KeptPlanDoc] = Field(default_factory=list)
    """Absent from exports made before plans were kept per account."""

    @model_validator(mode="after")
    def _each_once(self) -> ExportDoc:
        """A client id names one set of one user's (a phone's retry of it is the same set), and a source key one
        imported workout."""
        clients = [logged.client_id for session in self.sessions for logged in session.sets if logged.client_id]
        if len(set(clients)) < len(clients):
            raise ValueError(f"two sets have the client id '{_twice(clients)}'")
        keys = [session.source_key for session in self.sessions if session.source_key]
        if len(set(keys)) < len(keys):
            raise ValueError(f"two sessions are the imported workout '{_twice(keys)}'")
        return self


def dump_export(doc: ExportDoc) -> str:
    """The document as indented JSON (UTF-8 text, emoji kept)."""
    return doc.model_dump_json(indent=1) + "\n"


def looks_like_export(data: bytes) -> bool:
    """Whether a file is (meant to be) a repcoach JSON export, judged by its start."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def load_export(data: bytes, file_name: str, now: datetime | None = None) -> ExportDoc:
    """Read and validate an export, at ``now`` (the wall clock when not given).

    Raises:
        InvalidInput: not JSON, another format or version, a field that is wrong (named by path), or a session
            dated in the future (a phone's clock or time zone was wrong): a backup is restored whole or not at all.
    """
    try:
        raw = json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant, parse_float=_finite)
    except NotANumber as error:
        raise InvalidInput([Problem(f"not a JSON file: {error}", source=file_name)]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InvalidInput([Problem(f"not a JSON file: {error}", source=file_name, line=line)]) from None
    except RecursionError:
        message = "not a repcoach export: its lists or objects are nested thousands of levels deep"
        raise InvalidInput([Problem(message, source=file_name)]) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InvalidInput([Problem(f'not a repcoach export (its "format" is not "{FORMAT}")', source=file_name)])
    without_nul(raw, file_name, SourceMap({}))
    try:
        doc = ExportDoc.model_validate(raw)
    except ValidationError as error:
        raise InvalidInput(located_problems(error, file_name, SourceMap({}))) from None
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    future = [
        Problem(
            f"the session of {session.started_at:%Y-%m-%d %H:%M} ({session.title}) is dated in the future; check the "
            "clock and time zone of the phone that logged it",
            source=file_name,
            field=f"sessions.{number}",
        )
        for number, session in enumerate(doc.sessions)
        if max([session.started_at, *(logged.finished_at for logged in session.sets)]) > latest
    ]
    if future:
        raise InvalidInput(future)
    return doc


class NotANumber(ValueError):
    """NaN, Infinity or a number too large for a float: JSON has none of them, and no database stores them."""


def _no_constant(text: str) -> Any:
    raise NotANumber(f"{text} is not a number JSON has")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotANumber(f"{text} is too large a number")
    return value
