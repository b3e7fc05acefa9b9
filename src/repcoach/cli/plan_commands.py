"""Commands about plans and moves: list, show, check a user's file, explain a move."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from repcoach.cli.app import app
from repcoach.cli.render import exercise_view, plan_view
from repcoach.errors import InvalidInput, Problem
from repcoach.io.user_plans import user_plan_file
from repcoach.library import PATTERNS, load_catalogue
from repcoach.plan import Plan
from repcoach.plan.builtins import builtin_plans, get_builtin_plan
from repcoach.plan.loading import PLAN_SUFFIXES, load_plan_file
from repcoach.service.history_import import custom_id

console = Console()


def resolve_plan(name: str) -> Plan:
    """A built-in plan by id, a plan made from an article by its name, or a plan file by path (``my-plan.toml``)."""
    if name.lower().endswith(PLAN_SUFFIXES):
        return load_plan_file(Path(name), known_plan_ids=builtin_plans())
    if name not in builtin_plans() and (saved := user_plan_file(name)).is_file():
        return load_plan_file(saved, known_plan_ids=builtin_plans())
    return get_builtin_plan(name)


@app.command("plans")
def list_plans() -> None:
    """List the built-in plans."""
    table = Table("Plan", "Title", "Rounds", "What it is")
    for plan in builtin_plans().values():
        table.add_row(plan.id, plan.title, str(plan.rounds), plan.summary)
    console.print(table)
    console.print("Show one with: repcoach show PLAN")


@app.command("show")
def show_plan(plan: Annotated[str, typer.Argument(help="A built-in plan id or a plan file (.toml/.yaml).")]) -> None:
    """Show a plan as a table: blocks, moves, targets, bells and rests."""
    console.print(plan_view(resolve_plan(plan)))


@app.command("check")
def check_plan(path: Annotated[Path, typer.Argument(help="Your plan file (.toml, .yaml or .yml).")]) -> None:
    """Validate your own plan file; every problem is reported with its line and field."""
    plan = load_plan_file(path, known_plan_ids=builtin_plans())
    moves = sum(len(block.moves) for block in plan.blocks)
    console.print(f"[green]OK[/green] {path}: '{plan.title}' ({plan.id}), {len(plan.blocks)} blocks, {moves} moves.")
    console.print(f"Run it with: repcoach run {path}")


@app.command("explain")
def explain(move: Annotated[str, typer.Argument(help="A move's id or name, e.g. single-arm-row.")]) -> None:
    """Explain a move: equipment, muscles, pattern, sides, coaching cues and common mistakes."""
    exercise = load_catalogue().get(move)
    used_in = [plan.id for plan in builtin_plans().values() if exercise.id in plan.exercise_ids()]
    console.print(exercise_view(exercise, used_in))


exercises_app = typer.Typer(no_args_is_help=False)
app.add_typer(exercises_app, name="exercises")


@exercises_app.callback(invoke_without_command=True)
def list_exercises(ctx: typer.Context) -> None:
    """List every move in the library, and the custom moves your imports added."""
    if ctx.invoked_subcommand is not None:
        return
    table = Table("Id", "Name", "Pattern", "Equipment")
    for exercise in sorted(load_catalogue(), key=lambda exercise: exercise.id):
        table.add_row(exercise.id, exercise.name, exercise.pattern, ", ".join(exercise.equipment))
    with ctx.obj.open_store() as store:
        profile = store.get_profile()
        custom = store.custom_exercises(profile.id) if profile else []
    for record in custom:
        table.add_row(record.exercise_id, f"{record.name} (custom)", record.pattern or "?", "")
    console.print(table)


@exercises_app.command("map")
def map_exercise(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The custom move, as the imported file names it or by its id.")],
    pattern: Annotated[str, typer.Option("--pattern", help=f"One of: {', '.join(PATTERNS)}.")],
) -> None:
    """Set the movement pattern of a custom move from an import, which push/pull balance counts it by."""
    if pattern not in PATTERNS:
        raise InvalidInput(
            [Problem(f"'{pattern}' is not a pattern; use one of {', '.join(PATTERNS)}", field="--pattern")]
        )
    with ctx.obj.open_store() as store:
        profile = store.get_profile()
        custom = store.custom_exercises(profile.id) if profile else []
        found = next((record for record in custom if record.exercise_id in (name, custom_id(name))), None)
        if profile is None or found is None:
            known = ", ".join(record.name for record in custom) or "none yet"
            raise InvalidInput([Problem(f"there is no custom move '{name}' (yours: {known})", field="NAME")])
        store.set_custom_pattern(profile.id, found.exercise_id, pattern)
    console.print(f"{found.name} now counts as {pattern}.")
