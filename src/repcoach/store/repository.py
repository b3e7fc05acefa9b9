"""The store: every read and write the rest of repcoach makes, each write one transaction (the history's reads
in :mod:`repcoach.store.history_reads`)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from repcoach.coach import EXPERIENCE_LEVELS, Experience
from repcoach.errors import SessionOpen, StoreError
from repcoach.store.accounts import AccountRepository
from repcoach.store.database import connect, one_statement
from repcoach.store.history_reads import HistoryReads
from repcoach.store.kept_plans import KeptPlanRepository
from repcoach.store.login_attempts import LoginAttemptRepository
from repcoach.store.models import Bell, CustomExercise, LoggedSet, Profile, WorkoutSession
from repcoach.store.queries import (
    ACCOUNT_PROFILE,
    ADD_EVENT,
    ADD_SET,
    BELLS,
    FINISH,
    REMOVE_SET,
    SESSION_AT,
    SINGLE_USER_PROFILE,
    UNFINISHED,
    profile_record,
    session_record,
    set_record,
)
from repcoach.store.records import (
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


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the database at ``url``.

    Raises:
        StoreError: the URL cannot be used; the message names it, password hidden.
    """
    return Store(connect(url))


class Store(HistoryReads):
    """Profiles, sessions, their events and logged sets, on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.accounts = AccountRepository(engine, self._unit_of_work)
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
        query = SINGLE_USER_PROFILE if account_id is None else ACCOUNT_PROFILE
        with one_statement(self.engine) as connection:
            rows = connection.execute(query, {"account_id": account_id}).all()
        if not rows:
            return None
        return profile_record(rows[0], (row.bell_kg for row in rows if row.bell_kg is not None))

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
            return profile_record(profile, db.scalars(BELLS, {"profile_id": profile.id}))

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
            return profile_record(profile, db.scalars(BELLS, {"profile_id": profile.id}))

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
            if (open_one := db.execute(UNFINISHED, {"profile_id": profile_id}).first()) is not None:
                raise SessionOpen(open_one.id, open_one.title)
            add_custom_exercises(db, profile_id, custom)
            db.add(row)
        return session_record(row)

    def get_session(self, session_id: str) -> SessionRecord | None:
        with self._unit_of_work() as db:
            row = db.get(WorkoutSession, session_id)
            return session_record(row) if row else None

    def session_at(self, session_id: str) -> tuple[SessionRecord, int] | None:
        """The session and the number of its last event (0 before the first), in one read: what a request
        needs to tell whether a session kept in memory is still the stored one."""
        with one_statement(self.engine) as connection:
            row = connection.execute(SESSION_AT, {"session_id": session_id}).first()
        return (session_record(row), row.last_seq) if row else None

    def unfinished_session(self, profile_id: int) -> SessionRecord | None:
        """The newest session that was started and not finished."""
        with one_statement(self.engine) as connection:
            row = connection.execute(UNFINISHED, {"profile_id": profile_id}).first()
        return session_record(row) if row else None

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
                by_session[set_row.session_id].append(set_record(set_row))
            return [session_record(row, tuple(by_session[row.id])) for row in rows]

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
                connection.execute(ADD_EVENT, {**event, "client_id": client_id})
                if undo_seq is not None:
                    connection.execute(REMOVE_SET, {"session_id": session_id, "event_seq": undo_seq})
                if finishes:
                    connection.execute(FINISH, {"session": session_id, "at": at})
                if new_set is None:
                    return None
                values = {name: getattr(new_set, name) for name in NEW_SET_FIELDS}
                row = {"session_id": session_id, "event_seq": seq, **values}
                set_id = connection.execute(ADD_SET, row).scalar_one()
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


def _refused(what: str, error: IntegrityError) -> StoreError:
    """A write the database refused for breaking a rule (negative reps, a repeated id), as a sentence."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    return StoreError(f"{what} could not be saved: {reason}")


def _owned_profile(db: Session, account_id: int | None) -> Profile | None:
    owner = Profile.account_id.is_(None) if account_id is None else Profile.account_id == account_id
    return db.scalars(select(Profile).where(owner).order_by(Profile.id).limit(1)).first()
