"""Every set a user logged, as a Strong-layout CSV another app can import.

Names go out as Strong writes them, the move's name with its equipment, "Halo (Kettlebell)",
so an app that knows the move finds it, and repcoach reads the file back to the same moves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from repcoach.io.history_import import ImportedSet, strong_csv_lines
from repcoach.library import Exercise
from repcoach.library.custom import CustomExercise
from repcoach.service.coaching import user_catalogue
from repcoach.service.history_import import UNSPECIFIED
from repcoach.store import ProfileRecord, SetRecord, Store


def strong_csv(store: Store, profile: ProfileRecord) -> Iterator[str]:
    """The CSV line by line, header first, oldest session first, times in the user's zone; read and written
    as it goes, so a history of any length is never held whole (the sets of one session at a time)."""
    return strong_csv_lines(_imported_sets(store, profile), profile.units)


def _imported_sets(store: Store, profile: ProfileRecord) -> Iterator[ImportedSet]:
    catalogue = user_catalogue(store, profile.id)
    zone = ZoneInfo(profile.time_zone)
    for session in store.each_session_with_sets(profile.id):
        finished = session.finished_at or session.sets[-1].finished_at
        counts: Counter[str] = Counter()
        for logged in session.sets:
            name = _written_name(logged, catalogue.find(logged.exercise_id))
            counts[name] += 1
            yield ImportedSet(
                row=0,
                workout_key="",
                workout_title=session.title,
                started_at=session.started_at.astimezone(zone),
                duration_seconds=int((finished - session.started_at).total_seconds()),
                exercise_name=name,
                set_order=counts[name],
                kind=logged.kind,
                reps=logged.reps,
                weight_kg=logged.weight_kg,
                distance_m=logged.distance_m,
                seconds=logged.hold_seconds,
                rpe=None if logged.rir is None else float(max(0, 10 - logged.rir)),
                notes="; ".join(part for part in (logged.side, logged.notes) if part),
            )


def _written_name(logged: SetRecord, move: Exercise | CustomExercise | None) -> str:
    """``Halo (Kettlebell)``: repcoach's own sets are kettlebell sets unless the move takes no bell."""
    if move is None:
        return logged.exercise_id
    equipment = logged.equipment
    if equipment is None and isinstance(move, Exercise):
        equipment = "kettlebell" if "kettlebell" in move.equipment else None
    if equipment in (None, UNSPECIFIED, "bodyweight"):
        return move.name
    return f"{move.name} ({equipment.title()})"
