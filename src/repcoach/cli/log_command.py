"""``repcoach log``: training done outside repcoach's plans, so balance and progress see all of it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

import typer
from rich.console import Console

from repcoach.cli.app import app
from repcoach.cli.questions import ensure_profile
from repcoach.cli.set_entry import parse_sets
from repcoach.errors import InvalidInput, Problem
from repcoach.library import load_catalogue
from repcoach.service.live_session import utc_now
from repcoach.store import NewSet
from repcoach.units import format_weight, parse_weight

console = Console()

SET_SPACING = timedelta(minutes=3)
"""Logged sets are timed this far apart, so they keep their order in history."""


def parse_when(text: str | None, now: datetime) -> datetime:
    """``2026-11-23 18:00`` or ``2026-11-23`` in local time (default: now), as an aware datetime."""
    if text is None:
        return now
    for layout in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), layout).astimezone()
        except ValueError:
            continue
    raise InvalidInput([Problem(f"'{text}' is not a time; write it like 2026-11-23 18:00", field="--at")])


@app.command("log")
def log(
    ctx: typer.Context,
    exercise: Annotated[str, typer.Argument(help='The move, by id or name: "bench press", pull-up, RDL.')],
    sets: Annotated[str, typer.Argument(help="Sets x reps (3x8) or reps per set (8,8,6).")],
    weight: Annotated[
        str | None, typer.Option("--weight", "-w", help="Load per set in your unit, or 60kg / 135lb.")
    ] = None,
    rir: Annotated[
        int | None, typer.Option("--rir", min=0, max=10, help="Reps in reserve at the end of each set.")
    ] = None,
    at: Annotated[str | None, typer.Option("--at", help="When, local time: 2026-11-23 18:00 (default: now).")] = None,
) -> None:
    """Log a workout done outside repcoach's plans, e.g. a chest day: repcoach log "bench press" 3x8 -w 60."""
    move = load_catalogue().get(exercise)
    try:
        reps = parse_sets(sets)
    except ValueError as error:
        raise InvalidInput([Problem(str(error), field="SETS")]) from None
    started = parse_when(at, utc_now())
    with ctx.obj.open_store() as store:
        profile = ensure_profile(store, console, ctx.obj.lines)
        try:
            weight_kg = parse_weight(weight, profile.units) if weight is not None else None
        except ValueError as error:
            raise InvalidInput([Problem(str(error), field="--weight")]) from None
        new_sets = [
            NewSet(
                exercise_id=move.id,
                plan_id="",
                block_name=move.name,
                round=1,
                side=None,
                reps=count,
                reps_target_low=None,
                reps_target_high=None,
                hold_seconds=None,
                weight_kg=weight_kg,
                rir=rir,
                finished_at=started + SET_SPACING * (number - 1),
            )
            for number, count in enumerate(reps, start=1)
        ]
        store.record_workout(profile.id, move.name, new_sets, started, new_sets[-1].finished_at)
    load = f" at {format_weight(weight_kg, profile.units)}" if weight_kg is not None else ""
    effort = f", RIR {rir}" if rir is not None else ""
    console.print(
        f"[green]Logged[/green] {move.name}: {', '.join(map(str, reps))} reps{load}{effort} "
        f"({started.astimezone():%a %d %b %H:%M})."
    )
