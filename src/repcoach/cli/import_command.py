"""``repcoach import``: history from Strong, Hevy or FitNotes, previewed, then stored in one go."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from repcoach.cli.app import app
from repcoach.cli.questions import ensure_profile
from repcoach.errors import InvalidInput, Problem
from repcoach.io.backup_json import load_export, looks_like_export
from repcoach.io.history_import import ParsedExport, read_export
from repcoach.library import load_catalogue
from repcoach.service.backup import restore_document
from repcoach.service.history_import import (
    ImportPlan,
    collector_paused,
    new_workouts,
    plan_import,
    skipped_lines,
    store_import,
)
from repcoach.service.import_copies import StoredCopy, stored_copies
from repcoach.units import Unit

console = Console()

LISTED_LINES = 8
"""Line numbers shown per skip reason; the rest are counted."""


@app.command("import")
def import_history(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The CSV file the other app exported.")],
    source: Annotated[
        Literal["strong", "hevy", "fitnotes"] | None,
        typer.Option("--from", help="The app it came from (default: told by the header)."),
    ] = None,
    unit: Annotated[
        Literal["kg", "lb"] | None,
        typer.Option("--unit", help="The unit of weights the file does not label (default: yours)."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be imported; store nothing.")] = False,
    keep_duplicates: Annotated[
        bool,
        typer.Option("--keep-duplicates", help="Store a workout even when another app's copy of it is stored already."),
    ] = False,
) -> None:
    """Import workouts exported from Strong, Hevy or FitNotes, or a repcoach JSON export.

    A preview says what was found first; importing the same file again adds nothing.
    """
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InvalidInput([Problem(error.strerror or str(error), source=str(file))]) from None
    if source is None and looks_like_export(data):
        _restore(ctx, data, str(file), dry_run)
        return
    with ctx.obj.open_store() as store, collector_paused():
        profile = ensure_profile(store, console, ctx.obj.lines)
        chosen: Unit = unit or profile.units
        export = read_export(
            data, file_name=str(file), time_zone=ZoneInfo(profile.time_zone), source=source, unit=chosen
        )
        plan = plan_import(export, load_catalogue())
        fresh = new_workouts(store, profile.id, plan)
        copies = stored_copies(store, profile.id, fresh, ZoneInfo(profile.time_zone))
        _preview(plan, len(fresh), unit_given=unit is not None)
        _copies(copies, keep_duplicates)
        if not plan.workouts:
            console.print(f"[red]No sets found in {file}: nothing stored.[/red]")
            raise typer.Exit(1)
        if dry_run:
            console.print("Dry run: nothing stored.")
            return
        added = store_import(store, profile.id, plan, leave_out=() if keep_duplicates else copies)
    console.print(f"[green]Stored[/green] {len(added.workouts)} workouts with {added.sets} sets.")


def _restore(ctx: typer.Context, data: bytes, file_name: str, dry_run: bool) -> None:
    doc = load_export(data, file_name)
    sets = sum(len(session.sets) for session in doc.sessions)
    console.print(f"repcoach export of {doc.exported_at:%Y-%m-%d}: {len(doc.sessions)} sessions, {sets} sets.")
    if dry_run:
        console.print("Dry run: nothing stored.")
        return
    with ctx.obj.open_store() as store:
        restored = restore_document(store, None, doc)
    kept = "" if restored.profile_created else " Your profile and bells were kept as they are."
    console.print(f"[green]Restored[/green] {restored.sessions} sessions with {restored.sets} sets.{kept}")


def _preview(plan: ImportPlan, fresh: int, unit_given: bool) -> None:
    export = plan.export
    span = f", {plan.days[0]} to {plan.days[1]}" if plan.days else ""
    console.print(
        f"[bold]{export.layout}[/bold] export: {len(plan.workouts)} workouts ({fresh} new), "
        f"{plan.set_count} sets{span}.",
        soft_wrap=True,
    )
    if export.unit:
        told = "as you said" if unit_given else "your unit; --unit changes it"
        console.print(f"Weights in {export.unit} ({told}).")
    _moves(plan)
    _skipped(export)
    for notice in export.kept_without:
        console.print(f"Set kept without this field: {notice}", markup=False, highlight=False, soft_wrap=True)
    for problem in export.problems:
        console.print(f"[yellow]Not imported:[/yellow] {problem}", markup=True, highlight=False, soft_wrap=True)


def _copies(copies: list[StoredCopy], keep: bool) -> None:
    for copy in copies:
        what = "kept as you asked" if keep else "skipped; --keep-duplicates keeps both"
        console.print(
            f"{copy.workout.title} of {copy.day}: the same workout is stored already (from another app?): {what}.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _moves(plan: ImportPlan) -> None:
    table = Table("In the file", "Move", "Pattern", "Sets", title="Exercises")
    for move in plan.moves:
        shown = move.exercise_id if move.known else f"{move.exercise_id} [cyan](custom)[/cyan]"
        table.add_row(move.name, shown, move.pattern or "?", str(move.sets))
    console.print(table)
    if custom := [move for move in plan.moves if not move.known]:
        console.print(
            f"{len(custom)} moves are not in the library and become custom moves, counted by the pattern "
            f'guessed from their name. Correct one with: repcoach exercises map "{custom[0].name}" --pattern PATTERN',
            soft_wrap=True,
        )


def _skipped(export: ParsedExport) -> None:
    for reason, rows in skipped_lines(export).items():
        listed = ", ".join(str(row) for row in rows[:LISTED_LINES])
        more = f" and {len(rows) - LISTED_LINES} more" if len(rows) > LISTED_LINES else ""
        console.print(f"Skipped {len(rows)} rows ({reason}): lines {listed}{more}.", soft_wrap=True)
