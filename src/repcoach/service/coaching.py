"""The user's history from the store, in the form the coaching rules read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from repcoach.coach.e1rm import set_e1rm
from repcoach.coach.history import LoggedSet, sessions_of
from repcoach.coach.progression import history_read
from repcoach.coach.schedule import Preferences
from repcoach.io.plots import SessionPoint
from repcoach.library import load_catalogue
from repcoach.library.custom import UserCatalogue, custom_exercise
from repcoach.plan import Move
from repcoach.store import ProfileRecord, SetRecord, Store

HISTORY_WEEKS = 12
"""How far back coaching looks by default."""


def as_logged(record: SetRecord) -> LoggedSet:
    """A stored set as the coaching rules see it."""
    return LoggedSet(
        exercise_id=record.exercise_id,
        session_id=record.session_id,
        finished_at=record.finished_at,
        reps=record.reps,
        rir=record.rir,
        weight_kg=record.weight_kg,
        hold_seconds=record.hold_seconds,
        side=record.side,
        round=record.round,
        reps_target_low=record.reps_target_low,
        reps_target_high=record.reps_target_high,
        plan_id=record.plan_id or None,
        kind=record.kind,
        equipment=record.equipment,
    )


def history(store: Store, profile_id: int, start: datetime, end: datetime) -> list[LoggedSet]:
    """Every set finished in ``[start, end)``, oldest first."""
    return [as_logged(record) for record in store.sets_between(profile_id, start, end)]


def session_points(sets: Sequence[LoggedSet], exercise_id: str, zone: tzinfo, estimate: bool) -> list[SessionPoint]:
    """One point per session with the move: its heaviest bell, best e1RM (when ``estimate``), rounds done."""
    points = []
    for done in sessions_of(sets, exercise_id):
        weights = [logged.weight_kg for logged in done if logged.weight_kg is not None]
        estimates = [set_e1rm(logged) for logged in done] if estimate else []
        rated = [value for value in estimates if value is not None]
        points.append(
            SessionPoint(
                day=done[0].finished_at.astimezone(zone).date(),
                weight_kg=max(weights) if weights else None,
                e1rm_kg=max(rated) if rated else None,
                rounds=max(logged.round for logged in done),
            )
        )
    return points


def user_catalogue(store: Store, profile_id: int) -> UserCatalogue:
    """The library plus the moves the user imported that it does not know."""
    custom = [custom_exercise(row.exercise_id, row.name, row.pattern) for row in store.custom_exercises(profile_id)]
    return UserCatalogue(load_catalogue(), custom)


def preferences(profile: ProfileRecord) -> Preferences:
    """The profile's training days, time and zone as the schedule reads them."""
    hours, minutes = (int(part) for part in profile.preferred_time.split(":"))
    return Preferences(frozenset(profile.preferred_days), time(hours, minutes), ZoneInfo(profile.time_zone))


def recent_history(store: Store, profile_id: int, now: datetime, weeks: int = HISTORY_WEEKS) -> list[LoggedSet]:
    """The sets of the last ``weeks`` weeks, enough for recovery, balance and progression."""
    return history(store, profile_id, *_last_weeks(now, weeks))


ENOUGH_SETS = 50
"""Sets of one exercise read for its advice: more than any one session holds of one move, two apps' copies of it
included, so a move with reps finds its last session whole in them."""


def advice_history(store: Store, profile_id: int, moves: Iterable[Move], now: datetime) -> list[LoggedSet]:
    """Of the sets :func:`recent_history` gives, those the next-weight advice for ``moves`` reads.

    A session's start needs the advice for each of its moves. One read gives the newest
    :data:`ENOUGH_SETS` sets of each exercise in the window, and of those only the newest part the
    advice reads is kept (:func:`~repcoach.coach.progression.history_read`, to its last session), so a
    start costs the same after a year of training as after a week. Only a timed move reads further, back
    to its last bell: when all of them were read and none had a bell, the exercise is read again, whole.
    """
    by_exercise: dict[str, list[Move]] = defaultdict(list)
    for move in moves:
        by_exercise[move.exercise].append(move)
    window = _last_weeks(now, HISTORY_WEEKS)
    newest = store.newest_sets(profile_id, list(by_exercise), *window, per_exercise=ENOUGH_SETS)
    read: list[LoggedSet] = []
    for exercise_id, its_moves in by_exercise.items():
        found = [as_logged(logged) for logged in newest[exercise_id]]
        taken = history_read(its_moves, found)
        if len(taken) == len(found) == ENOUGH_SETS and all(move.reps is None for move in its_moves):
            whole = store.newest_sets(profile_id, [exercise_id], *window, per_exercise=None)[exercise_id]
            taken = history_read(its_moves, [as_logged(logged) for logged in whole])
        read += taken
    return sorted(read, key=lambda logged: logged.finished_at)


def _last_weeks(now: datetime, weeks: int) -> tuple[datetime, datetime]:
    """``[start, end)`` of the last ``weeks`` weeks, ``now`` included."""
    return now - timedelta(weeks=weeks), now + timedelta(seconds=1)
