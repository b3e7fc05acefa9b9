"""``repcoach export``: everything back out, as Strong-layout CSV or repcoach's own JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from repcoach.cli.app import app, write_output, write_output_lines
from repcoach.cli.questions import ensure_profile
from repcoach.io.backup_json import dump_export
from repcoach.service.backup import export_document
from repcoach.service.history_export import strong_csv
from repcoach.service.live_session import utc_now

console = Console()


@app.command("export")
def export(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    format: Annotated[
        Literal["csv", "json"],
        typer.Option("--format", help="csv: Strong's layout, for other apps; json: everything, for repcoach."),
    ] = "json",
) -> None:
    """Export your training: every set as CSV in Strong's layout, or all repcoach stores as JSON."""
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        if format == "json":
            doc = export_document(store, profile, utc_now())
            write_output(output, dump_export(doc).encode())
            what = f"{len(doc.sessions)} sessions"
        else:  # written as it is read, the header first
            what = f"{write_output_lines(output, strong_csv(store, profile)) - 1} sets"
    console.print(f"[green]Wrote[/green] {output}: {what}.")
