"""The store's statements, built once, and its rows made records (the store's methods run them).

Building a statement took longer than running it on SQLite, so those of a logged set and of a
session's start are built at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any, cast

from sqlalchemy import CompoundSelect, Row, bindparam, delete, func, insert, select, union_all, update

from repcoach.coach import Experience
from repcoach.store.models import Bell, LoggedSet, Profile, SessionEvent, WorkoutSession
from repcoach.store.records import DEFAULT_DAYS, DEFAULT_TIME, ProfileRecord, SessionRecord, SetRecord
from repcoach.store.workouts import NEW_SET_FIELDS
from repcoach.units import Unit

PROFILE_ID = select(Profile.id).order_by(Profile.id).limit(1)
WITH_BELLS = select(*Profile.__table__.c, Bell.weight_kg.label("bell_kg")).outerjoin(Bell).order_by(Bell.weight_kg)
"""A profile with its bells in one read: a row per bell (one with no bell if it has none)."""
SINGLE_USER_PROFILE = WITH_BELLS.where(Profile.id == PROFILE_ID.where(Profile.account_id.is_(None)).scalar_subquery())
ACCOUNT_PROFILE = WITH_BELLS.where(
    Profile.id == PROFILE_ID.where(Profile.account_id == bindparam("account_id")).scalar_subquery()
)
BELLS = select(Bell.weight_kg).where(Bell.profile_id == bindparam("profile_id")).order_by(Bell.weight_kg)
LAST_SEQ = select(func.coalesce(func.max(SessionEvent.seq), 0)).where(SessionEvent.session_id == WorkoutSession.id)
SESSION_AT = select(*WorkoutSession.__table__.c, LAST_SEQ.scalar_subquery().label("last_seq")).where(
    WorkoutSession.id == bindparam("session_id")
)
UNFINISHED = (
    select(*WorkoutSession.__table__.c)
    .where(WorkoutSession.profile_id == bindparam("profile_id"), WorkoutSession.finished_at.is_(None))
    .order_by(WorkoutSession.started_at.desc())
    .limit(1)
)
ADD_EVENT = insert(SessionEvent)
SET_RECORD_COLUMNS = [LoggedSet.__table__.c[field.name] for field in fields(SetRecord)]
"""What a set's record holds (its profile is its session's), in the order of its fields."""
SET_VALUES = ("event_seq", *NEW_SET_FIELDS)
ADD_SET = (
    insert(LoggedSet)
    .from_select(
        ["profile_id", "session_id", *SET_VALUES],
        select(
            WorkoutSession.profile_id,
            WorkoutSession.id,
            *(bindparam(name, type_=LoggedSet.__table__.c[name].type) for name in SET_VALUES),
        ).where(WorkoutSession.id == bindparam("session_id")),
    )
    .returning(LoggedSet.id)
)
"""A set of a session, its profile taken from the session in the same statement."""
REMOVE_SET = delete(LoggedSet).where(
    LoggedSet.session_id == bindparam("session_id"), LoggedSet.event_seq == bindparam("event_seq")
)
SETS_IN_WINDOW = select(*SET_RECORD_COLUMNS).where(
    LoggedSet.profile_id == bindparam("profile_id"),
    LoggedSet.finished_at >= bindparam("start"),
    LoggedSet.finished_at < bindparam("end"),
)
SETS_BETWEEN = SETS_IN_WINDOW.order_by(LoggedSet.finished_at, LoggedSet.id)


def newest_of_each(exercise_ids: Sequence[str], per_exercise: int | None) -> CompoundSelect[Any]:
    """Of each exercise, its newest ``per_exercise`` sets in the window (all, when None), in one statement.

    One indexed read per exercise, however long the history: a UNION ALL of a limited select each.
    """
    parts = [
        SETS_IN_WINDOW.where(LoggedSet.exercise_id == exercise_id)
        .order_by(LoggedSet.finished_at.desc(), LoggedSet.id.desc())
        .limit(per_exercise)
        .subquery()
        .select()
        for exercise_id in exercise_ids
    ]
    return union_all(*parts)


FINISH = update(WorkoutSession).where(WorkoutSession.id == bindparam("session")).values(finished_at=bindparam("at"))


def profile_record(profile: Profile | Row[*tuple[Any, ...]], bells_kg: Iterable[float]) -> ProfileRecord:
    """The profile as a record, with the bells it owns."""
    return ProfileRecord(
        id=profile.id,
        name=profile.name,
        units=cast(Unit, profile.units),
        experience=cast(Experience, profile.experience),
        bells_kg=tuple(bells_kg),
        created_at=profile.created_at,
        preferred_days=tuple(profile.preferred_days or DEFAULT_DAYS),
        preferred_time=profile.preferred_time or DEFAULT_TIME,
        time_zone=profile.time_zone or "UTC",
        account_id=profile.account_id,
    )


def session_record(row: WorkoutSession | Row[*tuple[Any, ...]], sets: tuple[SetRecord, ...] = ()) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        profile_id=row.profile_id,
        title=row.title,
        plan_ids=tuple(row.plan_ids),
        program=row.program,
        started_at=row.started_at,
        finished_at=row.finished_at,
        sets=sets,
        source_key=row.source_key,
        notes=row.notes,
    )


def set_record(row: LoggedSet) -> SetRecord:
    values = {name: getattr(row, name) for name in NEW_SET_FIELDS}
    return SetRecord(**values, id=row.id, session_id=row.session_id, event_seq=row.event_seq)


def set_from_row(row: Sequence[Any]) -> SetRecord:
    """A row of ``SET_RECORD_COLUMNS`` as a record: the columns come in the order of its fields (by name, a
    record was three times as slow to make: 12.6 against 3.8 µs)."""
    return SetRecord(*row)
