"""When the next session is allowed and advised, from hand-made histories.

The calendar: Monday 23 November 2026 starts the week; Berlin is on CET (UTC+1) then.
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from repcoach.coach import (
    Preferences,
    SessionDone,
    check_preferences,
    next_session,
    plan_muscles,
    sessions_from_sets,
    upcoming_sessions,
)
from repcoach.coach.history import LoggedSet
from repcoach.plan import IntRange
from repcoach.plan.builtins import get_builtin_plan

BERLIN = ZoneInfo("Europe/Berlin")
BACK = get_builtin_plan("kettlebell-back")
LEGS = get_builtin_plan("legs-glutes")
BACK_MUSCLES = plan_muscles(BACK)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
TUE_THU_SAT = Preferences(frozenset({TUE, THU, SAT}), time(18, 0), BERLIN)


def at(day: int, hour: int = 18, minute: int = 0, month: int = 11) -> datetime:
    """Berlin time on ``day`` November 2026 (or another month)."""
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def back_on(moment: datetime) -> SessionDone:
    return SessionDone("kettlebell-back", moment, BACK_MUSCLES)


def test_the_back_muscles_are_the_primary_muscles_of_its_strength_moves():
    # The halo is light accessory work: its deltoids and triceps need no 48 h of recovery.
    assert plan_muscles(BACK) == {"lats", "upper back", "hamstrings", "glutes"}
    # The warm-up's mobility drills need no recovery; only its rehearsal deadlift counts.
    assert plan_muscles(get_builtin_plan("upper-body-warmup")) == {"glutes", "hamstrings"}


def test_the_next_session_is_advised_48_h_after_the_last_one_and_allowed_after_24_h():
    advice = next_session(BACK, [back_on(at(24))], TUE_THU_SAT, now=at(25, 9))
    assert advice.advised_at == at(26)
    assert advice.reason == "Thursday 18:00 or later: 48 h after Tuesday's Kettlebell back workout."
    assert advice.allowed_from == at(25)
    assert advice.allowed_reason == "Allowed from today 18:00: 24 h after Tuesday's Kettlebell back workout."
    assert not advice.restart_lighter


@pytest.mark.parametrize(
    ("history", "now", "advised"),
    [
        ([back_on(at(24))], at(25, 9), at(26)),  # Tue 18:00 + 48 h = Thu 18:00, a preferred day
        ([back_on(at(24, 20))], at(25, 9), at(26, 20)),  # Thu 18:00 is 46 h: the same evening, 2 h later
        ([back_on(at(24, 20, 5))], at(25, 9), at(26, 20, 15)),  # rounded up to a quarter hour
        ([back_on(at(24, 22))], at(25, 9), at(28)),  # Thu 22:00 is too late in the day: Saturday
        ([back_on(at(24))], at(27, 10), at(28)),  # Thursday missed: shift to Saturday, no catching up
        ([back_on(at(24))], at(26, 18, 30), at(28)),  # Thursday's slot passed half an hour ago
        ([], at(23, 10), at(24)),  # nothing done yet: the next preferred day
        ([back_on(at(21))], at(23, 10), at(24)),  # last Saturday: 72 h before Tuesday, recovered
    ],
)
def test_advice_falls_on_a_preferred_day_after_48_h_and_never_before_now(history, now, advised):
    assert next_session(BACK, history, TUE_THU_SAT, now).advised_at == advised


def test_a_missed_session_shifts_the_plan_and_says_so():
    advice = next_session(BACK, [back_on(at(24))], TUE_THU_SAT, now=at(27, 10))
    assert advice.advised_at == at(28)
    assert advice.reason == (
        "Saturday 18:00: the session advised for Thursday 18:00 was missed; the plan shifts on, "
        "with no need to catch up."
    )
    assert advice.allowed_from == at(27, 10)
    assert advice.allowed_reason == "Allowed now."


def test_a_logged_chest_day_does_not_delay_the_back_session_the_day_after():
    chest_day = SessionDone(None, at(25), frozenset({"chest", "triceps"}))  # bench press
    advice = next_session(BACK, [back_on(at(23)), chest_day], TUE_THU_SAT, now=at(25, 20))
    assert advice.advised_at == at(26)  # Thursday: 72 h after Monday's back session; pressing is no obstacle


def test_training_other_muscles_does_not_delay_the_session():
    core_day = SessionDone(None, at(25), frozenset({"core", "obliques"}))
    assert next_session(BACK, [back_on(at(24)), core_day], TUE_THU_SAT, now=at(25, 20)).advised_at == at(26)


def test_legs_after_back_wait_48_h_because_the_romanian_deadlift_trains_the_glutes():
    advice = next_session(LEGS, [back_on(at(24))], TUE_THU_SAT, now=at(25, 9))
    assert advice.advised_at == at(26)
    assert advice.reason == "Thursday 18:00 or later: 48 h after Tuesday's session that trained glutes."


def test_a_full_week_moves_the_session_to_the_next_week():
    every_other_day = Preferences(frozenset({MON, WED, FRI, SUN}), time(18, 0), BERLIN)
    history = [back_on(at(23)), back_on(at(25)), back_on(at(27))]
    advice = next_session(BACK, history, every_other_day, now=at(27, 20))
    assert advice.advised_at == at(30)  # Sunday is 48 h after Friday, but Mon-Sun already holds 3
    assert advice.reason == (
        "Monday 18:00: this week already has 3 sessions of Kettlebell back workout, "
        "the most the plan asks for (2-3 a week)."
    )


def test_after_two_weeks_off_the_advice_is_to_restart_a_step_lighter():
    advice = next_session(BACK, [back_on(at(9))], TUE_THU_SAT, now=at(25, 9))
    assert advice.advised_at == at(26)
    assert advice.restart_lighter
    assert advice.reason == (
        "Thursday 18:00: your next preferred day, fully recovered from Monday 9 November's Kettlebell back "
        "workout. It has been 15 days since your last Kettlebell back workout: restart a step lighter."
    )


def test_a_first_session_says_nothing_recent_trains_the_same_muscles():
    advice = next_session(BACK, [], TUE_THU_SAT, now=at(23, 10))
    assert advice.reason == "Tuesday 18:00: your next preferred day; nothing you did lately trains the same muscles."


def test_hours_are_real_hours_across_the_spring_clock_change():
    # 27 March 2026 18:00 CET is 17:00 UTC; 29 March 18:00 CEST is 16:00 UTC: only 47 h later.
    fri_sun = Preferences(frozenset({FRI, SUN}), time(18, 0), BERLIN)
    friday = back_on(at(27, month=3))
    advice = next_session(BACK, [friday], fri_sun, now=at(28, 9, month=3))
    assert advice.advised_at == at(29, 19, month=3)
    assert advice.advised_at.astimezone(UTC) - friday.started_at.astimezone(UTC) == timedelta(hours=48)


def test_sessions_in_the_future_of_now_are_ignored():
    assert next_session(BACK, [back_on(at(26))], TUE_THU_SAT, now=at(23, 10)).advised_at == at(24)


def test_upcoming_sessions_fill_preferred_days_48_h_apart_at_most_three_a_week():
    mon_wed_fri = Preferences(frozenset({MON, WED, FRI}), time(7, 30), BERLIN)
    planned = upcoming_sessions(BACK, [], mon_wed_fri, now=at(23, 6), weeks=2)
    assert planned == [at(day, 7, 30) for day in (23, 25, 27, 30)] + [at(day, 7, 30, month=12) for day in (2, 4)]


def test_upcoming_sessions_on_every_day_still_keep_48_h_and_three_a_week():
    every_day = Preferences(frozenset(range(7)), time(18, 0), BERLIN)
    planned = upcoming_sessions(BACK, [back_on(at(23))], every_day, now=at(23, 20), weeks=2)
    # Mon (done), Wed, Fri: the week is full, so not Sunday; then Mon, Wed, Fri and again not Sunday.
    assert planned == [at(25), at(27), at(30), at(2, month=12), at(4, month=12), at(7, month=12)]
    assert all(b - a >= timedelta(hours=48) for a, b in zip(planned, planned[1:], strict=False))


def test_upcoming_sessions_need_at_least_one_week():
    with pytest.raises(ValueError, match="plan at least 1 week ahead, got 0"):
        upcoming_sessions(BACK, [], TUE_THU_SAT, now=at(23), weeks=0)


@pytest.mark.parametrize(
    ("days", "sessions", "hours", "message"),
    [
        (
            {MON, TUE},
            "2-3",
            48,
            "Mon and Tue cannot hold 2-3 sessions a week 48 h apart; pick days at least two days apart, "
            "e.g. Mon, Wed, Fri",
        ),
        ({SAT, SUN}, "2-3", 48, "Sat and Sun cannot hold 2-3 sessions a week 48 h apart"),
        ({WED}, "2-3", 48, "Wed cannot hold 2-3 sessions a week 48 h apart"),
        ({MON, TUE, WED}, "3", 48, "Mon, Tue and Wed cannot hold 3 sessions a week 48 h apart"),
        ({MON, WED, FRI}, "3", 72, "3 sessions a week cannot be 72 h apart: a week has only 168 h"),
        (set(), "2-3", 48, "pick at least one preferred training day, e.g. Mon, Wed, Fri"),
        ({7}, "2-3", 48, r"weekdays run from 0 \(Monday\) to 6 \(Sunday\), got 7"),
    ],
)
def test_preferred_days_that_cannot_fit_the_recovery_are_refused_with_a_reason(days, sessions, hours, message):
    with pytest.raises(ValueError, match=message):
        check_preferences(days, IntRange.model_validate(sessions), hours)


@pytest.mark.parametrize(
    "days",
    [
        {MON, WED, FRI},
        {TUE, THU},
        {SUN, TUE},  # Sunday to Tuesday is 48 h, Tuesday to next Sunday 120 h
        {MON, TUE, THU},  # Mon and Thu are enough for 2
        {MON, TUE, WED, THU, FRI, SAT, SUN},
    ],
)
def test_preferred_days_two_days_apart_are_accepted(days):
    check_preferences(days, IntRange(low=2, high=3), 48)


def test_next_session_refuses_preferences_that_cannot_fit():
    mon_tue = Preferences(frozenset({MON, TUE}), time(18, 0), BERLIN)
    with pytest.raises(ValueError, match="Mon and Tue cannot hold"):
        next_session(BACK, [], mon_tue, now=at(23))


def test_preferences_refuse_a_day_outside_the_week():
    with pytest.raises(ValueError, match="got 9"):
        Preferences(frozenset({1, 9}), time(18, 0), BERLIN)


def test_now_without_a_time_zone_is_refused():
    with pytest.raises(ValueError, match="now needs a time zone"):
        next_session(BACK, [], TUE_THU_SAT, now=datetime(2026, 11, 23, 18, 0))


def test_logged_sets_become_sessions_starting_at_their_first_set_with_the_muscles_trained():
    def logged(exercise: str, session: str, moment: datetime, plan_id: str | None = None) -> LoggedSet:
        return LoggedSet(exercise, session, moment, 8, 2, 20.0, plan_id=plan_id)

    sets = [
        logged("renegade-row", "a", at(24, 18, 10), "kettlebell-back"),
        logged("arm-circles", "a", at(24, 18, 2), "kettlebell-back"),  # warm-up: no muscles, but the start
        logged("romanian-deadlift", "a", at(24, 18, 12), "kettlebell-back"),
        logged("bench-press", "b", at(26, 19, 5)),
        logged("some-imported-move", "b", at(26, 19, 0)),  # unknown: no muscles
    ]
    assert sessions_from_sets(sets) == [
        SessionDone("kettlebell-back", at(24, 18, 2), frozenset({"lats", "upper back", "hamstrings", "glutes"})),
        SessionDone(None, at(26, 19, 0), frozenset({"chest", "triceps"})),
    ]


def test_easy_sets_add_no_muscles_to_a_session():
    sets = [
        LoggedSet("kettlebell-deadlift", "a", at(24, 18, 0), 8, 6, 8.0),  # RIR 6: a rehearsal, not work
        LoggedSet("renegade-row", "a", at(24, 18, 10), 8, None, 12.0),  # not rated: counted as work
    ]
    assert sessions_from_sets(sets) == [SessionDone(None, at(24, 18, 0), frozenset({"lats", "upper back"}))]
