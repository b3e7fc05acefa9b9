"""repcoach's own export: everything it stores for one user, as JSON, and read back.

The document is versioned and validated on the way in, so a hand-edited or truncated file is
refused with the field that is wrong, before anything is stored.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from repcoach.errors import InvalidInput, Problem
from repcoach.limits import MAX_DISTANCE_M, MAX_EVENTS, MAX_REPS, MAX_ROUNDS, MAX_SET_SECONDS, MAX_WEIGHT_KG
from repcoach.sourcemap import SourceMap
from repcoach.validation import located_problems

FORMAT: Literal["repcoach-export"] = "repcoach-export"
VERSION: Literal[1] = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProfileDoc(_Strict):
    units: Literal["kg", "lb"]
    experience: Literal["beginner", "intermediate", "advanced"]
    bells_kg: list[float]
    preferred_days: list[int]
    preferred_time: str
    time_zone: str


class CustomExerciseDoc(_Strict):
    exercise_id: str
    name: str
    pattern: str | None


class EventDoc(_Strict):
    seq: int = Field(ge=1, le=MAX_EVENTS)
    kind: str
    payload: dict[str, Any]
    at: AwareDatetime
    client_id: str | None = Field(default=None, min_length=8, max_length=64)


class SetDoc(_Strict):
    """A set as stored; every number within what the store takes on both databases (repcoach.limits)."""

    event_seq: int = Field(ge=1, le=MAX_EVENTS)
    exercise_id: str
    plan_id: str
    block_name: str
    round: int = Field(ge=1, le=MAX_ROUNDS)
    side: str | None
    reps: int | None = Field(ge=0, le=MAX_REPS)
    reps_target_low: int | None = Field(ge=0, le=MAX_REPS)
    reps_target_high: int | None = Field(ge=0, le=MAX_REPS)
    hold_seconds: int | None = Field(ge=0, le=MAX_SET_SECONDS)
    weight_kg: float | None = Field(gt=0, le=MAX_WEIGHT_KG)
    rir: int | None = Field(ge=0, le=10)
    finished_at: AwareDatetime
    started_at: AwareDatetime | None
    client_id: str | None
    kind: Literal["normal", "warmup", "dropset", "failure"]
    equipment: str | None
    distance_m: float | None = Field(ge=0, le=MAX_DISTANCE_M)
    notes: str | None


class SessionDoc(_Strict):
    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    title: str
    plan_ids: list[str]
    program: dict[str, Any]
    started_at: AwareDatetime
    finished_at: AwareDatetime | None
    source_key: str | None
    notes: str | None = None
    """Absent from exports made before workout notes were kept."""
    events: list[EventDoc]
    sets: list[SetDoc]


class KeptPlanDoc(_Strict):
    """A plan the user kept on a multi-user server's plans page."""

    plan_id: str
    title: str
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


def dump_export(doc: ExportDoc) -> str:
    """The document as indented JSON (UTF-8 text, emoji kept)."""
    return doc.model_dump_json(indent=1) + "\n"


def looks_like_export(data: bytes) -> bool:
    """Whether a file is (meant to be) a repcoach JSON export, judged by its start."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def load_export(data: bytes, file_name: str) -> ExportDoc:
    """Read and validate an export.

    Raises:
        InvalidInput: not JSON, another format or version, or a field that is wrong (named by path).
    """
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InvalidInput([Problem(f"not a JSON file: {error}", source=file_name, line=line)]) from None
    except RecursionError:
        message = "not a repcoach export: its lists or objects are nested thousands of levels deep"
        raise InvalidInput([Problem(message, source=file_name)]) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InvalidInput([Problem(f'not a repcoach export (its "format" is not "{FORMAT}")', source=file_name)])
    try:
        return ExportDoc.model_validate(raw)
    except ValidationError as error:
        raise InvalidInput(located_problems(error, file_name, SourceMap({}))) from None
