"""``repcoach import-text``: a workout written as prose (an article, a coach's notes) made a plan to run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from repcoach.cli.app import app, write_output
from repcoach.cli.questions import answered, ask, parse_yes_no
from repcoach.cli.render import plan_view
from repcoach.errors import InvalidInput, NoAnswer, Problem
from repcoach.io.article.extract import extract
from repcoach.io.user_plans import plan_id_for, user_plan_file
from repcoach.library import load_catalogue
from repcoach.plan.builtins import builtin_plans
from repcoach.plan.writing import plan_to_toml

console = Console()


@app.command("import-text")
def import_text(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A text file with the workout, or - to read it from the input.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the plan to this .toml file.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="The plan's name, to run it by (default: the file's).")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Keep the plan without asking, even when unsure.")] = False,
) -> None:
    """Read a workout written as prose into a plan: shows what it understood and what it could not use.

    When the reading is unsure (moves not in the library, no rounds or rests found) it asks before
    keeping the plan; --yes keeps it without asking. The plan is kept under its name, so
    `repcoach run NAME` runs it.
    """
    text, default_name = _read(file)
    plan_id = plan_id_for(name or default_name)
    if plan_id in builtin_plans():
        raise InvalidInput([Problem(f"'{plan_id}' is a built-in plan's name; choose another", field="--name")])
    title = name or default_name.replace("-", " ").capitalize()
    found = extract(text, load_catalogue(), plan_id=plan_id, title=title, source=file)
    console.print(plan_view(found.plan))
    for reading in found.readings:
        console.print(f"[cyan]Read as:[/cyan] {reading}", highlight=False, soft_wrap=True)
    if found.custom:
        console.print(
            f"[yellow]Not in the library:[/yellow] {', '.join(found.custom)}: the plan describes them itself "
            "(name and a guessed pattern, to correct in the plan file).",
            highlight=False,
            soft_wrap=True,
        )
    for line in found.unused:
        console.print(f"[dim]Not used (line {line.number}):[/dim] {line.text}", highlight=False, soft_wrap=True)
    if found.doubts and not yes and not _confirmed(ctx, found.doubts, stdin_is_the_text=file == "-"):
        console.print("Not saved.")
        raise typer.Exit(1)
    toml = plan_to_toml(found.plan).encode()
    kept = user_plan_file(plan_id)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(
            [Problem(f"cannot make the plans folder: {error.strerror}", source=str(kept.parent))]
        ) from None
    write_output(kept, toml)
    if output is not None:
        write_output(output, toml)
    console.print(f"[green]Saved[/green] as {plan_id}: run it with: repcoach run {plan_id}", highlight=False)


def _confirmed(ctx: typer.Context, doubts: list[str], *, stdin_is_the_text: bool) -> bool:
    """Whether the user keeps a plan read with ``doubts``, asked at the terminal.

    Raises:
        NoAnswer: nobody can answer (the text came on the input, or the input has ended).
    """
    for doubt in doubts:
        console.print(f"[yellow]Unsure:[/yellow] {doubt}", highlight=False, soft_wrap=True)
    nobody = "The reading is unsure and no one can confirm it here: run it again with --yes to keep it."
    if stdin_is_the_text:
        raise NoAnswer(nobody)
    lines = ctx.obj.lines
    return answered(
        lines,
        lambda: ask(console, lines, "Keep this plan?", "y", parse_yes_no),
        nobody=nobody,
        ended="The input ended before the answer: run it again with --yes to keep the plan.",
    )


def _read(file: str) -> tuple[str, str]:
    """The text and a name for its plan (the file's name without suffix, or ``article`` for the input)."""
    if file == "-":
        return sys.stdin.read(), "article"
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8", errors="replace"), path.stem
    except OSError as error:
        raise InvalidInput([Problem(error.strerror or str(error), source=file)]) from None
