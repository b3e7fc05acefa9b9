"""Past sessions as a person reads a training log: one table per session, one row per move."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from rich.console import Group
from rich.table import Table
from rich.text import Text

from repcoach.library import Catalogue
from repcoach.store import SessionRecord, SetRecord
from repcoach.units import Unit, format_weight


def history_view(sessions: Sequence[SessionRecord], catalogue: Catalogue, unit: Unit) -> Group:
    """Each session's heading (when, what, how long, rounds, sets) over its sets by move and side."""
    parts: list[Text | Table] = []
    for session in sessions:
        parts.append(Text(_heading(session), style="bold"))
        if session.sets:
            parts.append(_sets_table(session.sets, catalogue, unit))
        else:
            parts.append(Text("  no sets logged", style="dim"))
    return Group(*parts)


def _heading(session: SessionRecord) -> str:
    started = session.started_at.astimezone()
    if session.finished_at is None:
        status = "unfinished: repcoach resume"
    else:
        minutes = round((session.finished_at - session.started_at).total_seconds() / 60)
        status = f"{minutes} min"
    rounds = max((logged.round for logged in session.sets), default=0)
    return (
        f"\n{started:%a %d %b %Y %H:%M} · {session.title} · {status} · "
        f"{rounds} round{'s' if rounds != 1 else ''} · {len(session.sets)} sets"
    )


def _sets_table(sets: Sequence[SetRecord], catalogue: Catalogue, unit: Unit) -> Table:
    table = Table("Move", "Reps", "RIR", "Load", box=None, padding=(0, 2), pad_edge=True)
    order = {move: index for index, move in reversed(list(enumerate(map(_move_and_side, sets))))}
    by_first_appearance = sorted(sets, key=lambda logged: order[_move_and_side(logged)])
    for (exercise_id, side), group in groupby(by_first_appearance, key=_move_and_side):
        done = list(group)
        name = catalogue.get(exercise_id).name if exercise_id in catalogue else exercise_id
        table.add_row(
            f"{name} ({side})" if side else name,
            ", ".join(_amount(logged) for logged in done),
            ", ".join("-" if logged.rir is None else str(logged.rir) for logged in done),
            ", ".join(dict.fromkeys(_bell(logged, unit) for logged in done)),
        )
    return table


def _move_and_side(logged: SetRecord) -> tuple[str, str | None]:
    return logged.exercise_id, logged.side


def _amount(logged: SetRecord) -> str:
    if logged.reps is not None:
        return str(logged.reps)
    return f"{logged.hold_seconds} s" if logged.hold_seconds is not None else "-"


def _bell(logged: SetRecord, unit: Unit) -> str:
    return "bodyweight" if logged.weight_kg is None else format_weight(logged.weight_kg, unit)
