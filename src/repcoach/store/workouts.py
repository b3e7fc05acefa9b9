"""Finished workouts written whole: a set logged by hand (``repcoach log``) or a history imported
from another app. Each set gets a ``set_done`` event, as a guided set has, so every session reads alike.

Imports can be large (years of Strong history are ~100 000 sets), so rows go in as bulk inserts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from repcoach.store.models import CustomExercise, LoggedSet, SessionEvent, WorkoutSession
from repcoach.store.records import NewSet


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
            sets.append({"session_id": session_id, "event_seq": seq, **asdict(new_set)})
    for model, rows in ((WorkoutSession, sessions), (SessionEvent, events), (LoggedSet, sets)):
        if rows:
            db.execute(insert(model), rows)
    return Imported([str(row["id"]) for row in sessions], len(sets))


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
