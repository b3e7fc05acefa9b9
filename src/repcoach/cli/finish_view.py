"""The terminal's end of a session: the finish report (service/finish_report.py) as a few short sections."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from repcoach.service.finish_report import FinishReport


def finish_view(report: FinishReport) -> Group:
    """What was done, against last time, the next bells and when the next session is allowed."""
    done = Table("Move", "Reps / s", "RIR", "Bell", box=None, title_justify="left")
    for line in report.done:
        done.add_row(line.name, line.amounts, line.rirs, line.loads)
    shown: list[Text | Table] = [Text(report.headline, style="bold"), done]
    if report.last_time is None:
        shown.append(Text("Your first session of this plan: next time shows what changed.", style="dim"))
    else:
        shown.append(Text(f"Against last time ({report.last_time}):", style="bold"))
        shown += [Text(f"  {change}") for change in report.changes]
    if report.next_moves:
        shown.append(Text("Next time:", style="bold"))
        shown += [Text(f"  {move.name}: {move.advice}. {move.reason}") for move in report.next_moves]
    for when in report.next_times:
        shown.append(Text(f"{when.title}: {when.allowed}\n  {when.advised}"))
    return Group(*shown)
