"""When the next session of a plan is allowed and advised, and why.

Recovery is judged by muscles: a session must wait ``min_hours_between`` (a day) and should wait
``ideal_hours_between`` (48 h) after the last session that trained any of the same primary
muscles, whatever plan it came from. Frequency is judged per plan: at most
``sessions_per_week.high`` sessions of the plan in a Monday-Sunday week. Advice falls on the
user's preferred days at their preferred time, never before ``now``: a missed session is not
caught up, the plan simply shifts on.

Hours are counted from the start of one session to the start of the next, so Monday, Wednesday
and Friday at 18:00 are exactly 48 h apart however long each session lasts. All arithmetic is done
in UTC (Python subtracts two datetimes of one zone by wall clock, which is wrong across a DST
change); days and weeks are read in the user's zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

from repcoach.coach.balance import is_hard
from repcoach.coach.history import LoggedSet
from repcoach.library import Catalogue, load_catalogue
from repcoach.plan import IntRange, Plan

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHORT_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

LATE_START_SLACK = timedelta(hours=3)
"""Recovery may push a session this far past the preferred time on the same day (19:00 instead
of 18:00) before the advice moves to the next preferred day instead."""
LAYOFF = timedelta(days=14)
"""After this long without the plan, the advice says to restart a step lighter."""
_SEARCH_WEEKS = 8
"""How far ahead a free slot is looked for; check_preferences guarantees one within two weeks."""


@dataclass(frozen=True)
class SessionDone:
    """A session as recovery sees it: when it started and which muscles it trained hard."""

    plan_id: str | None
    """The plan it followed; None for training logged outside repcoach plans."""
    started_at: datetime
    """Timezone-aware; for logged sets, when the first set was finished."""
    muscles: frozenset[str]
    """Primary muscles of the strength moves done; warm-up, accessory and mobility work left out."""


@dataclass(frozen=True)
class Preferences:
    """When the user likes to train."""

    days: frozenset[int]
    """Weekdays, 0 = Monday ... 6 = Sunday."""
    time: time
    """Preferred start time on those days, local (naive ``time``)."""
    tz: ZoneInfo
    """The user's time zone, in which days and weeks are read."""

    def __post_init__(self) -> None:
        if bad := sorted(day for day in self.days if not 0 <= day <= 6):
            raise ValueError(f"weekdays run from 0 (Monday) to 6 (Sunday), got {', '.join(map(str, bad))}")


@dataclass(frozen=True)
class SessionAdvice:
    """When the next session of a plan may happen, when it should, and why."""

    allowed_from: datetime
    """The earliest start that respects the minimum recovery (never before ``now``)."""
    advised_at: datetime
    """The advised start: a preferred day and time with full recovery and room in the week."""
    reason: str
    """Why ``advised_at``, as sentences: ``Thursday 18:00 or later: 48 h after Tuesday's ...``."""
    allowed_reason: str
    """Why ``allowed_from``: ``Allowed from Wednesday 18:00: 24 h after ...`` or ``Allowed now.``."""
    restart_lighter: bool = False
    """Two weeks or more since the plan was last done: start a step lighter."""


@dataclass(frozen=True)
class _Slot:
    start: datetime
    skipped_for_recovery: bool = False
    skipped_for_full_week: bool = False
    full_week_count: int = 0
    moved_later: bool = False
    """The start was moved past the preferred time on the same day to complete the recovery."""


def plan_muscles(plan: Plan, catalogue: Catalogue | None = None) -> frozenset[str]:
    """Primary muscles of the plan's strength moves (accessory and mobility work need no recovery)."""
    return _muscles_of(plan.exercise_ids(), catalogue or load_catalogue())


def sessions_from_sets(sets: Iterable[LoggedSet], catalogue: Catalogue | None = None) -> list[SessionDone]:
    """Group logged sets into sessions, oldest first.

    A session starts with its first set; its muscles are those of its hard sets (see
    :func:`repcoach.coach.balance.is_hard`), so easy warm-up sets and unknown exercises add none.
    """
    catalogue = catalogue or load_catalogue()
    grouped: dict[str, list[LoggedSet]] = defaultdict(list)
    for logged in sets:
        grouped[logged.session_id].append(logged)
    sessions = [
        SessionDone(
            plan_id=next((s.plan_id for s in group if s.plan_id), None),
            started_at=min(s.finished_at for s in group),
            muscles=_muscles_of((s.exercise_id for s in group if is_hard(s)), catalogue),
        )
        for group in grouped.values()
    ]
    return sorted(sessions, key=lambda session: session.started_at)


def check_preferences(days: Iterable[int], sessions_per_week: IntRange, ideal_hours: int) -> None:
    """Check that the preferred days can hold the plan's weekly sessions ``ideal_hours`` apart.

    Sessions fall at one time of day, so two days ``k`` days apart are ``24 k`` hours apart; the
    week repeats, so the gap from the last day to the first day of the next week counts too.

    Raises:
        ValueError: no days, a day outside 0-6, or too few days far enough apart.
    """
    chosen = sorted(set(days))
    if not chosen:
        raise ValueError("pick at least one preferred training day, e.g. Mon, Wed, Fri")
    if bad := [day for day in chosen if not 0 <= day <= 6]:
        raise ValueError(f"weekdays run from 0 (Monday) to 6 (Sunday), got {', '.join(map(str, bad))}")
    if most_sessions_per_week(chosen, ideal_hours) >= sessions_per_week.low:
        return
    names = _join([SHORT_DAY_NAMES[day] for day in chosen])
    gap_days = max(1, -(-ideal_hours // 24))
    if sessions_per_week.low * gap_days > 7:
        raise ValueError(f"{sessions_per_week} sessions a week cannot be {ideal_hours} h apart: a week has only 168 h")
    example = ", ".join(SHORT_DAY_NAMES[day] for day in range(0, 7, gap_days)[: sessions_per_week.high])
    raise ValueError(
        f"{names} cannot hold {sessions_per_week} sessions a week {ideal_hours} h apart; "
        f"pick days at least {_count_words(gap_days)} apart, e.g. {example}"
    )


def most_sessions_per_week(days: Iterable[int], ideal_hours: int) -> int:
    """How many of ``days`` a weekly routine can use with every gap at least ``ideal_hours``."""
    chosen = sorted(set(days))
    for size in range(len(chosen), 0, -1):
        for subset in combinations(chosen, size):
            gaps = [b - a for a, b in zip(subset, subset[1:], strict=False)] + [subset[0] + 7 - subset[-1]]
            if min(gaps) * 24 >= ideal_hours:
                return size
    return 0


def next_session(
    plan: Plan, history: Sequence[SessionDone], prefs: Preferences, now: datetime, catalogue: Catalogue | None = None
) -> SessionAdvice:
    """When the next session of ``plan`` is allowed and advised, with the reasons.

    Args:
        plan: the plan to schedule.
        history: sessions done, of any plan or logged outside plans; later than ``now`` is ignored.
        prefs: preferred days, time and time zone.
        now: the current time, timezone-aware.
        catalogue: where muscles are looked up (default: the built-in catalogue).

    Raises:
        ValueError: ``now`` without a time zone, or preferred days that cannot fit the plan.
    """
    now = _utc(now, "now")
    check_preferences(prefs.days, plan.schedule.sessions_per_week, plan.schedule.ideal_hours_between)
    muscles = plan_muscles(plan, catalogue)
    past = [session for session in history if _utc(session.started_at, "a session's start") <= now]
    last = _last_overlapping(past, muscles)
    own = [session for session in past if session.plan_id == plan.id]
    slot = _first_slot(plan, past, muscles, prefs, now)

    allowed_from, allowed_reason = now, "Allowed now."
    if last is not None:
        earliest = _utc(last.started_at, "") + timedelta(hours=plan.schedule.min_hours_between)
        if earliest > now:
            allowed_from = earliest
            allowed_reason = (
                f"Allowed from {_when(earliest, now, prefs.tz)}: "
                f"{plan.schedule.min_hours_between} h after {_describe(last, plan, muscles, now, prefs.tz)}."
            )

    reason = _reason(plan, slot, last, past, muscles, prefs, now)
    time_off = now - max((_utc(session.started_at, "") for session in own), default=now)
    restart = time_off >= LAYOFF
    if restart:
        reason += f" It has been {time_off.days} days since your last {plan.title}: restart a step lighter."
    return SessionAdvice(
        allowed_from.astimezone(prefs.tz), slot.start.astimezone(prefs.tz), reason, allowed_reason, restart
    )


def upcoming_sessions(
    plan: Plan,
    history: Sequence[SessionDone],
    prefs: Preferences,
    now: datetime,
    weeks: int,
    catalogue: Catalogue | None = None,
) -> list[datetime]:
    """Planned starts of the plan's sessions from ``now`` for ``weeks`` weeks, in the user's zone.

    Each follows the rules of :func:`next_session` given the sessions before it, so they fall on
    preferred days, ``ideal_hours_between`` apart, at most ``sessions_per_week.high`` a week.

    Raises:
        ValueError: ``weeks`` below 1, ``now`` without a time zone, or preferences that cannot fit.
    """
    if weeks < 1:
        raise ValueError(f"plan at least 1 week ahead, got {weeks}")
    now = _utc(now, "now")
    check_preferences(prefs.days, plan.schedule.sessions_per_week, plan.schedule.ideal_hours_between)
    muscles = plan_muscles(plan, catalogue)
    end = now + timedelta(weeks=weeks)
    known = [session for session in history if _utc(session.started_at, "a session's start") <= now]
    planned: list[datetime] = []
    cursor = now
    while True:
        start = _first_slot(plan, known, muscles, prefs, cursor).start
        if start >= end:
            return planned
        planned.append(start.astimezone(prefs.tz))
        known.append(SessionDone(plan.id, start, muscles))
        cursor = start + timedelta(minutes=1)


def _first_slot(
    plan: Plan, past: Sequence[SessionDone], muscles: frozenset[str], prefs: Preferences, now: datetime
) -> _Slot:
    """The first preferred start at or after ``now`` with full recovery and room in its week."""
    last = _last_overlapping(past, muscles)
    ready = now
    if last is not None:
        ready = max(now, _utc(last.started_at, "") + timedelta(hours=_recovery_hours(plan)))
    per_week = _sessions_per_week(past, plan.id, prefs.tz)
    skipped_for_recovery = skipped_for_full_week = False
    full_count = 0
    day = now.astimezone(prefs.tz).date()
    for offset in range(_SEARCH_WEEKS * 7):
        current = day + timedelta(days=offset)
        if current.weekday() not in prefs.days:
            continue
        start = datetime.combine(current, prefs.time, tzinfo=prefs.tz).astimezone(UTC)
        if start < now:
            continue
        moved_later = False
        if start < ready:
            if ready.astimezone(prefs.tz).date() == current and ready - start <= LATE_START_SLACK:
                start, moved_later = _round_up(ready), True
            else:
                skipped_for_recovery = True
                continue
        count = per_week.get(_monday(current), 0)
        if count >= plan.schedule.sessions_per_week.high:
            skipped_for_full_week, full_count = True, count
            continue
        return _Slot(start, skipped_for_recovery, skipped_for_full_week, full_count, moved_later)
    raise ValueError(f"no preferred day in the next {_SEARCH_WEEKS} weeks has room for {plan.title}")


def _reason(
    plan: Plan,
    slot: _Slot,
    last: SessionDone | None,
    past: Sequence[SessionDone],
    muscles: frozenset[str],
    prefs: Preferences,
    now: datetime,
) -> str:
    when = _when(slot.start, now, prefs.tz)
    hours = _recovery_hours(plan)
    if last is not None and _recovery_explains(slot, _utc(last.started_at, "") + timedelta(hours=hours), now):
        return f"{when} or later: {hours} h after {_describe(last, plan, muscles, now, prefs.tz)}."
    if slot.skipped_for_full_week:
        return (
            f"{when}: this week already has {slot.full_week_count} sessions of {plan.title}, "
            f"the most the plan asks for ({plan.schedule.sessions_per_week} a week)."
        )
    if last is None:
        return f"{when}: your next preferred day; nothing you did lately trains the same muscles."
    missed = _missed_slot(plan, past, muscles, prefs, now)
    if missed is not None:
        return (
            f"{when}: the session advised for {_when(missed, now, prefs.tz, past=True)} was missed; "
            "the plan shifts on, with no need to catch up."
        )
    return f"{when}: your next preferred day, fully recovered from {_describe(last, plan, muscles, now, prefs.tz)}."


def _recovery_hours(plan: Plan) -> int:
    """The ideal wait, or the minimum if a plan file sets that higher."""
    return max(plan.schedule.ideal_hours_between, plan.schedule.min_hours_between)


def _recovery_explains(slot: _Slot, ready: datetime, now: datetime) -> bool:
    """Whether recovery ruled out an earlier day, or the advised day is the one recovery ends on."""
    return slot.skipped_for_recovery or slot.moved_later or (ready > now and slot.start - ready < timedelta(days=1))


def _missed_slot(
    plan: Plan, past: Sequence[SessionDone], muscles: frozenset[str], prefs: Preferences, now: datetime
) -> datetime | None:
    """The start that would have been advised right after the last session, if it is past, within a week."""
    last = _last_overlapping(past, muscles)
    if last is None:
        return None
    earlier = _first_slot(plan, past, muscles, prefs, _utc(last.started_at, "")).start
    return earlier if now - timedelta(days=7) <= earlier < now else None


def _last_overlapping(past: Iterable[SessionDone], muscles: frozenset[str]) -> SessionDone | None:
    overlapping = [session for session in past if session.muscles & muscles]
    return max(overlapping, key=lambda session: _utc(session.started_at, ""), default=None)


def _sessions_per_week(past: Iterable[SessionDone], plan_id: str, zone: ZoneInfo) -> dict[date, int]:
    counts: dict[date, int] = defaultdict(int)
    for session in past:
        if session.plan_id == plan_id:
            counts[_monday(session.started_at.astimezone(zone).date())] += 1
    return counts


def _describe(session: SessionDone, plan: Plan, muscles: frozenset[str], now: datetime, zone: ZoneInfo) -> str:
    """``Tuesday's Kettlebell back workout`` or ``Tuesday's session that trained glutes``."""
    day = _day(session.started_at, now, zone, past=True)
    if session.plan_id == plan.id:
        return f"{day}'s {plan.title}"
    shared = _join(sorted(session.muscles & muscles))
    return f"{day}'s session that trained {shared}"


def _when(moment: datetime, now: datetime, zone: ZoneInfo, past: bool = False) -> str:
    """``Thursday 18:00``, ``today 18:00``, or ``Monday 8 December 18:00`` beyond the coming week."""
    return f"{_day(moment, now, zone, past)} {moment.astimezone(zone):%H:%M}"


def _day(moment: datetime, now: datetime, zone: ZoneInfo, past: bool = False) -> str:
    local, today = moment.astimezone(zone).date(), now.astimezone(zone).date()
    distance = (today - local).days if past else (local - today).days
    if distance == 0:
        return "today"
    if 0 < distance < 7:
        return DAY_NAMES[local.weekday()]
    return f"{DAY_NAMES[local.weekday()]} {local.day} {local:%B}"


def _muscles_of(exercise_ids: Iterable[str], catalogue: Catalogue) -> frozenset[str]:
    """Primary muscles of the strength moves among ``exercise_ids``.

    Accessory and mobility work (a light halo, arm circles) does not call for 48 h of
    recovery; counting it would let a bench-press day (triceps) hold back a back session
    whose only triceps work is the halo.
    """
    found = (catalogue.find(exercise_id) for exercise_id in exercise_ids)
    return frozenset(
        muscle
        for exercise in found
        if exercise is not None and exercise.kind == "strength"
        for muscle in exercise.primary_muscles
    )


def _utc(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what or 'a time'} needs a time zone, got {moment.isoformat()}")
    return moment.astimezone(UTC)


def _round_up(moment: datetime, minutes: int = 15) -> datetime:
    step = timedelta(minutes=minutes)
    floor = moment.replace(second=0, microsecond=0) - timedelta(minutes=moment.minute % minutes)
    return floor if floor == moment else floor + step


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _count_words(days: int) -> str:
    words = ("one day", "two days", "three days", "four days", "five days", "six days", "seven days")
    return words[days - 1] if days <= len(words) else f"{days} days"
