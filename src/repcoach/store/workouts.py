"""Finished workouts written whole: a set logged by hand (``repcoach log``) or a history imported
from another app. Each set gets a ``set_done`` event, as a guided set has, so every session reads alike.

Imports can be large (years of Strong history are ~100 000 sets), so rows go in as bulk inserts.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from itertools import chain
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, insert, select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from repcoach.errors import Collision
from repcoach.store.models import CustomExercise, LoggedSet, SessionEvent, WorkoutSession
from repcoach.store.records import EventRecord, NewSet, SessionRecord

NEW_SET_FIELDS = [item.name for item in fields(NewSet)]
SESSION_COLUMNS = (
    "id", "profile_id", "title", "plan_ids", "program", "started_at", "finished_at", "source_key", "notes"
)  # fmt: skip
EVENT_COLUMNS = ("session_id", "seq", "kind", "payload", "at", "client_id")
SET_COLUMNS = ("profile_id", "session_id", "event_seq", *NEW_SET_FIELDS)
_new_set_values = attrgetter(*NEW_SET_FIELDS)
"""A set's values in ``NEW_SET_FIELDS`` order, in one call."""
_NO_PAYLOAD: dict[str, Any] = {}
"""The payload of an imported set's ``set_done`` event (one object: it is processed once for all of them)."""


@dataclass(frozen=True)
class NewWorkout:
    title: str
    started_at: datetime
    finished_at: datetime
    sets: Sequence[NewSet]
    source_key: str | None = None
    """Its identity in the app it came from; a workout whose key is stored already is not added again."""
    notes: str | None = None


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
    sessions: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    sets: list[tuple[Any, ...]] = []
    fresh = _not_stored(workouts, known)
    # Random ids handed out in ascending order: the indexes on session ids grow at their end, not at random pages.
    for session_id, workout in zip(sorted(uuid.uuid4().hex for _ in fresh), fresh, strict=True):
        sessions.append(
            (
                session_id,
                profile_id,
                workout.title,
                [],
                {},
                workout.started_at,
                workout.finished_at,
                workout.source_key,
                workout.notes,
            )  # fmt: skip
        )
        for seq, new_set in enumerate(workout.sets, start=1):
            events.append((session_id, seq, "set_done", _NO_PAYLOAD, new_set.finished_at, None))
            sets.append((profile_id, session_id, seq, *_new_set_values(new_set)))
    _insert_all(db, sessions, events, sets)
    return Imported([str(row[0]) for row in sessions], len(sets))


def _not_stored(workouts: Sequence[NewWorkout], known: set[str]) -> list[NewWorkout]:
    """The workouts whose source key is not in ``known``, each key once."""
    fresh = []
    for workout in workouts:
        if workout.source_key in known:
            continue
        if workout.source_key:
            known.add(workout.source_key)
        fresh.append(workout)
    return fresh


@dataclass(frozen=True)
class SessionCopy:
    """A stored session whole: its record with its sets, and its events (for backups)."""

    record: SessionRecord
    events: Sequence[EventRecord]


def insert_session_copies(db: Session, profile_id: int, copies: Sequence[SessionCopy]) -> Imported:
    """Insert sessions as they were, ids and all, skipping those already stored (a backup restored twice).

    A session whose source key (an imported workout's identity) is stored already under another id is
    that same workout, and is skipped too.

    Raises:
        Collision: a session has the id of another user's session (a backup of someone else's log), or a set
            the client id of a set stored in another session.
    """
    owners = session_owners(db, [copy.record.id for copy in copies])
    if others := sorted(session_id for session_id, owner in owners.items() if owner != profile_id):
        raise another_users_sessions(others)
    stored = set(owners)
    keys = stored_source_keys(db, profile_id, [copy.record.source_key for copy in copies if copy.record.source_key])
    fresh = [copy for copy in copies if copy.record.id not in stored and copy.record.source_key not in keys]
    _no_client_id_taken(db, profile_id, [logged for copy in fresh for logged in copy.record.sets])
    sessions = [
        (
            copy.record.id,
            profile_id,
            copy.record.title,
            list(copy.record.plan_ids),
            copy.record.program,
            copy.record.started_at,
            copy.record.finished_at,
            copy.record.source_key,
            copy.record.notes,
        )
        for copy in fresh
    ]
    events = [
        (copy.record.id, event.seq, event.kind, event.payload, event.at, event.client_id)
        for copy in fresh
        for event in copy.events
    ]
    sets = [
        (profile_id, copy.record.id, logged.event_seq, *_new_set_values(logged))
        for copy in fresh
        for logged in copy.record.sets
    ]
    _insert_all(db, sessions, events, sets)
    return Imported([copy.record.id for copy in fresh], len(sets))


def session_owners(db: Session, ids: Sequence[str]) -> dict[str, int]:
    """The profile each of the sessions ``ids`` that are stored belongs to."""
    return {
        session_id: owner
        for start in range(0, len(ids), 500)
        for session_id, owner in db.execute(
            select(WorkoutSession.id, WorkoutSession.profile_id).where(WorkoutSession.id.in_(ids[start : start + 500]))
        )
    }


def another_users_sessions(ids: Sequence[str]) -> Collision:
    """The refusal of a backup whose sessions ``ids`` are stored for another user."""
    return Collision(
        f"{len(ids)} session(s) of this backup, the first {ids[0]}, are stored for another user: "
        "it is another user's backup, or was restored for another account. Nothing was restored."
    )


def _no_client_id_taken(db: Session, profile_id: int, sets: Sequence[NewSet]) -> None:
    """Raise Collision when a set's client id names a set stored already (each is one set of one user's)."""
    ids = [logged.client_id for logged in sets if logged.client_id]
    for start in range(0, len(ids), 500):
        query = select(LoggedSet.client_id, LoggedSet.session_id).where(
            LoggedSet.profile_id == profile_id, LoggedSet.client_id.in_(ids[start : start + 500])
        )
        if taken := db.execute(query).first():
            raise Collision(
                f"a set of this backup has the client id '{taken[0]}' of a set stored already in session "
                f"{taken[1]}: the backup was edited, or mixes two logs. Nothing was restored."
            )


def _insert_all(
    db: Session, sessions: list[tuple[Any, ...]], events: list[tuple[Any, ...]], sets: list[tuple[Any, ...]]
) -> None:
    """Bulk inserts of rows in the order of ``SESSION_COLUMNS``, ``EVENT_COLUMNS`` and ``SET_COLUMNS``."""
    connection = db.connection()
    processed: dict[str, dict[int, Any]] = {}
    for model, columns, rows in (
        (WorkoutSession, SESSION_COLUMNS, sessions),
        (SessionEvent, EVENT_COLUMNS, events),
        (LoggedSet, SET_COLUMNS, sets),
    ):
        if rows:
            _insert_rows(connection, cast(Table, model.__table__), columns, rows, processed)


def _insert_rows(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    processed: dict[str, dict[int, Any]],
) -> None:
    """Insert ``rows`` (tuples of the ``columns``' values) through the database's driver directly.

    SQLAlchemy's own executemany builds and processes each row's parameters in Python, which took most of
    a 100 000-set import. Here each column's values go through that column's bind processor and the insert
    is compiled once, as SQLAlchemy compiles it, so the driver gets what SQLAlchemy would send, less the
    columns that would only be NULL (the sqlite3 driver takes thousands of instructions to bind a NULL).
    """
    dialect = connection.dialect
    values = _bound_values(dialect, table, columns, rows, processed)
    sent = {name: column for name, column in values.items() if not _only_null(table.c[name], column)}
    statement = insert(table).inline().compile(dialect=dialect, column_keys=list(sent))
    if not statement.positional:
        parameters = [dict(zip(sent, row, strict=True)) for row in zip(*sent.values(), strict=True)]
        connection.exec_driver_sql(statement.string, parameters)
        return
    in_order = [sent[name] for name in statement.positiontup or ()]
    if dialect.paramstyle == "qmark":
        per_statement = min(dialect.insertmanyvalues_page_size, dialect.insertmanyvalues_max_parameters // len(sent))
        _insert_in_batches(connection, statement.string, in_order, per_statement)
    else:
        connection.exec_driver_sql(statement.string, list(zip(*in_order, strict=True)))


def _bound_values(
    dialect: Dialect,
    table: Table,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    processed: dict[str, dict[int, Any]],
) -> dict[str, Sequence[Any]]:
    """Each column's values as its type binds them for ``dialect`` (on SQLite, times become text).

    ``processed`` keeps what each type made of each object, by the type's repr (which shows its every
    setting): an event's time is its set's, and processing 100 000 times took half a second.
    """
    values: dict[str, Sequence[Any]] = dict(zip(columns, zip(*rows, strict=True), strict=True))
    try:
        for name in columns:
            column_type = table.c[name].type
            if process := column_type.dialect_impl(dialect).bind_processor(dialect):
                values[name] = _processed(process, values[name], processed.setdefault(repr(column_type), {}))
    except Exception as error:
        # What SQLAlchemy raises for a value its type refuses (a time without a zone).
        kind = f"{type(error).__module__}.{type(error).__name__}"
        sql = insert(table).inline().compile(dialect=dialect, column_keys=list(columns)).string
        raise StatementError(f"({kind}) {error}", sql, None, error) from error
    return values


def _only_null(column: Column[Any], values: Sequence[Any]) -> bool:
    """Whether ``values`` are all None in a nullable column without default, which stores NULL when left out."""
    defaultless = column.default is None and column.server_default is None
    return bool(column.nullable) and defaultless and values.count(None) == len(values)


def _insert_in_batches(connection: Connection, sql: str, columns: list[Sequence[Any]], per_statement: int) -> None:
    """Insert with ``sql`` (one row of ``?`` marks) made into multi-row inserts of ``per_statement`` rows.

    SQLite sets each statement up anew, the ``kind IN (...)`` check's lookup table included: a statement
    per thousand rows rather than per row halves its work.
    """
    head, _, one_row = sql.rpartition(" VALUES ")
    for start in range(0, len(columns[0]), per_statement):
        batch = [column[start : start + per_statement] for column in columns]
        rows = len(batch[0])
        parameters = tuple(chain.from_iterable(zip(*batch, strict=True)))
        connection.exec_driver_sql(f"{head} VALUES {', '.join([one_row] * rows)}", parameters)


def _processed(process: Callable[[Any], Any], values: Sequence[Any], done: dict[int, Any]) -> list[Any]:
    """``process`` applied to each of ``values``, once per object.

    ``done`` holds what was made of each object so far, by its id: the rows keep every object alive meanwhile.
    """
    ids = list(map(id, values))
    for key, value in dict(zip(ids, values, strict=True)).items():
        if key not in done:
            done[key] = process(value)
    return list(map(done.__getitem__, ids))


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
    if not exercises:
        return
    stored = set(db.scalars(select(CustomExercise.exercise_id).where(CustomExercise.profile_id == profile_id)))
    fresh = [exercise for exercise in exercises if exercise.exercise_id not in stored]
    if fresh:
        db.execute(insert(CustomExercise), [{"profile_id": profile_id, **asdict(exercise)} for exercise in fresh])
