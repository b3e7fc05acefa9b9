"""Commands that train and look back: run, resume, history."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.console import Console

from repcoach.cli.app import app
from repcoach.cli.finish_view import finish_view
from repcoach.cli.history_view import history_view
from repcoach.cli.plan_commands import resolve_plan
from repcoach.cli.questions import ask, ensure_profile, parse_yes_no
from repcoach.cli.runner import SessionRunner
from repcoach.cli.terminal import CuePlayer, LineInput
from repcoach.errors import InvalidInput, Problem, RepcoachError
from repcoach.plan import Plan
from repcoach.plan.builtins import builtin_shelf, get_builtin_plan
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import advice_history, recent_history, user_catalogue
from repcoach.service.finish_report import finish_report
from repcoach.service.live_session import LiveSession, utc_now
from repcoach.session import Clock, MonotonicClock, Program, ScaledClock
from repcoach.store import ProfileRecord, Store

console = Console()

DEFAULT_WARMUP = "upper-body-warmup"


def time_scale(environ: Mapping[str, str]) -> float:
    """``REPCOACH_TIME_SCALE``: how many times faster session time runs (1 when unset)."""
    text = environ.get("REPCOACH_TIME_SCALE", "").strip()
    try:
        scale = float(text) if text else 1.0
    except ValueError:
        scale = 0.0
    if not scale > 0:
        raise InvalidInput([Problem(f"must be a number above 0, got '{text}'", source="REPCOACH_TIME_SCALE")])
    return scale


def _clock(scale: float) -> Clock:
    return MonotonicClock() if scale == 1.0 else ScaledClock(scale)


def _guide(
    live: LiveSession, store: Store, profile: ProfileRecord, lines: LineInput, voice: bool, plans: Mapping[str, Plan]
) -> None:
    """Run the session in the terminal; at its end, its report (``plans``: the plans it runs, by id)."""
    catalogue = live.engine.program.exercise_lookup()
    runner = SessionRunner(
        live=live,
        console=console,
        lines=lines,
        cues=CuePlayer(console, voice=voice),
        catalogue=catalogue,
        advisor=BellAdvisor(
            profile,
            advice_history(store, profile.id, live.engine.program.moves, live.record.started_at),
            utc_now(),
        ),
        unit=profile.units,
    )
    if runner.run():
        record = store.get_session(live.record.id)
        assert record is not None  # it was just run
        now = utc_now()
        history = recent_history(store, profile.id, now)
        console.print(finish_view(finish_report(record, store.sets(record.id), history, plans, profile, now)))


VoiceOption = Annotated[
    bool, typer.Option("--voice/--no-voice", help="Speak cues with espeak-ng when it is installed.")
]


@app.command("run")
def run(
    ctx: typer.Context,
    plan: Annotated[str, typer.Argument(help="A built-in plan id or your plan file.")] = "kettlebell-back",
    warmup: Annotated[bool, typer.Option("--warmup", help="Start with the plan's warm-up.")] = False,
    paired: Annotated[
        list[str] | None, typer.Option("--with", help="Add another plan after this one, e.g. legs-glutes.")
    ] = None,
    voice: VoiceOption = True,
) -> None:
    """Guide a session: moves, targets, bells, rest countdowns and beeps; every set is saved at once."""
    main = resolve_plan(plan)
    warm = get_builtin_plan(main.warmup or DEFAULT_WARMUP) if warmup else None
    paired_plans = [resolve_plan(other) for other in paired or []]
    program = Program.compose(main, warm, paired_plans)
    with ctx.obj.open_store() as store:
        lines = ctx.obj.lines
        profile = ensure_profile(store, console, lines)
        unfinished = store.unfinished_session(profile.id)
        if unfinished is not None and _resume_instead(unfinished.title, lines):
            live = LiveSession.resume(store, unfinished, _clock(time_scale(os.environ)))
        else:
            if unfinished is not None:
                last_events = store.events(unfinished.id)[-1:]
                store.finish_session(unfinished.id, last_events[0].at if last_events else unfinished.started_at)
            live = LiveSession.start(store, profile, program, _clock(time_scale(os.environ)))
        _guide(live, store, profile, lines, voice, {plan.id: plan for plan in (main, warm, *paired_plans) if plan})


def _resume_instead(title: str, lines: LineInput) -> bool:
    return ask(
        console,
        lines,
        f"You have an unfinished session ({title}). Continue it instead? (y/n)",
        "y",
        parse_yes_no,
    )


@app.command("resume")
def resume(ctx: typer.Context, voice: VoiceOption = True) -> None:
    """Continue an unfinished session at the exact step where it stopped (also after a crash)."""
    with ctx.obj.open_store() as store:
        profile = store.get_profile()
        unfinished = store.unfinished_session(profile.id) if profile else None
        if profile is None or unfinished is None:
            raise RepcoachError("There is no unfinished session. Start one with: repcoach run kettlebell-back")
        console.print(
            f"Resuming [bold]{unfinished.title}[/bold] started {unfinished.started_at.astimezone():%a %d %b %H:%M}."
        )
        live = LiveSession.resume(store, unfinished, _clock(time_scale(os.environ)))
        builtins = builtin_shelf().plans
        plans = {plan_id: builtins[plan_id] for plan_id in unfinished.plan_ids if plan_id in builtins}
        _guide(live, store, profile, ctx.obj.lines, voice, plans)


@app.command("history")
def history(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many sessions, newest first.")] = 10,
) -> None:
    """List past sessions with their sets."""
    with ctx.obj.open_store() as store:
        profile = store.get_profile()
        sessions = store.list_sessions(profile.id, limit=limit) if profile else []
        if not sessions:
            console.print("No sessions yet. Start one with: repcoach run kettlebell-back")
            return
        assert profile is not None  # sessions belong to a profile
        catalogue = user_catalogue(store, profile.id)
        console.print(history_view(sessions, catalogue, profile.units, ZoneInfo(profile.time_zone)))
