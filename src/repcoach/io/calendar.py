"""Planned sessions as an iCalendar file (RFC 5545) that calendar apps import.

Each session is a VEVENT with a UID stable across exports (plan id and start), so importing the
file again updates events instead of duplicating them; starts carry their TZID and the calendar
holds the matching VTIMEZONE, as RFC 5545 requires. The function returns bytes; the caller writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from repcoach.library import Catalogue
from repcoach.library.custom import UserCatalogue
from repcoach.plan import Block, Plan
from repcoach.plan.quantities import format_seconds

PRODID = "-//repcoach//repcoach calendar export//EN"


def session_uid(plan: Plan, start: datetime) -> str:
    """The event's UID: the plan and the start in UTC, e.g. ``kettlebell-back-20261126T1700Z@repcoach``."""
    return f"{plan.id}-{start.astimezone(UTC):%Y%m%dT%H%MZ}@repcoach"


def sessions_ics(
    plan: Plan,
    starts: Sequence[datetime],
    duration_minutes: int,
    catalogue: Catalogue | UserCatalogue | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """An iCalendar file with one event per planned start of ``plan``.

    Args:
        plan: the plan the sessions follow; its title is each event's summary.
        starts: timezone-aware session starts, e.g. from ``coach.schedule.upcoming_sessions``.
        duration_minutes: how long each event lasts.
        catalogue: where move names are looked up (default: the library, then the plan's own moves).
        stamp: the DTSTAMP of every event (default: the current time).

    Raises:
        ValueError: a start without a time zone, or a duration below 1 minute.
    """
    if duration_minutes < 1:
        raise ValueError(f"a session lasts at least 1 minute, got {duration_minutes}")
    if naive := [start for start in starts if start.utcoffset() is None]:
        raise ValueError(f"session starts need a time zone, got {naive[0].isoformat()}")
    catalogue = catalogue or plan.exercise_lookup()
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    description = describe_plan(plan, catalogue)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"repcoach: {plan.title}")
    for start in sorted(starts):
        event = Event()
        event.add("uid", session_uid(plan, start))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=duration_minutes))
        event.add("summary", plan.title)
        event.add("description", description)
        event.add("categories", ["Workout"])
        calendar.add_component(event)
    if starts:
        first, last = min(starts), max(starts)
        calendar.add_missing_timezones(
            first_date=first.date() - timedelta(days=1), last_date=last.date() + timedelta(days=2)
        )
    return bytes(calendar.to_ical())


def describe_plan(plan: Plan, catalogue: Catalogue | UserCatalogue | None = None) -> str:
    """The plan as lines a person reads in a calendar event: rounds, then each block's moves and rest.

    ``Superset 1: Renegade row 6-10 reps, Romanian deadlift 6-10 reps; rest 90 s``
    """
    catalogue = catalogue or plan.exercise_lookup()
    rounds = f"{plan.rounds} round" + ("" if plan.rounds.high == 1 else "s")
    if plan.rest_after_round:
        rounds += f", {format_seconds(plan.rest_after_round)} rest after each round"
    lines = [f"{rounds}:"] + [_describe_block(block, catalogue) for block in plan.blocks]
    if plan.warmup:
        lines.append(f"Warm up first: repcoach run {plan.warmup}")
    lines.append(f"Start it with: repcoach run {plan.id}")
    return "\n".join(lines)


def _describe_block(block: Block, catalogue: Catalogue | UserCatalogue) -> str:
    moves = ", ".join(f"{_name(move.exercise, catalogue)} {move.target}" for move in block.moves)
    if block.timing:
        moves += f" ({block.timing})"
    elif block.sets > 1:
        moves += f" ({block.sets} sets)"
    rests = [
        f"{format_seconds(seconds)} {where}"
        for seconds, where in ((block.rest_between_moves, "between moves"), (block.rest_between_sets, "between sets"))
        if seconds
    ]
    if block.rest_after:
        rests.append(format_seconds(block.rest_after) + (" after the block" if rests else ""))
    return f"{block.name}: {moves}" + (f"; rest {', '.join(rests)}" if rests else "")


def _name(exercise_id: str, catalogue: Catalogue | UserCatalogue) -> str:
    exercise = catalogue.find(exercise_id)
    return exercise.name if exercise else exercise_id
