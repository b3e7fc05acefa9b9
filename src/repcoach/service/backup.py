"""A user's whole store as one document (repcoach's JSON export) and back."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from repcoach.io.backup_json import (
    CustomExerciseDoc,
    EventDoc,
    ExportDoc,
    KeptPlanDoc,
    ProfileDoc,
    SessionDoc,
    SetDoc,
)
from repcoach.plan.builtins import builtin_plans
from repcoach.service.kept_plans import read_kept_plan
from repcoach.store import EventRecord, KeptPlanRecord, ProfileRecord, SessionRecord, SetRecord, Store
from repcoach.store.workouts import CustomExerciseRecord, SessionCopy, another_users_sessions

_SET_FIELDS = [field.name for field in fields(SetRecord) if field.name not in ("id", "session_id")]


@dataclass(frozen=True)
class Restored:
    profile_created: bool
    """False when the user had a profile already: theirs is kept as it is."""
    sessions: int
    sets: int
    plans: int = 0
    """Kept plans added (one the user kept under the same id already stays as it is)."""


def export_document(store: Store, profile: ProfileRecord, now: datetime) -> ExportDoc:
    """Everything stored for ``profile``: settings, bells, custom moves, sessions with events and sets,
    and the plans kept (on a multi-user server)."""
    return ExportDoc(
        exported_at=now,
        profile=ProfileDoc(
            units=profile.units,
            experience=profile.experience,
            bells_kg=list(profile.bells_kg),
            preferred_days=list(profile.preferred_days),
            preferred_time=profile.preferred_time,
            time_zone=profile.time_zone,
        ),
        custom_exercises=[
            CustomExerciseDoc(exercise_id=row.exercise_id, name=row.name, pattern=row.pattern)
            for row in store.custom_exercises(profile.id)
        ],
        sessions=[_session_doc(copy) for copy in store.session_copies(profile.id)],
        kept_plans=[
            KeptPlanDoc(plan_id=kept.plan_id, title=kept.title, toml=kept.toml, saved_at=kept.saved_at)
            for kept in store.kept_plans.of_profile(profile.id)
        ],
    )


def restore_document(store: Store, account_id: int | None, doc: ExportDoc) -> Restored:
    """Store what ``doc`` holds for the owner; sessions and plans already stored are skipped, so it can run twice.

    The kept plans are stored after the sessions, in a transaction of their own.

    Raises:
        InvalidInput: a kept plan is not a valid plan (then nothing is stored).
        Collision: a session of it is stored for another user; no session of it is stored.
        StoreError: the database refused it; no session of it is stored.
    """
    plans = [KeptPlanRecord(kept.plan_id, kept.title, kept.toml, kept.saved_at) for kept in doc.kept_plans]
    known = {*builtin_plans(), *(plan.plan_id for plan in plans)}
    for plan in plans:
        read_kept_plan(plan, known)
    profile = store.get_profile(account_id)
    created = profile is None
    if profile is None:
        # A profile made now owns no session yet: any of the backup's stored is another user's. Said before the
        # profile is made, so a refusal leaves nothing behind.
        if taken := sorted(store.session_owners([session.id for session in doc.sessions])):
            raise another_users_sessions(taken)
        settings = doc.profile
        store.save_profile(settings.units, settings.experience, settings.bells_kg, account_id=account_id)
        profile = store.save_preferences(
            settings.preferred_days, settings.preferred_time, settings.time_zone, account_id=account_id
        )
    custom = [CustomExerciseRecord(row.exercise_id, row.name, row.pattern) for row in doc.custom_exercises]
    added = store.restore_sessions(profile.id, [_session_copy(session, profile.id) for session in doc.sessions], custom)
    return Restored(created, len(added.workouts), added.sets, store.kept_plans.restore(profile.id, plans))


def _session_doc(copy: SessionCopy) -> SessionDoc:
    record = copy.record
    return SessionDoc(
        id=record.id,
        title=record.title,
        plan_ids=list(record.plan_ids),
        program=record.program,
        started_at=record.started_at,
        finished_at=record.finished_at,
        source_key=record.source_key,
        notes=record.notes,
        events=[
            EventDoc(seq=event.seq, kind=event.kind, payload=event.payload, at=event.at, client_id=event.client_id)
            for event in copy.events
        ],
        sets=[SetDoc(**{name: getattr(logged, name) for name in _SET_FIELDS}) for logged in record.sets],
    )


def _session_copy(doc: SessionDoc, profile_id: int) -> SessionCopy:
    sets = tuple(SetRecord(**logged.model_dump(), session_id=doc.id) for logged in doc.sets)
    record = SessionRecord(
        id=doc.id,
        profile_id=profile_id,
        title=doc.title,
        plan_ids=tuple(doc.plan_ids),
        program=doc.program,
        started_at=doc.started_at,
        finished_at=doc.finished_at,
        sets=sets,
        source_key=doc.source_key,
        notes=doc.notes,
    )
    events = [
        EventRecord(doc.id, event.seq, event.kind, event.payload, event.at, event.client_id) for event in doc.events
    ]
    return SessionCopy(record, events)
