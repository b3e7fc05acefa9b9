"""``repcoach next | calendar | balance`` and training-day settings, as a user runs them."""

from datetime import datetime, timedelta

from icalendar import Calendar

PROFILE = "kg\n8 12 16\nbeginner\n"


def days_ago(days: int) -> str:
    return (datetime.now() - timedelta(days=days)).strftime("%Y-%m-%d 18:00")


def test_a_push_heavy_week_warns_and_suggests_the_back_routine(repcoach):
    repcoach("log", "bench press", "4x8", "-w", "60", "--at", days_ago(1), input=PROFILE)
    repcoach("log", "overhead press", "3x8", "-w", "30", "--at", days_ago(2))
    repcoach("log", "pull-up", "2x6", "--at", days_ago(3))
    result = repcoach("balance", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    rows = [" ".join(line.replace("│", " ").split()) for line in result.stdout.splitlines()]
    assert "7 days 7 2 3.5 : 1 2,640 kg 0 kg" in rows
    assert (
        "⚠ In the last 7 days: 7 hard pushing sets against 2 pulling or hinging (3.5 : 1). Pushing should not "
        "outweigh pulling; add the kettlebell back routine: `repcoach run kettlebell-back`." in rows
    )


def test_a_balanced_log_says_so(repcoach):
    repcoach("log", "push-up", "2x10", "--at", days_ago(1), input=PROFILE)
    repcoach("log", "single-arm-row", "3x8", "-w", "16", "--at", days_ago(1))
    assert "Balanced: pulling and hinging keep up with pushing." in repcoach("balance").stdout


def test_next_advises_each_plan_with_its_reason(repcoach):
    repcoach("setup", "--days", "mon,wed,fri", "--time", "18:00", "--tz", "UTC", input=PROFILE)
    result = repcoach("next", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "kettlebell-back" in result.stdout and "legs-glutes" in result.stdout
    assert "Your training days: Mon, Wed, Fri at 18:00 (UTC)" in result.stdout


def test_the_calendar_file_holds_the_coming_sessions_for_calendar_apps(repcoach, tmp_path):
    repcoach("setup", "--days", "tue,thu,sat", "--time", "07:30", "--tz", "Europe/Berlin", input=PROFILE)
    target = tmp_path / "plan.ics"
    result = repcoach("calendar", "-o", str(target), "--weeks", "4")
    assert result.exit_code == 0, result.output
    events = [part for part in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert 10 <= len(events) <= 12  # three a week for four weeks, less what is already past this week
    first = events[0]
    assert str(first["UID"]).startswith("kettlebell-back-") and str(first["UID"]).endswith("@repcoach")
    start = first.decoded("DTSTART")
    assert (start.tzinfo.key, start.hour, start.minute, start.weekday() in (1, 3, 5)) == ("Europe/Berlin", 7, 30, True)
    assert "Renegade row 6-10 reps" in str(first["DESCRIPTION"])


def test_training_days_that_cannot_fit_48_hours_are_refused(repcoach):
    result = repcoach("setup", "--days", "mon,tue", input=PROFILE)
    assert result.exit_code == 1
    assert "--days: Mon and Tue cannot hold 2-3 sessions a week 48 h apart" in result.stderr


def test_a_bad_day_time_or_zone_is_named(repcoach):
    for args, message in [
        (["--days", "funday"], "--days: 'funday' is not a weekday; write days like mon,wed,fri"),
        (["--time", "25:00"], "--time: '25:00' is not a time of day; write it like 18:00"),
        (["--tz", "Mars/Olympus"], "--tz: 'Mars/Olympus' is not a time zone; write it like Europe/Berlin"),
    ]:
        result = repcoach("setup", *args, input=PROFILE)
        assert result.exit_code == 1
        assert message in result.stderr


def test_an_output_file_that_cannot_be_written_is_named(repcoach, tmp_path):
    target = tmp_path / "no-such-folder" / "plan.ics"
    result = repcoach("calendar", "-o", str(target), input=PROFILE)
    assert result.exit_code == 1
    assert f"{target}: cannot write the file: No such file or directory" in " ".join(result.stderr.split())
