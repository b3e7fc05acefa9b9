"""A past session as a training log reads it: when, how long, rounds, and one line per move and side.

The terminal's ``history`` and the web's history page both show sessions this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from repcoach.library.custom import UserCatalogue
from repcoach.store import SessionRecord, SetRecord
from repcoach.units import Unit, format_distance, format_weight


@dataclass(frozen=True)
class MoveLine:
    """Every set of one move (and side) in a session, in the order done."""

    name: str
    """The move's name, with the side when it has one: ``Single-arm row (left)``."""
    amounts: str
    """``10, 9, 8`` reps, or ``30 s`` holds."""
    rirs: str
    loads: str
    """The bells used, each once: ``12 kg, 16 kg``."""
    notes: str = ""
    """The sets' notes, each once: ``slow down, pause at the knee``."""


@dataclass(frozen=True)
class SessionSummary:
    id: str
    title: str
    when: str
    """Local start: ``Mon 23 Nov 2026 18:00``."""
    length: str
    """``42 min``, or ``unfinished``."""
    rounds: int | None
    """None for a workout imported from another app, whose sets are not done in rounds."""
    sets: int
    moves: list[MoveLine]
    finished: bool
    notes: str = ""
    """The workout's own notes (an imported one's, from its app)."""


def summarise(session: SessionRecord, catalogue: UserCatalogue, unit: Unit, zone: tzinfo) -> SessionSummary:
    """``session`` as one heading and a line per move and side, moves in the order first done."""
    if session.finished_at is None:
        length = "unfinished"
    else:
        length = f"{round((session.finished_at - session.started_at).total_seconds() / 60)} min"
    return SessionSummary(
        id=session.id,
        title=session.title,
        when=f"{session.started_at.astimezone(zone):%a %d %b %Y %H:%M}",
        length=length,
        rounds=None if session.source_key else max((logged.round for logged in session.sets), default=0),
        sets=len(session.sets),
        moves=move_lines(session.sets, catalogue, unit),
        finished=session.finished_at is not None,
        notes=session.notes or "",
    )


def move_lines(sets: Sequence[SetRecord], catalogue: UserCatalogue, unit: Unit) -> list[MoveLine]:
    """One line per move and side, in the order each was first done."""
    grouped: dict[tuple[str, str | None], list[SetRecord]] = {}
    for logged in sets:
        grouped.setdefault((logged.exercise_id, logged.side), []).append(logged)
    lines = []
    for (exercise_id, side), done in grouped.items():
        name = catalogue.name_of(exercise_id)
        lines.append(
            MoveLine(
                name=f"{name} ({side})" if side else name,
                amounts=", ".join(_amount(logged) for logged in done),
                rirs=", ".join("-" if logged.rir is None else str(logged.rir) for logged in done),
                loads=", ".join(dict.fromkeys(_load(logged, unit) for logged in done)),
                notes=" · ".join(
                    dict.fromkeys(logged.notes.strip() for logged in done if logged.notes and logged.notes.strip())
                ),
            )
        )
    return lines


def _amount(logged: SetRecord) -> str:
    """Reps; else what a timed or cardio set did: ``45 s``, ``400 m``, ``5.2 km in 30 min``."""
    if logged.reps is not None:
        return str(logged.reps)
    parts = [format_distance(logged.distance_m) if logged.distance_m else "", _time(logged.hold_seconds)]
    return " in ".join(part for part in parts if part) or "-"


def _time(seconds: int | None) -> str:
    if not seconds:
        return ""
    if seconds < 120:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def _load(logged: SetRecord, unit: Unit) -> str:
    if logged.weight_kg is not None:
        return format_weight(logged.weight_kg, unit)
    return "-" if logged.distance_m else "bodyweight"
