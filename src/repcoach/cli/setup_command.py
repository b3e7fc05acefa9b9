"""``repcoach setup``: units, bells and level (asked, or given as options), training days and time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from repcoach.cli.app import app
from repcoach.cli.questions import answer_profile, ensure_profile, parse_experience, parse_unit
from repcoach.cli.zones import local_zone_name
from repcoach.coach import Experience
from repcoach.errors import InvalidInput, Problem
from repcoach.service.settings import DEFAULT_BELLS, check_days, is_zone, parse_clock_time, parse_days
from repcoach.store import ProfileRecord, Store
from repcoach.units import Unit, parse_weights

console = Console()
T = TypeVar("T")


@app.command("setup")
def setup(
    ctx: typer.Context,
    units: Annotated[str | None, typer.Option("--units", help="kg or lb.")] = None,
    bells: Annotated[str | None, typer.Option("--bells", help="The kettlebells you own, e.g. 8,12,16.")] = None,
    experience: Annotated[str | None, typer.Option("--experience", help="beginner, intermediate or advanced.")] = None,
    days: Annotated[str | None, typer.Option("--days", help="Training days, e.g. mon,wed,fri.")] = None,
    at: Annotated[str | None, typer.Option("--time", help="Usual start time, e.g. 18:00.")] = None,
    zone: Annotated[str | None, typer.Option("--tz", help="Time zone, e.g. Europe/Berlin.")] = None,
) -> None:
    """Set your units, bells and level (three questions, or their options), and your training days and time.

    Options not given keep what is set (or the defaults, on a first run); with any option, nothing is asked.
    """
    with ctx.obj.open_store() as store:
        current = store.get_profile()
        if units is not None or bells is not None or experience is not None:
            _save_profile_options(store, current, units, bells, experience)
        elif days is None and at is None and zone is None and current is not None:
            now = (current.units, list(current.bells_kg), current.experience)
            unit, owned, level = answer_profile(console, ctx.obj.lines, now)
            store.save_profile(units=unit, experience=level, bells_kg=owned)
        elif days is None and at is None and zone is None:
            ensure_profile(store, console, ctx.obj.lines)
        if days is not None or at is not None or zone is not None:
            profile = ensure_profile(store, console, ctx.obj.lines)
            chosen_days = _option(parse_days, days, "--days") if days else list(profile.preferred_days)
            _option(lambda _: check_days(chosen_days), days or "", "--days")
            chosen_time = _option(parse_clock_time, at, "--time") if at else profile.preferred_time
            if zone is not None and not is_zone(zone):
                raise InvalidInput([Problem(f"'{zone}' is not a time zone; write it like Europe/Berlin", field="--tz")])
            store.save_preferences(chosen_days, chosen_time, zone or profile.time_zone)
    console.print("[green]Saved.[/green]")


def _save_profile_options(
    store: Store, current: ProfileRecord | None, units: str | None, bells: str | None, experience: str | None
) -> None:
    """The first-run answers given as options; those not given keep what is set, or take the defaults."""
    unit: Unit = _option(parse_unit, units, "--units") if units else current.units if current else "kg"
    if bells is not None:
        owned = _option(lambda text: parse_weights(text, unit), bells, "--bells")
    else:
        owned = list(current.bells_kg) if current else parse_weights(DEFAULT_BELLS[unit], unit)
    fallback: Experience = current.experience if current else "beginner"
    level = _option(parse_experience, experience, "--experience") if experience else fallback
    saved = store.save_profile(units=unit, experience=level, bells_kg=owned)
    if current is None:
        store.save_preferences(saved.preferred_days, saved.preferred_time, local_zone_name())


def _option(parse: Callable[[str], T], text: str, name: str) -> T:
    try:
        return parse(text)
    except ValueError as error:
        raise InvalidInput([Problem(str(error), field=name)]) from None
