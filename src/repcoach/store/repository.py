"""The store: every read and write the rest of repcoach makes, each write one transaction."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, Row, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from repcoach.coach import EXPERIENCE_LEVELS, Experience
from repcoach.errors import SessionOpen, StoreError
from repcoach.store.accounts import AccountRepository
from repcoach.store.database import connect
from repcoach.store.kept_plans import KeptPlanRepository
from repcoach.store.login_attempts import LoginAttemptRepository
from repcoach.store.models import Bell, CustomExercise, LoggedSet, Profile, SessionEvent, WorkoutSession
from repcoach.store.records import (
    DEFAULT_DAYS,
    DEFAULT_TIME,
    EventRecord,
    NewSet,
    ProfileRecord,
    SessionRecord,
    SetRecord,
)
from repcoach.store.workouts import (
    NEW_SET_FIELDS,
    CustomExerciseRecord,
    Imported,
    NewWorkout,
    SessionCopy,
    add_custom_exercises,
    insert_session_copies,
    insert_workouts,
    stored_source_keys,
)
from repcoach.units import Unit

# The statements of a logged set and of a session's start, built once: building one took longer than running
# it on SQLite.
_PROFILE_ID = select(Profile.id).order_by(Profile.id).limit(1)
_WITH_BELLS = select(*Profile.__table__.c, Bell.weight_kg.label("bell_kg")).outerjoin(Bell).order_by(Bell.weight_kg)
"""A profile with its bells in one read: a row per bell (one with no bell if it has none)."""
_SINGLE_USER_PROFILE = _WITH_BELLS.where(
    Profile.id == _PROFILE_ID.where(Profile.account_id.is_(None)).scalar_subquery()
)
_ACCOUNT_PROFILE = _WITH_BELLS.where(
    Profile.id == _PROFILE_ID.where(Profile.account_id == bindparam("account_id")).scalar_subquery()
)
_BELLS = select(Bell.weight_kg).where(Bell.profile_id == bindparam("profile_id")).order_by(Bell.weight_kg)
_LAST_SEQ = select(func.coalesce(func.max(SessionEvent.seq), 0)).where(SessionEvent.session_id == WorkoutSession.id)
_SESSION_AT = select(*WorkoutSession.__table__.c, _LAST_SEQ.scalar_subquery().label("last_seq")).where(
    WorkoutSession.id == bindparam("session_id")
)
_UNFINISHED = (
    select(*WorkoutSession.__table__.c)
    .where(WorkoutSession.profile_id == bindparam("profile_id"), WorkoutSession.finished_at.is_(None))
    .order_by(WorkoutSession.started_at.desc())
    .limit(1)
)
_ADD_EVENT = insert(SessionEvent)
_SET_RECORD_COLUMNS = [column for column in LoggedSet.__table__.c if column.name != "profile_id"]
"""What a set's record holds (its profile is its session's)."""
_SET_VALUES = ("event_seq", *NEW_SET_FIELDS)
_ADD_SET = (
    insert(LoggedSet)
    .from_select(
        ["profile_id", "session_id", *_SET_VALUES],
        select(
            WorkoutSession.profile_id,
            WorkoutSession.id,
            *(bindparam(name, type_=LoggedSet.__table__.c[name].type) for name in _SET_VALUES),
        ).where(WorkoutSession.id == bindparam("session_id")),
    )
    .returning(LoggedSet.id)
)
"""A set of a session, its profile taken from the session in the same statement."""
_REMOVE_SET = delete(LoggedSet).where(
    LoggedSet.session_id == bindparam("session_id"), LoggedSet.event_seq == bindparam("event_seq")
)
_SETS_IN_WINDOW = (
    select(*_SET_RECORD_COLUMNS)
    .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
    .where(
        WorkoutSession.profile_id == bindparam("profile_id"),
        LoggedSet.finished_at >= bindparam("start"),
        LoggedSet.finished_at < bindparam("end"),
    )
)
_SETS_BETWEEN = _SETS_IN_WINDOW.order_by(LoggedSet.finished_at, LoggedSet.id)
_NEWEST_FIRST = _SETS_IN_WINDOW.where(LoggedSet.exercise_id.in_(bindparam("exercise_ids", expanding=True))).order_by(
    LoggedSet.finished_at.desc(), LoggedSet.id.desc()
)
_FINISH = update(WorkoutSession).where(WorkoutSession.id == bindparam("session")).values(finished_at=bindparam("at"))


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the database at ``url``.

    Raises:
        StoreError: the URL cannot be used; the message names it, password hidden.
    """
    return Store(connect(url))


class Store:
    """Profiles, sessions, their events and logged sets, on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.accounts = AccountRepository(self._unit_of_work)
        """Logins of a multi-user server."""
        self.kept_plans = KeptPlanRepository(self._unit_of_work)
        """Plans kept per user on a multi-user server."""
        self.login_attempts = LoginAttemptRepository(engine)
        """Sign-in attempts, counted for the login throttle of every server process."""

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _unit_of_work(self) -> Iterator[Session]:
        """A transaction that commits when the block ends normally and rolls back otherwise."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    # Profile ----------------------------------------------------------------------------

    # Each method takes the owner: an account on a multi-user server, or None for the single user.

    def get_profile(self, account_id: int | None = None) -> ProfileRecord | None:
        """The owner's profile, or None before set-up (read without the ORM: every API request asks)."""
        query = _SINGLE_USER_PROFILE if account_id is None else _ACCOUNT_PROFILE
        with self.engine.connect() as connection:
            rows = connection.execute(query, {"account_id": account_id}).all()
        if not rows:
            return None
        bells = tuple(row.bell_kg for row in rows if row.bell_kg is not None)
        return replace(_profile_record(None, rows[0]), bells_kg=bells)

    def save_profile(
        self,
        units: Unit,
        experience: Experience,
        bells_kg: Sequence[float],
        name: str = "me",
        account_id: int | None = None,
    ) -> ProfileRecord:
        """Create or update the owner's profile; ``bells_kg`` replaces the bells owned.

        Raises:
            ValueError: an unknown unit or level, or a bell of 0 kg or less.
        """
        if units not in ("kg", "lb"):
            raise ValueError(f"units must be kg or lb, not {units!r}")
        if experience not in EXPERIENCE_LEVELS:
            raise ValueError(f"experience must be one of {', '.join(EXPERIENCE_LEVELS)}, not {experience!r}")
        if bad := [bell for bell in bells_kg if not bell > 0]:
            raise ValueError(f"a bell weighs more than 0 kg, got {bad[0]}")
        with self._unit_of_work() as db:
            profile = _owned_profile(db, account_id)
            if profile is None:
                profile = Profile(
                    name=name, units=units, experience=experience, created_at=datetime.now(UTC), account_id=account_id
                )
                db.add(profile)
                db.flush()
            else:
                profile.units, profile.experience, profile.name = units, experience, name
            db.execute(delete(Bell).where(Bell.profile_id == profile.id))
            db.add_all(Bell(profile_id=profile.id, weight_kg=float(kg)) for kg in sorted(set(bells_kg)))
            db.flush()
            return _profile_record(db, profile)

    def save_preferences(
        self, days: Sequence[int], at: str, time_zone: str, account_id: int | None = None
    ) -> ProfileRecord:
        """Set when the user likes to train: weekdays (0 = Monday), ``HH:MM`` and an IANA zone name.

        Raises:
            StoreError: there is no profile yet.
        """
        with self._unit_of_work() as db:
            profile = _owned_profile(db, account_id)
            if profile is None:
                raise StoreError("There is no profile yet: run 'repcoach setup' first.")
            profile.preferred_days, profile.preferred_time, profile.time_zone = sorted(set(days)), at, time_zone
            db.flush()
            return _profile_record(db, profile)

    # Sessions ---------------------------------------------------------------------------

    def start_session(
        self,
        profile_id: int,
        title: str,
        plan_ids: Sequence[str],
        program: dict[str, Any],
        started_at: datetime,
        custom: Sequence[CustomExerciseRecord] = (),
    ) -> SessionRecord:
        """Store a new, unfinished session, and the moves outside the library it uses (``custom``)
        that the user's custom exercises do not have yet, so their sets have a name and a pattern.

        Raises:
            SessionOpen: the user has a session not finished; nothing is stored.
        """
        row = WorkoutSession(
            id=uuid.uuid4().hex,
            profile_id=profile_id,
            title=title,
            plan_ids=list(plan_ids),
            program=program,
            started_at=started_at,
            finished_at=None,
        )
        with self._unit_of_work() as db:
            if (open_one := db.execute(_UNFINISHED, {"profile_id": profile_id}).first()) is not None:
                raise SessionOpen(open_one.id, open_one.title)
            add_custom_exercises(db, profile_id, custom)
            db.add(row)
        return _session_record(row)

    def get_session(self, session_id: str) -> SessionRecord | None:
        with self._unit_of_work() as db:
            row = db.get(WorkoutSession, session_id)
            return _session_record(row) if row else None

    def session_at(self, session_id: str) -> tuple[SessionRecord, int] | None:
        """The session and the number of its last event (0 before the first), in one read: what a request
        needs to tell whether a session kept in memory is still the stored one."""
        with self.engine.connect() as connection:
            row = connection.execute(_SESSION_AT, {"session_id": session_id}).first()
        return (_session_record(row), row.last_seq) if row else None

    def unfinished_session(self, profile_id: int) -> SessionRecord | None:
        """The newest session that was started and not finished."""
        with self.engine.connect() as connection:
            row = connection.execute(_UNFINISHED, {"profile_id": profile_id}).first()
        return _session_record(row) if row else None

    def finish_session(self, session_id: str, at: datetime) -> None:
        with self._unit_of_work() as db:
            row = db.get(WorkoutSession, session_id)
            if row is None:
                raise StoreError(f"There is no session {session_id}.")
            row.finished_at = at

    def list_sessions(self, profile_id: int, limit: int = 20) -> list[SessionRecord]:
        """The newest sessions first, each with its sets (two queries, whatever the count)."""
        query = (
            select(WorkoutSession)
            .where(WorkoutSession.profile_id == profile_id)
            .order_by(WorkoutSession.started_at.desc())
            .limit(limit)
        )
        with self._unit_of_work() as db:
            rows = list(db.scalars(query))
            by_session: dict[str, list[SetRecord]] = defaultdict(list)
            set_rows = db.scalars(
                select(LoggedSet)
                .where(LoggedSet.session_id.in_([row.id for row in rows]))
                .order_by(LoggedSet.session_id, LoggedSet.event_seq)
            )
            for set_row in set_rows:
                by_session[set_row.session_id].append(_set_record(set_row))
            return [_session_record(row, tuple(by_session[row.id])) for row in rows]

    # Events and sets --------------------------------------------------------------------

    def append_event(
        self,
        session_id: str,
        seq: int,
        kind: str,
        payload: dict[str, Any],
        at: datetime,
        *,
        new_set: NewSet | None = None,
        undo_seq: int | None = None,
        finishes: bool = False,
        client_id: str | None = None,
    ) -> SetRecord | None:
        """Store event number ``seq``, and with it the set it logs or the removal of the set it undoes,
        and the end of the session (at ``at``) when it ``finishes`` it; under the ``client_id`` the
        device gave the event, if it gave one.

        All of it is one transaction: nothing is half-written. The caller numbers the event, as the
        one after the last it knows of; an event stored under that number meanwhile (another writer)
        makes the write fail, so nobody appends to a session whose latest events they have not seen.

        Returns:
            The set as stored, with its id, when ``new_set`` was given.

        Raises:
            StoreError: the session does not exist, ``seq`` is taken, or the set breaks a rule
                (negative reps, a client id used before...).
        """
        try:
            with self.engine.begin() as connection:
                event = {"session_id": session_id, "seq": seq, "kind": kind, "payload": payload, "at": at}
                connection.execute(_ADD_EVENT, {**event, "client_id": client_id})
                if undo_seq is not None:
                    connection.execute(_REMOVE_SET, {"session_id": session_id, "event_seq": undo_seq})
                if finishes:
                    connection.execute(_FINISH, {"session": session_id, "at": at})
                if new_set is None:
                    return None
                values = {name: getattr(new_set, name) for name in NEW_SET_FIELDS}
                row = {"session_id": session_id, "event_seq": seq, **values}
                set_id = connection.execute(_ADD_SET, row).scalar_one()
        except IntegrityError as error:
            raise _refused("The set", error) from error
        return SetRecord(**values, id=set_id, session_id=session_id, event_seq=seq)

    def record_workout(
        self, profile_id: int, title: str, sets: Sequence[NewSet], started_at: datetime, finished_at: datetime
    ) -> SessionRecord:
        """Store a finished workout done outside a guided session, with all its sets, in one transaction.

        Raises:
            StoreError: a set breaks a rule; nothing of the workout is stored.
        """
        [session_id] = self.import_workouts(profile_id, [NewWorkout(title, started_at, finished_at, sets)]).workouts
        found = self.get_session(session_id)
        assert found is not None
        return replace(found, sets=tuple(self.sets(session_id)))

    def import_workouts(
        self, profile_id: int, workouts: Sequence[NewWorkout], custom: Sequence[CustomExerciseRecord] = ()
    ) -> Imported:
        """Store finished workouts and the custom exercises they use, all in one transaction.

        A workout whose ``source_key`` is stored already is skipped, so importing the same file
        twice adds nothing and a longer export later adds only the new workouts.

        Raises:
            StoreError: a set breaks a rule; nothing is stored.
        """
        try:
            with self._unit_of_work() as db:
                add_custom_exercises(db, profile_id, custom)
                return insert_workouts(db, profile_id, workouts)
        except IntegrityError as error:
            raise _refused("The workout", error) from error

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
                sets[row.session_id].append(_set_record(row))
            events: dict[str, list[EventRecord]] = defaultdict(list)
            query = select(SessionEvent).where(SessionEvent.session_id.in_(mine)).order_by(SessionEvent.seq)
            for event in db.scalars(query):
                events[event.session_id].append(
                    EventRecord(event.session_id, event.seq, event.kind, event.payload, event.at, event.client_id)
                )
            return [SessionCopy(_session_record(row, tuple(sets[row.id])), events[row.id]) for row in rows]

    def restore_sessions(
        self, profile_id: int, copies: Sequence[SessionCopy], custom: Sequence[CustomExerciseRecord] = ()
    ) -> Imported:
        """Store sessions from a backup as they were, and the custom moves they use, in one transaction;
        sessions already stored are skipped.

        Raises:
            Collision: a session has the id of another user's session; nothing is stored.
            StoreError: a set breaks a rule; nothing is stored.
        """
        try:
            with self._unit_of_work() as db:
                add_custom_exercises(db, profile_id, custom)
                return insert_session_copies(db, profile_id, copies)
        except IntegrityError as error:
            raise _refused("The backup", error) from error

    def source_keys(self, profile_id: int, keys: Sequence[str]) -> set[str]:
        """Which of these imported-workout identities are stored for the user already."""
        with self._unit_of_work() as db:
            return stored_source_keys(db, profile_id, keys)

    def custom_exercises(self, profile_id: int) -> list[CustomExerciseRecord]:
        """The user's custom exercises (from imports), by name."""
        query = select(CustomExercise).where(CustomExercise.profile_id == profile_id).order_by(CustomExercise.name)
        with self._unit_of_work() as db:
            return [CustomExerciseRecord(row.exercise_id, row.name, row.pattern) for row in db.scalars(query)]

    def set_custom_pattern(self, profile_id: int, exercise_id: str, pattern: str | None) -> None:
        """Correct the movement pattern guessed for a custom exercise.

        Raises:
            StoreError: the user has no custom exercise ``exercise_id``.
        """
        with self._unit_of_work() as db:
            row = db.scalars(
                select(CustomExercise).where(
                    CustomExercise.profile_id == profile_id, CustomExercise.exercise_id == exercise_id
                )
            ).first()
            if row is None:
                raise StoreError(f"There is no custom exercise {exercise_id}.")
            row.pattern = pattern

    def sets_between(self, profile_id: int, start: datetime, end: datetime) -> list[SetRecord]:
        """Every set the user finished in ``[start, end)``, oldest first."""
        # Rows, not ORM objects: the coaching pages read weeks of sets.
        window = {"profile_id": profile_id, "start": start, "end": end}
        with self.engine.connect() as connection:
            return [_set_from_row(row) for row in connection.execute(_SETS_BETWEEN, window)]

    def sets_newest_first(
        self, profile_id: int, exercise_ids: Sequence[str], start: datetime, end: datetime
    ) -> list[SetRecord]:
        """The user's sets of the exercises ``exercise_ids`` finished in ``[start, end)``, newest first, in one read."""
        window = {"profile_id": profile_id, "exercise_ids": list(exercise_ids), "start": start, "end": end}
        with self.engine.connect() as connection:
            return [_set_from_row(row) for row in connection.execute(_NEWEST_FIRST, window)]

    def set_by_client_id(self, profile_id: int, client_id: str) -> SetRecord | None:
        """The set the user's device logged under ``client_id``, if it is stored."""
        with self._unit_of_work() as db:
            owned = LoggedSet.profile_id == profile_id
            row = db.scalars(select(LoggedSet).where(owned, LoggedSet.client_id == client_id)).first()
            return _set_record(row) if row else None

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
        query = select(*_SET_RECORD_COLUMNS).where(LoggedSet.session_id == session_id).order_by(LoggedSet.event_seq)
        with self.engine.connect() as connection:
            return [_set_from_row(row) for row in connection.execute(query)]


def _refused(what: str, error: IntegrityError) -> StoreError:
    """A write the database refused for breaking a rule (negative reps, a repeated id), as a sentence."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    return StoreError(f"{what} could not be saved: {reason}")


def _owned_profile(db: Session, account_id: int | None) -> Profile | None:
    owner = Profile.account_id.is_(None) if account_id is None else Profile.account_id == account_id
    return db.scalars(select(Profile).where(owner).order_by(Profile.id).limit(1)).first()


def _profile_record(db: Session | None, profile: Profile | Row[*tuple[Any, ...]]) -> ProfileRecord:
    """The profile as a record, with its bells read in ``db`` (None: no bells, for a caller that has them)."""
    bells = db.scalars(_BELLS, {"profile_id": profile.id}) if db is not None else ()
    return ProfileRecord(
        id=profile.id,
        name=profile.name,
        units=cast(Unit, profile.units),
        experience=cast(Experience, profile.experience),
        bells_kg=tuple(bells),
        created_at=profile.created_at,
        preferred_days=tuple(profile.preferred_days or DEFAULT_DAYS),
        preferred_time=profile.preferred_time or DEFAULT_TIME,
        time_zone=profile.time_zone or "UTC",
        account_id=profile.account_id,
    )


def _session_record(row: WorkoutSession | Row[*tuple[Any, ...]], sets: tuple[SetRecord, ...] = ()) -> SessionRecord:
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


def _set_record(row: LoggedSet) -> SetRecord:
    values = {name: getattr(row, name) for name in NEW_SET_FIELDS}
    return SetRecord(**values, id=row.id, session_id=row.session_id, event_seq=row.event_seq)


def _set_from_row(row: Row[*tuple[Any, ...]]) -> SetRecord:
    """A row of ``_SET_RECORD_COLUMNS`` as a record: the columns are named as its fields."""
    return SetRecord(**row._mapping)
