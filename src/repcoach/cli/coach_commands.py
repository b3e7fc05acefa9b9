"""Coaching commands: the next weights, when to train next, a calendar of sessions, push/pull balance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from repcoach.cli.app import app, write_output
from repcoach.cli.plan_commands import resolve_plan
from repcoach.cli.questions import ensure_profile
from repcoach.coach.balance import balance_reports
from repcoach.coach.schedule import next_session, sessions_from_sets, upcoming_sessions
from repcoach.io.calendar import sessions_ics
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import preferences, recent_history, user_catalogue
from repcoach.service.live_session import utc_now
from repcoach.service.settings import TRAINING_PLANS
from repcoach.units import format_weight

console = Console()

"""The built-in plans that are sessions of their own (the warm-up is not)."""


@app.command("next")
def next_sessions(
    ctx: typer.Context,
    plans: Annotated[list[str] | None, typer.Argument(help="Plans to schedule (default: the built-in ones).")] = None,
) -> None:
    """When each plan's next session is allowed and advised, and why (recovery, days, sessions a week)."""
    now = utc_now()
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        done = sessions_from_sets(recent_history(store, profile.id, now))
    prefs = preferences(profile)
    table = Table("Plan", "Advised", "Allowed from", "Why")
    for plan in [resolve_plan(name) for name in plans or TRAINING_PLANS]:
        advice = next_session(plan, done, prefs, now)
        table.add_row(
            plan.id,
            f"{advice.advised_at:%a %d %b %H:%M}",
            f"{advice.allowed_from:%a %d %b %H:%M}",
            f"{advice.reason}\n{advice.allowed_reason}"
            + ("\nRestart a step lighter." if advice.restart_lighter else ""),
        )
    console.print(table)
    days = ", ".join(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day] for day in profile.preferred_days)
    console.print(
        f"Your training days: {days} at {profile.preferred_time} ({profile.time_zone}); "
        "change them with: repcoach setup --days mon,wed,fri --time 18:00"
    )


@app.command("calendar")
def calendar(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The .ics file to write.")],
    plan: Annotated[str, typer.Argument(help="The plan to schedule.")] = "kettlebell-back",
    weeks: Annotated[int, typer.Option("--weeks", min=1, max=26, help="How many weeks ahead.")] = 4,
    minutes: Annotated[int, typer.Option("--minutes", min=10, max=240, help="Length of each session.")] = 45,
) -> None:
    """Export the coming sessions as a calendar file (.ics) for any calendar app."""
    chosen = resolve_plan(plan)
    now = utc_now()
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        done = sessions_from_sets(recent_history(store, profile.id, now))
    starts = upcoming_sessions(chosen, done, preferences(profile), now, weeks)
    write_output(output, sessions_ics(chosen, starts, minutes))
    first = f", the first {starts[0]:%a %d %b %H:%M}" if starts else ""
    console.print(f"[green]Wrote[/green] {output}: {len(starts)} sessions of {chosen.title}{first}.")


@app.command("balance")
def balance(ctx: typer.Context) -> None:
    """Pulling against pushing over the last 7 and 28 days, with a warning when pushing outweighs pulling."""
    now = utc_now()
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        sets = recent_history(store, profile.id, now, weeks=5)
        exercises = user_catalogue(store, profile.id)
    reports = balance_reports(sets, now, exercises)
    table = Table("Last", "Push sets", "Pull + hinge sets", "Push : pull", "Push volume", "Pull volume")
    for report in reports:
        ratio = (
            f"{report.ratio:.1f} : 1" if report.ratio is not None else ("-" if not report.push_sets else "no pulling")
        )
        table.add_row(
            f"{report.window_days} days",
            f"{report.push_sets:g}",
            f"{report.pull_sets:g}",
            ratio,
            f"{report.push_volume_kg:,.0f} kg",
            f"{report.pull_volume_kg:,.0f} kg",
        )
    console.print(table)
    for report in reports:
        if report.warning:
            console.print(f"[yellow]⚠ {report.warning}[/yellow]")
    if not any(report.warning for report in reports):
        console.print("[green]Balanced:[/green] pulling and hinging keep up with pushing.")
    unknown = sorted(set().union(*(report.unknown for report in reports)))
    if unknown:
        console.print(f"Not counted (not in the library): {', '.join(unknown)}")


@app.command("next-weights")
def next_weights(
    ctx: typer.Context,
    plan: Annotated[str, typer.Argument(help="The plan whose moves to advise.")] = "kettlebell-back",
) -> None:
    """The bell, reps and rounds for each move next session, and why (from your effort ratings)."""
    chosen = resolve_plan(plan)
    now = utc_now()
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        sets = recent_history(store, profile.id, now)
    advisor = BellAdvisor(profile, sets, now)
    table = Table("Move", "Bell", "Reps", "Rounds", "Why", title=f"Next session: {chosen.title}")
    purchases = []
    for move, advice in advisor.plan_recommendations(chosen):
        bell = format_weight(advice.weight_kg, profile.units) if advice.weight_kg is not None else "-"
        if advice.first_round_kg is not None:
            bell = f"{format_weight(advice.first_round_kg, profile.units)} (round 1), then {bell}"
        table.add_row(
            chosen.exercise_lookup().get(move.exercise).name,
            bell,
            str(advice.target_reps) if advice.target_reps else move.target,
            str(advice.rounds) if advice.rounds else "-",
            advice.reason,
        )
        if advice.buy_reason:
            purchases.append(advice.buy_reason)
    console.print(table)
    for sentence in dict.fromkeys(purchases):
        console.print(f"[cyan]Buy next:[/cyan] {sentence}")
