"""The store's reads of a user's history: sets by period or by move, a session's events and sets, whole sessions.

:class:`HistoryReads` is a part of :class:`~repcoach.store.repository.Store`, which gives it its engine and its
unit of work; none of these reads writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from itertools import groupby

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from repcoach.store.database import one_statement
from repcoach.store.models import LoggedSet, SessionEvent, WorkoutSession
from repcoach.store.queries import (
    SET_RECORD_COLUMNS,
    SETS_BETWEEN,
    newest_of_each,
    session_record,
    set_from_row,
    set_record,
)
from repcoach.store.records import EventRecord, SessionSets, SetRecord
from repcoach.store.workouts import SessionCopy, session_owners


class HistoryReads:
    """Reads of the sets and sessions stored."""

    engine: Engine
    _unit_of_work: Callable[[], AbstractContextManager[Session]]

    def session_owners(self, session_ids: Sequence[str]) -> dict[str, int]:
        """The profile each of the sessions ``session_ids`` that are stored belongs to."""
        with self._unit_of_work() as db:
            return session_owners(db, session_ids)

    def sets_between(
        self, profile_id: int, start: datetime, end: datetime, *, limit: int | None = None, offset: int = 0
    ) -> list[SetRecord]:
        """Every set the user finished in ``[start, end)``, oldest first (a page of them: ``limit`` after the first
        ``offset``; ties in time come in the order they were stored, so pages neither skip nor repeat a set)."""
        # Rows, not ORM objects: the coaching pages read weeks of sets.
        window = {"profile_id": profile_id, "start": start, "end": end}
        with one_statement(self.engine) as connection:
            page = SETS_BETWEEN.limit(limit).offset(offset) if limit is not None or offset else SETS_BETWEEN
            return [set_from_row(row) for row in connection.execute(page, window)]

    def newest_sets(
        self, profile_id: int, exercise_ids: Sequence[str], start: datetime, end: datetime, per_exercise: int | None
    ) -> dict[str, list[SetRecord]]:
        """Of each of the exercises ``exercise_ids``, the user's newest ``per_exercise`` sets (every one, when None)
        finished in ``[start, end)``, newest first, in one read."""
        found: dict[str, list[SetRecord]] = {exercise_id: [] for exercise_id in exercise_ids}
        if not exercise_ids:
            return found
        window = {"profile_id": profile_id, "start": start, "end": end}
        with one_statement(self.engine) as connection:
            for row in connection.execute(newest_of_each(exercise_ids, per_exercise), window):
                found[row.exercise_id].append(set_from_row(row))
        return found

    def set_by_client_id(self, profile_id: int, client_id: str) -> SetRecord | None:
        """The set the user's device logged under ``client_id``, if it is stored."""
        with self._unit_of_work() as db:
            owned = LoggedSet.profile_id == profile_id
            row = db.scalars(select(LoggedSet).where(owned, LoggedSet.client_id == client_id)).first()
            return set_record(row) if row else None

    def events(self, session_id: str) -> list[EventRecord]:
        """A session's events in the order they happened."""
        query = select(SessionEvent).where(SessionEvent.session_id == session_id).order_by(SessionEvent.seq)
        with self._unit_of_work() as db:
            return [
                EventRecord(row.session_id, row.seq, row.kind, row.payload, row.at, row.client_id)
                for row in db.scalars(query)
            ]

    def sets(self, session_id: str) -> list[SetRecord]:
        """A session's logged sets in the order they were logged."""
        query = select(*SET_RECORD_COLUMNS).where(LoggedSet.session_id == session_id).order_by(LoggedSet.event_seq)
        with one_statement(self.engine) as connection:
            return [set_from_row(row) for row in connection.execute(query)]

    def session_copies(self, profile_id: int) -> list[SessionCopy]:
        """Every session of the user, oldest first, with its sets and events (three queries in all)."""
        with self._unit_of_work() as db:
            rows = list(
                db.scalars(
                    select(WorkoutSession)
                    .where(WorkoutSession.profile_id == profile_id)
                    .order_by(WorkoutSession.started_at, WorkoutSession.id)
                )
            )
            mine = select(WorkoutSession.id).where(WorkoutSession.profile_id == profile_id)
            sets: dict[str, list[SetRecord]] = defaultdict(list)
            for row in db.scalars(
                select(LoggedSet).where(LoggedSet.session_id.in_(mine)).order_by(LoggedSet.event_seq)
            ):
                sets[row.session_id].append(set_record(row))
            events: dict[str, list[EventRecord]] = defaultdict(list)
            query = select(SessionEvent).where(SessionEvent.session_id.in_(mine)).order_by(SessionEvent.seq)
            for event in db.scalars(query):
                events[event.session_id].append(
                    EventRecord(event.session_id, event.seq, event.kind, event.payload, event.at, event.client_id)
                )
            return [SessionCopy(session_record(row, tuple(sets[row.id])), events[row.id]) for row in rows]

    def each_session_with_sets(self, profile_id: int, batch: int = 1000) -> Iterator[SessionSets]:
        """The user's sessions that hold sets, oldest first, each with its sets, one by one as the rows come
        (``batch`` at a time, on PostgreSQL through a server-side cursor): a history of any length is never
        held whole. The read stays open until the last session is taken or the iterator is closed."""
        query = (
            select(*_SESSION_HEAD, *SET_RECORD_COLUMNS)
            .join(LoggedSet, LoggedSet.session_id == WorkoutSession.id)
            .where(WorkoutSession.profile_id == profile_id)
            .order_by(WorkoutSession.started_at, WorkoutSession.id, LoggedSet.event_seq)
        )
        with self.engine.connect() as connection:  # in a transaction: PostgreSQL's cursor needs one
            rows = connection.execution_options(yield_per=batch).execute(query)
            for _, of_one in groupby(rows, key=lambda row: row.sid):
                session = list(of_one)
                sets = tuple(set_from_row(row[len(_SESSION_HEAD) :]) for row in session)
                head = session[0]
                yield SessionSets(head.sid, head.title, head.began, head.ended, sets)


_SESSION_HEAD = (
    WorkoutSession.id.label("sid"),
    WorkoutSession.title,
    WorkoutSession.started_at.label("began"),
    WorkoutSession.finished_at.label("ended"),
)
"""The session's columns before its set's in a row of :meth:`HistoryReads.each_session_with_sets`."""
