"""Progress: best sets, estimated 1RM trend and weekly volume (stats), and plots of them (plot)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, cast
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from repcoach.cli.app import app, write_output
from repcoach.cli.questions import ensure_profile
from repcoach.coach.e1rm import e1rm_trend, set_e1rm
from repcoach.coach.history import LoggedSet
from repcoach.coach.stats import WeekVolume, best_sets, weekly_volume
from repcoach.errors import InvalidInput, Problem
from repcoach.io.plots import PlotFormat, progress_plot
from repcoach.library import Exercise, load_catalogue
from repcoach.service.coaching import recent_history, session_points, user_catalogue
from repcoach.service.live_session import utc_now
from repcoach.units import Unit, format_weight

console = Console()

WeeksOption = Annotated[int, typer.Option("--weeks", min=1, max=520, help="How many weeks back.")]


@app.command("stats")
def stats(
    ctx: typer.Context,
    move: Annotated[str | None, typer.Argument(help="A move (id or name); none: every pattern.")] = None,
    weeks: WeeksOption = 8,
) -> None:
    """Best sets, estimated 1RM trend and weekly volume for a move, or weekly volume per pattern."""
    catalogue = load_catalogue()
    exercise = catalogue.get(move) if move else None
    now = utc_now()
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        sets = recent_history(store, profile.id, now, weeks=weeks)
        exercises = user_catalogue(store, profile.id)
    zone = ZoneInfo(profile.time_zone)
    unit = profile.units
    if exercise is None:
        by_pattern = weekly_volume(sets, lambda logged: exercises.pattern_of(logged.exercise_id), zone)
        _volume_table(f"Weekly volume per pattern, last {weeks} weeks", by_pattern, unit)
        return
    own = [logged for logged in sets if logged.exercise_id == exercise.id]
    if not own:
        console.print(f"No sets of {exercise.name} in the last {weeks} weeks.")
        return
    best = Table("Best sets", "Date", "Load", "Reps", "RIR", "e1RM", title=exercise.name)
    for rank, logged in enumerate(best_sets(own), start=1):
        estimate = set_e1rm(logged) if exercise.kind == "strength" else None
        best.add_row(
            str(rank),
            f"{logged.finished_at.astimezone(zone):%a %d %b}",
            format_weight(logged.weight_kg, unit) if logged.weight_kg else "bodyweight",
            str(logged.reps),
            "-" if logged.rir is None else str(logged.rir),
            format_weight(estimate, unit) if estimate else "-",
        )
    console.print(best)
    _trend_table(exercise, own, zone, unit)
    _volume_table(f"Weekly volume of {exercise.name}", weekly_volume(own, lambda logged: exercise.id, zone), unit)


def _trend_table(exercise: Exercise, sets: list[LoggedSet], zone: ZoneInfo, unit: Unit) -> None:
    trend = e1rm_trend(sets, exercise, zone)
    if not trend:
        console.print(f"No 1RM estimate for {exercise.name}: it is not a strength lift, or no set was rated.")
        return
    table = Table("Session", "Estimated 1RM", title="Estimated 1RM (Epley, reps + RIR)")
    for point in trend:
        table.add_row(f"{point.day:%a %d %b}", format_weight(point.e1rm_kg, unit))
    console.print(table)


def _volume_table(title: str, weeks: list[WeekVolume], unit: Unit) -> None:
    table = Table("Week of", "What", "Sets", "Reps", "Volume", title=title)
    for week in weeks:
        volume = format_weight(week.volume_kg, unit) if week.volume_kg else "-"
        table.add_row(f"{week.week_start:%d %b}", week.key, str(week.sets), str(week.reps), volume)
    console.print(table if weeks else "Nothing logged in that time.")


@app.command("plot")
def plot(
    ctx: typer.Context,
    move: Annotated[str, typer.Argument(help="A move (id or name).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="A .png or .svg file to write.")],
    weeks: WeeksOption = 26,
) -> None:
    """Plot a move's bell and estimated 1RM over time, and rounds per session, as PNG or SVG."""
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise InvalidInput([Problem("a plot is written as .png or .svg", source=str(output), field="--output")])
    exercise = load_catalogue().get(move)
    now = utc_now()
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        sets = recent_history(store, profile.id, now, weeks=weeks)
    points = session_points(sets, exercise.id, ZoneInfo(profile.time_zone), exercise.kind == "strength")
    if not points:
        raise InvalidInput([Problem(f"no sets of {exercise.name} in the last {weeks} weeks to plot", field="MOVE")])
    write_output(output, progress_plot(exercise.name, points, profile.units, cast(PlotFormat, fmt)))
    console.print(f"[green]Wrote[/green] {output}: {len(points)} sessions of {exercise.name}.")
