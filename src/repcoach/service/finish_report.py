"""What a finished session's last screen says: what was done, what changed since last time, what comes next.

The session page and the terminal both end a session with this report. It reads the session's own sets,
the recent history (this session in it) and the plans the session ran; a warm-up run before the plan
counts in what was done, not in what comes next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from repcoach.coach import Recommendation
from repcoach.coach.history import LoggedSet
from repcoach.coach.schedule import next_session, sessions_from_sets
from repcoach.library.custom import UserCatalogue
from repcoach.plan import Plan
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import preferences
from repcoach.service.session_summary import MoveLine, move_lines
from repcoach.session import Program
from repcoach.store import ProfileRecord, SessionRecord, SetRecord
from repcoach.units import Unit, format_weight, from_kg


@dataclass(frozen=True)
class NextMove:
    """The next-weight advice for one move."""

    name: str
    advice: str
    """``14 kg, 6-10 reps, 4 rounds`` (what of it applies)."""
    reason: str


@dataclass(frozen=True)
class NextTime:
    """When the next session of one of the plans done is allowed and advised."""

    title: str
    allowed: str
    """``Allowed from Wed 09 Dec 18:00: 48 h after …`` or ``Allowed now.``"""
    advised: str


@dataclass(frozen=True)
class FinishReport:
    title: str
    rounds: int
    """The most rounds of any plan done (a warm-up's one pass does not count)."""
    sets: int
    minutes: int
    volume: str | None
    """Reps times bell over every set with both, ``1,920 kg``; None when no set had a bell."""
    headline: str
    """All of the above in a line: ``3 rounds · 15 sets · 38 min · 1,920 kg moved``."""
    done: list[MoveLine]
    last_time: str | None
    """The day of the last session of the same plan, ``Mon 30 Nov``; None when this is the first."""
    changes: list[str]
    """Against that session, one line per move that was in both or in one of them."""
    next_moves: list[NextMove]
    next_times: list[NextTime]


def finish_report(
    session: SessionRecord,
    sets: Sequence[SetRecord],
    history: Sequence[LoggedSet],
    plans: Mapping[str, Plan],
    profile: ProfileRecord,
    now: datetime,
) -> FinishReport:
    """The report on ``session`` (finished), its ``sets``, at ``now``.

    Args:
        history: the recent sets, this session's among them, as coaching reads them.
        plans: the plans the session ran, by id; one missing (a kept plan since deleted) gets no schedule.
    """
    unit = profile.units
    prefs = preferences(profile)
    program = Program.from_dict(session.program)
    catalogue = program.exercise_lookup()
    trained = [segment for segment in program.segments if not segment.warmup]
    trained_ids = {segment.plan_id for segment in trained}
    own_sets = [logged for logged in sets if logged.plan_id in trained_ids] or list(sets)
    previous = _previous_session(session, history, trained[0].plan_id if trained else None)
    advisor = BellAdvisor(profile, history, now)
    next_moves: dict[str, NextMove] = {}
    for segment in trained:
        for move in (move for block in segment.blocks for move in block.moves):
            if move.load == "bodyweight" or move.exercise in next_moves:
                continue
            advice = advisor.recommendation(move, segment.loads.get(move.load) if move.load else None, segment.rounds)
            name = catalogue.name_of(move.exercise)
            next_moves[move.exercise] = NextMove(name, _advice_text(advice, unit), advice.reason)
    sessions = sessions_from_sets(history)
    next_times = []
    for segment in trained:
        plan = plans.get(segment.plan_id)
        if plan is None:
            continue
        when = next_session(plan, sessions, prefs, now)
        next_times.append(NextTime(segment.title, when.allowed_reason, f"Advised: {when.reason}"))
    rounds = max((logged.round for logged in own_sets), default=0)
    minutes = round(((session.finished_at or now) - session.started_at).total_seconds() / 60)
    volume = _volume(sets, unit)
    headline = [f"{rounds} round{'' if rounds == 1 else 's'}", f"{len(sets)} sets", f"{minutes} min"]
    return FinishReport(
        title=session.title,
        rounds=rounds,
        sets=len(sets),
        minutes=minutes,
        volume=volume,
        headline=" · ".join(headline + ([f"{volume} moved"] if volume else [])),
        done=move_lines(sets, catalogue, unit),
        last_time=None if not previous else f"{previous[0].finished_at.astimezone(prefs.tz):%a %d %b}",
        changes=_changes(own_sets, previous, catalogue, unit),
        next_moves=list(next_moves.values()),
        next_times=next_times,
    )


def _previous_session(session: SessionRecord, history: Sequence[LoggedSet], plan_id: str | None) -> list[LoggedSet]:
    """The sets of the last session of ``plan_id`` before ``session``, oldest first; [] when there is none."""
    earlier: dict[str, list[LoggedSet]] = {}
    for logged in history:
        if logged.session_id != session.id and logged.finished_at < session.started_at and logged.plan_id == plan_id:
            earlier.setdefault(logged.session_id, []).append(logged)
    if not earlier:
        return []
    return max(earlier.values(), key=lambda done: max(logged.finished_at for logged in done))


def _changes(today: Sequence[SetRecord], last: Sequence[LoggedSet], catalogue: UserCatalogue, unit: Unit) -> list[str]:
    """One line per move: its bell or its total reps (seconds, for a hold) against last time."""
    if not last:
        return []
    lines = []
    exercises = dict.fromkeys([logged.exercise_id for logged in today] + [logged.exercise_id for logged in last])
    for exercise_id in exercises:
        now_sets = [logged for logged in today if logged.exercise_id == exercise_id]
        then_sets = [logged for logged in last if logged.exercise_id == exercise_id]
        name = catalogue.name_of(exercise_id)
        if not then_sets:
            lines.append(f"{name}: new this time")
        elif not now_sets:
            lines.append(f"{name}: not done this time")
        else:
            lines.append(f"{name}: {_change(now_sets, then_sets, unit)}")
    return lines


def _change(today: Sequence[SetRecord], last: Sequence[LoggedSet], unit: Unit) -> str:
    bell_now, bell_then = _heaviest(today), _heaviest(last)
    if bell_now is not None and bell_then is not None and bell_now != bell_then:
        way = "up" if bell_now > bell_then else "down"
        return f"bell {way}, {format_weight(bell_then, unit)} → {format_weight(bell_now, unit)}"
    reps_now, reps_then = _total(today), _total(last)
    if reps_now == reps_then:
        return f"the same {reps_now[0]} {reps_now[1]}"
    if reps_now[1] != reps_then[1]:
        return f"{reps_now[0]} {reps_now[1]}, was {reps_then[0]} {reps_then[1]}"
    change = reps_now[0] - reps_then[0]
    return f"{change:+d} {reps_now[1]} ({reps_now[0]}, was {reps_then[0]})".replace("-", "−", 1)


def _heaviest(sets: Sequence[SetRecord | LoggedSet]) -> float | None:
    return max((logged.weight_kg for logged in sets if logged.weight_kg is not None), default=None)


def _total(sets: Sequence[SetRecord | LoggedSet]) -> tuple[int, str]:
    """All reps of the sets, or all seconds when none has reps."""
    if any(logged.reps is not None for logged in sets):
        return sum(logged.reps or 0 for logged in sets), "reps"
    return sum(logged.hold_seconds or 0 for logged in sets), "s"


def _volume(sets: Sequence[SetRecord], unit: Unit) -> str | None:
    weighted = [logged.reps * logged.weight_kg for logged in sets if logged.reps and logged.weight_kg]
    if not weighted:
        return None
    return f"{round(from_kg(sum(weighted), unit)):,} {unit}"


def _advice_text(advice: Recommendation, unit: Unit) -> str:
    parts = [format_weight(advice.weight_kg, unit) if advice.weight_kg is not None else "no bell"]
    if advice.target_reps is not None:
        parts.append(f"{advice.target_reps} reps")
    if advice.rounds is not None:
        parts.append(f"{advice.rounds} rounds")
    return ", ".join(parts)
