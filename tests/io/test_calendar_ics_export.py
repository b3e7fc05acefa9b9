"""Planned sessions exported as iCalendar, checked by parsing the bytes back with icalendar."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from repcoach.coach import Preferences, upcoming_sessions
from repcoach.io.calendar import describe_plan, sessions_ics
from repcoach.plan import Block, Move
from repcoach.plan.builtins import get_builtin_plan
from repcoach.plan.own_exercises import OwnExercise

BERLIN = ZoneInfo("Europe/Berlin")
BACK = get_builtin_plan("kettlebell-back")
STAMP = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
STARTS = [datetime(2026, 11, 24, 18, 0, tzinfo=BERLIN), datetime(2026, 11, 26, 18, 0, tzinfo=BERLIN)]


def parsed(ics: bytes) -> Calendar:
    return Calendar.from_ical(ics)


def test_each_session_is_an_event_with_uid_zoned_start_end_and_the_plan_title():
    calendar = parsed(sessions_ics(BACK, STARTS, 45, stamp=STAMP))
    assert calendar["VERSION"] == "2.0"
    assert "repcoach" in calendar["PRODID"]
    events = calendar.events
    assert [str(event["UID"]) for event in events] == [
        "kettlebell-back-20261124T1700Z@repcoach",
        "kettlebell-back-20261126T1700Z@repcoach",
    ]
    first = events[0]
    assert first.start == STARTS[0]
    assert first.start.tzinfo is not None and first["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert first.end - first.start == timedelta(minutes=45)
    assert str(first["SUMMARY"]) == "Kettlebell back workout"
    assert first["DTSTAMP"].dt == STAMP


def test_the_calendar_carries_the_time_zone_its_events_refer_to():
    calendar = parsed(sessions_ics(BACK, STARTS, 45, stamp=STAMP))
    assert [str(zone["TZID"]) for zone in calendar.timezones] == ["Europe/Berlin"]


def test_the_description_lists_rounds_blocks_moves_targets_and_rests():
    description = str(parsed(sessions_ics(BACK, STARTS[:1], 45, stamp=STAMP)).events[0]["DESCRIPTION"])
    assert description == (
        "3-5 rounds, 2 min rest after each round:\n"
        "Superset 1: Renegade row 6-10 reps, Romanian deadlift 6-10 reps; rest 90 s\n"
        "Superset 2: Halo 6-10 reps, Single-arm row 6-10 reps per side\n"
        "Warm up first: repcoach run upper-body-warmup\n"
        "Start it with: repcoach run kettlebell-back"
    )


def test_a_circuit_shows_its_rest_between_moves_and_a_single_round():
    assert describe_plan(get_builtin_plan("upper-body-warmup")).splitlines()[:2] == [
        "1 round:",
        "Warm-up: Arm circles 30 s, Cat-cow 8 reps, Scapular push-up 10 reps, Around the world 10 reps, "
        "Kettlebell deadlift 8 reps; rest 10 s between moves",
    ]


def test_uids_are_stable_across_exports_so_a_reimport_updates_instead_of_duplicating():
    once = parsed(sessions_ics(BACK, STARTS, 45, stamp=STAMP))
    again = parsed(sessions_ics(BACK, list(reversed(STARTS)), 60, stamp=STAMP + timedelta(days=1)))
    assert [event["UID"] for event in once.events] == [event["UID"] for event in again.events]


def test_four_weeks_of_planned_sessions_export_as_twelve_events():
    prefs = Preferences(frozenset({0, 2, 4}), time(18, 0), BERLIN)
    now = datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN)
    starts = upcoming_sessions(BACK, [], prefs, now, weeks=4)
    events = parsed(sessions_ics(BACK, starts, 45, stamp=STAMP)).events
    assert len(events) == 12
    assert len({event["UID"] for event in events}) == 12
    assert [event.start for event in events] == starts


def test_an_empty_plan_of_sessions_is_still_a_valid_calendar():
    calendar = parsed(sessions_ics(BACK, [], 45, stamp=STAMP))
    assert calendar.events == []


@pytest.mark.parametrize(
    ("starts", "minutes", "message"),
    [
        ([datetime(2026, 11, 24, 18, 0)], 45, "session starts need a time zone, got 2026-11-24T18:00:00"),
        (STARTS, 0, "a session lasts at least 1 minute, got 0"),
    ],
)
def test_naive_starts_and_empty_durations_are_refused(starts, minutes, message):
    with pytest.raises(ValueError, match=message):
        sessions_ics(BACK, starts, minutes, stamp=STAMP)


def test_a_plan_s_own_moves_are_named_in_its_events():
    plan = get_builtin_plan("upper-body-warmup").model_copy(
        update={
            "blocks": (Block(name="Finisher", kind="straight", moves=(Move(exercise="cossack-squat", reps="6"),)),),
            "exercises": {"cossack-squat": OwnExercise(name="Cossack squat", pattern="squat")},
        }
    )
    assert "Finisher: Cossack squat 6 reps" in describe_plan(plan)
