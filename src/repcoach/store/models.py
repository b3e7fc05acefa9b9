"""The tables, as SQLAlchemy 2 typed declarative models. Weights in kg, times in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from repcoach.limits import MAX_NAME_LENGTH, MAX_NOTES_LENGTH, MAX_TITLE_LENGTH


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite keeps no zone, so it is restored here)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a stored time must carry its time zone, got {value}")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[str]: JSON, list[int]: JSON}


class Account(Base):
    """A login. Only multi-user servers have accounts; the single-user app's profile has none."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    """Lower case: names differing only in case are the same account."""
    password_hash: Mapped[str] = mapped_column(String(200))
    """An argon2 encoded hash (algorithm, parameters and salt included)."""
    created_at: Mapped[datetime]


class LoginSession(Base):
    """A signed-in browser or client. Only a hash of the cookie's token is stored."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class LoginAttempts(Base):
    """Sign-in attempts counted against one key (a name from an address, or an address) in a window of time.

    Shared by every server process, and counted in one statement (an upsert), so parallel attempts
    cannot all pass the check before any is counted.
    """

    __tablename__ = "login_attempts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[datetime]
    count: Mapped[int] = mapped_column(Integer)


class Profile(Base):
    __tablename__ = "profiles"
    __table_args__ = (UniqueConstraint("account_id", name="uq_profiles_account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", name="fk_profiles_account_id", ondelete="CASCADE")
    )
    """The owner on a multi-user server; None for the single-user app's profile."""
    name: Mapped[str] = mapped_column(String(100), default="me")
    units: Mapped[str] = mapped_column(String(2))
    experience: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    preferred_days: Mapped[list[int] | None] = mapped_column(JSON)
    """Weekdays the user likes to train on, 0 = Monday."""
    preferred_time: Mapped[str | None] = mapped_column(String(5))
    """``HH:MM``, local."""
    time_zone: Mapped[str | None] = mapped_column(String(64))
    """An IANA zone name, e.g. ``Europe/Berlin``."""


class Bell(Base):
    __tablename__ = "bells"
    __table_args__ = (UniqueConstraint("profile_id", "weight_kg"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    weight_kg: Mapped[float] = mapped_column(Float)


class CustomExercise(Base):
    """A move from another app's history that the library does not know, kept per user."""

    __tablename__ = "custom_exercises"
    __table_args__ = (UniqueConstraint("profile_id", "exercise_id", name="uq_custom_exercises_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[str] = mapped_column(String(100))
    """What its sets carry as ``exercise_id``: a slug of the name (``t-bar-row``)."""
    name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    """As the other app wrote it."""
    pattern: Mapped[str | None] = mapped_column(String(20))
    """Guessed from the name, or set by the user; None when unknown (then balance leaves it out)."""


class KeptPlan(Base):
    """A plan a user of a multi-user server kept on the plans page, as the TOML text of its plan file."""

    __tablename__ = "kept_plans"
    __table_args__ = (UniqueConstraint("profile_id", "plan_id", name="uq_kept_plans_plan_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[str] = mapped_column(String(100))
    """The id it is run by; unique per user, and never a built-in plan's."""
    title: Mapped[str] = mapped_column(String(MAX_TITLE_LENGTH))
    toml: Mapped[str] = mapped_column(Text)
    """The plan as ``plan_to_toml`` writes it; ``parse_plan`` reads and validates it again."""
    saved_at: Mapped[datetime]


class WorkoutSession(Base):
    __tablename__ = "workout_sessions"
    __table_args__ = (UniqueConstraint("profile_id", "source_key", name="uq_workout_sessions_source_key"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(MAX_TITLE_LENGTH))
    plan_ids: Mapped[list[str]]
    program: Mapped[dict[str, Any]]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    source_key: Mapped[str | None] = mapped_column(String(400))
    """For a workout imported from another app, its identity there, so importing it again adds nothing."""
    notes: Mapped[str | None] = mapped_column(Text)
    """The workout's own notes, as the app it came from kept them."""


class SessionEvent(Base):
    __tablename__ = "session_events"
    __table_args__ = (
        UniqueConstraint("session_id", "seq"),
        UniqueConstraint("session_id", "client_id", name="uq_session_events_client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("workout_sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]]
    at: Mapped[datetime]
    client_id: Mapped[str | None] = mapped_column(String(64))
    """The id the device gave the event, when it gave one: the same event sent again is known by it."""


class LoggedSet(Base):
    __tablename__ = "logged_sets"
    __table_args__ = (
        Index("ix_logged_sets_profile_exercise_finished", "profile_id", "exercise_id", "finished_at"),
        Index("ix_logged_sets_profile_finished", "profile_id", "finished_at"),
        CheckConstraint("reps IS NULL OR reps >= 0", name="ck_logged_sets_reps"),
        CheckConstraint("kind IN ('normal', 'warmup', 'dropset', 'failure')", name="ck_logged_sets_kind"),
        CheckConstraint("rir IS NULL OR rir >= 0", name="ck_logged_sets_rir"),
        CheckConstraint("weight_kg IS NULL OR weight_kg > 0", name="ck_logged_sets_weight"),
        UniqueConstraint("profile_id", "client_id", name="uq_logged_sets_profile_client"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(Integer)
    """The session's profile, kept beside the set so that a client id names one set of one user."""
    session_id: Mapped[str] = mapped_column(ForeignKey("workout_sessions.id", ondelete="CASCADE"), index=True)
    event_seq: Mapped[int] = mapped_column(Integer)
    exercise_id: Mapped[str] = mapped_column(String(100))
    plan_id: Mapped[str] = mapped_column(String(100))
    block_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    round: Mapped[int] = mapped_column(Integer)
    side: Mapped[str | None] = mapped_column(String(5))
    reps: Mapped[int | None] = mapped_column(Integer)
    reps_target_low: Mapped[int | None] = mapped_column(Integer)
    reps_target_high: Mapped[int | None] = mapped_column(Integer)
    hold_seconds: Mapped[int | None] = mapped_column(Integer)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[int | None] = mapped_column(Integer)
    finished_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    client_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10), server_default="normal")
    """normal, warmup, dropset or failure (as Hevy marks sets); warm-ups are not coached on."""
    equipment: Mapped[str | None] = mapped_column(String(20))
    """What it was done with when another app said so ("Romanian Deadlift (Dumbbell)"); None for repcoach's own."""
    distance_m: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(String(MAX_NOTES_LENGTH))
