"""Finished workouts written whole: a set logged by hand (``repcoach log``) or a history imported
from another app. Each set gets a ``set_done`` event, as a guided set has, so every session reads alike.

Imports can be large (years of Strong history are ~100 000 sets), so rows go in as bulk inserts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from repcoach.store.models import CustomExercise, LoggedSet, SessionEvent, WorkoutSession
from repcoach.store.records import EventRecord, NewSet, SessionRecord

NEW_SET_FIELDS = [item.name for item in fields(NewSet)]


@dataclass(frozen=True)
class NewWorkout:
    title: str
    started_at: datetime
    finished_at: datetime
    sets: Sequence[NewSet]
    source_key: str | None = None
    """Its identity in the app it came from; a workout whose key is stored already is not added again."""


@dataclass(frozen=True)
class CustomExerciseRecord:
    exercise_id: str
    name: str
    pattern: str | None = None


@dataclass(frozen=True)
class Imported:
    """What an import added."""

    workouts: list[str] = field(default_factory=list)
    """Ids of the sessions stored."""
    sets: int = 0


def insert_workouts(db: Session, profile_id: int, workouts: Sequence[NewWorkout]) -> Imported:
    """Insert ``workouts`` (inside the caller's transaction), skipping those whose source key is stored."""
    known = stored_source_keys(db, profile_id, [workout.source_key for workout in workouts if workout.source_key])
    sessions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    sets: list[dict[str, Any]] = []
    for workout in workouts:
        if workout.source_key in known:
            continue
        if workout.source_key:
            known.add(workout.source_key)
        session_id = uuid.uuid4().hex
        sessions.append(
            {
                "id": session_id,
                "profile_id": profile_id,
                "title": workout.title,
                "plan_ids": [],
                "program": {},
                "started_at": workout.started_at,
                "finished_at": workout.finished_at,
                "source_key": workout.source_key,
            }
        )
        for seq, new_set in enumerate(workout.sets, start=1):
            events.append(
                {"session_id": session_id, "seq": seq, "kind": "set_done", "payload": {}, "at": new_set.finished_at}
            )
            sets.append(
                {name: getattr(new_set, name) for name in NEW_SET_FIELDS} | {"session_id": session_id, "event_seq": seq}
            )
    _insert_all(db, sessions, events, sets)
    return Imported([str(row["id"]) for row in sessions], len(sets))


@dataclass(frozen=True)
class SessionCopy:
    """A stored session whole: its record with its sets, and its events (for backups)."""

    record: SessionRecord
    events: Sequence[EventRecord]


def insert_session_copies(db: Session, profile_id: int, copies: Sequence[SessionCopy]) -> Imported:
    """Insert sessions as they were, ids and all, skipping those already stored (a backup restored twice)."""
    ids = [copy.record.id for copy in copies]
    stored = {
        found
        for start in range(0, len(ids), 500)
        for found in db.scalars(select(WorkoutSession.id).where(WorkoutSession.id.in_(ids[start : start + 500])))
    }
    fresh = [copy for copy in copies if copy.record.id not in stored]
    sessions = [
        {
            "id": copy.record.id,
            "profile_id": profile_id,
            "title": copy.record.title,
            "plan_ids": list(copy.record.plan_ids),
            "program": copy.record.program,
            "started_at": copy.record.started_at,
            "finished_at": copy.record.finished_at,
            "source_key": copy.record.source_key,
        }
        for copy in fresh
    ]
    events = [
        {"session_id": copy.record.id, "seq": event.seq, "kind": event.kind, "payload": event.payload, "at": event.at}
        for copy in fresh
        for event in copy.events
    ]
    sets = [
        {name: getattr(logged, name) for name in NEW_SET_FIELDS}
        | {"session_id": copy.record.id, "event_seq": logged.event_seq}
        for copy in fresh
        for logged in copy.record.sets
    ]
    _insert_all(db, sessions, events, sets)
    return Imported([copy.record.id for copy in fresh], len(sets))


def _insert_all(
    db: Session, sessions: list[dict[str, Any]], events: list[dict[str, Any]], sets: list[dict[str, Any]]
) -> None:
    """Bulk inserts at the Core level: the ORM's per-row bookkeeping would take most of a large import's time."""
    connection = db.connection()
    for model, rows in ((WorkoutSession, sessions), (SessionEvent, events), (LoggedSet, sets)):
        if rows:
            connection.execute(insert(cast(Table, model.__table__)), rows)


def stored_source_keys(db: Session, profile_id: int, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` the user's stored workouts carry (asked in chunks: databases cap bound parameters)."""
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        query = select(WorkoutSession.source_key).where(
            WorkoutSession.profile_id == profile_id, WorkoutSession.source_key.in_(keys[start : start + 500])
        )
        found.update(key for key in db.scalars(query) if key is not None)
    return found


def add_custom_exercises(db: Session, profile_id: int, exercises: Sequence[CustomExerciseRecord]) -> None:
    """Add the custom exercises not stored yet (a re-import keeps the user's corrections)."""
    stored = set(db.scalars(select(CustomExercise.exercise_id).where(CustomExercise.profile_id == profile_id)))
    fresh = [exercise for exercise in exercises if exercise.exercise_id not in stored]
    if fresh:
        db.execute(insert(CustomExercise), [{"profile_id": profile_id, **asdict(exercise)} for exercise in fresh])
