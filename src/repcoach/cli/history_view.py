"""Past sessions as a person reads a training log: one table per session, one row per move."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from rich.console import Group
from rich.table import Table
from rich.text import Text

from repcoach.library.custom import UserCatalogue
from repcoach.service.session_summary import SessionSummary, summarise
from repcoach.store import SessionRecord
from repcoach.units import Unit


def history_view(sessions: Sequence[SessionRecord], catalogue: UserCatalogue, unit: Unit, zone: tzinfo) -> Group:
    """Each session's heading (when, what, how long, rounds, sets) over its sets by move and side."""
    parts: list[Text | Table] = []
    for session in sessions:
        summary = summarise(session, catalogue, unit, zone)
        parts.append(Text(_heading(summary), style="bold"))
        if summary.notes:
            parts.append(Text(f"  {summary.notes}", style="italic"))
        if summary.moves:
            table = Table("Move", "Reps", "RIR", "Load", box=None, padding=(0, 2), pad_edge=True)
            for line in summary.moves:
                table.add_row(line.name, line.amounts, line.rirs, line.loads)
            parts.append(table)
            parts += [Text(f"  {line.name}: {line.notes}", style="italic") for line in summary.moves if line.notes]
        else:
            parts.append(Text("  no sets logged", style="dim"))
    return Group(*parts)


def _heading(summary: SessionSummary) -> str:
    status = summary.length if summary.finished else "unfinished: repcoach resume"
    rounds = "" if summary.rounds is None else f"{summary.rounds} round{'s' if summary.rounds != 1 else ''} · "
    return f"\n{summary.when} · {summary.title} · {status} · {rounds}{summary.sets} sets"
