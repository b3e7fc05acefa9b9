"""``repcoach import`` and ``repcoach export`` as a user runs them, on a real SQLite file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from repcoach.store import open_store

DATA = Path(__file__).parents[1] / "io" / "data" / "history"
PROFILE = "kg\n8 12 16\nintermediate\n"
"""Answers to the three first-run questions: kilograms, three bells, intermediate."""


@pytest.fixture
def ready(repcoach):
    assert repcoach("setup", input=PROFILE).exit_code == 0
    return repcoach


def stored_sets(db_file: Path) -> int:
    with open_store(f"sqlite:///{db_file}") as store:
        profile = store.get_profile()
        assert profile is not None
        return sum(len(session.sets) for session in store.list_sessions(profile.id, limit=1000))


def test_a_dry_run_previews_the_file_and_stores_nothing(ready, db_file):
    result = ready("import", str(DATA / "strong-ios.csv"), "--unit", "lb", "--dry-run")

    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert "Strong (iOS) export: 2 workouts (2 new), 8 sets, 2026-04-06 to 2026-04-09." in out
    assert "Weights in lb (as you said)." in out
    assert "T Bar Row" in out and "t-bar-row (custom)" in out and "horizontal-pull" in out
    assert 'repcoach exercises map "Elliptical" --pattern PATTERN' in out
    assert "Skipped 2 rows (rest timer): lines 4, 8." in out
    assert "Dry run: nothing stored." in out
    assert stored_sets(db_file) == 0


def test_importing_stores_every_set_once_however_often_it_runs(ready, db_file):
    first = ready("import", str(DATA / "hevy.csv"))
    again = ready("import", str(DATA / "hevy.csv"))

    assert "Stored 2 workouts with 7 sets." in first.stdout
    assert "2 workouts (0 new)" in again.stdout and "Stored 0 workouts with 0 sets." in again.stdout
    assert stored_sets(db_file) == 7
    assert "Back 💪" in ready("history").stdout


def test_workout_and_set_notes_are_stored_and_shown_in_history(ready):
    ready("import", str(DATA / "strong-ios.csv"), "--unit", "lb")

    shown = ready("history").stdout

    assert "Slept badly, still good" in shown
    assert "Romanian deadlift: slow down, pause at the knee" in shown


def test_the_file_header_tells_the_app_and_the_users_unit_is_the_default(ready):
    result = ready("import", str(DATA / "strong-ios-french.csv"), "--dry-run")

    assert "Strong (iOS, header in another language) export" in result.stdout
    assert "Weights in kg (your unit; --unit changes it)." in result.stdout


def test_a_file_with_wrong_rows_names_them_and_stores_the_rest(ready, tmp_path, db_file):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment\n"
        "2026-02-10,Goblet Squat,Legs,24,10,,,,\n"
        "2026-02-11,Goblet Squat,Legs,heavy,10,,,,\n"
    )

    result = ready("import", str(bad))

    assert result.exit_code == 0
    assert f"{bad}:3, Weight (kg): the weight 'heavy' is not a number" in result.stdout.replace("\n", "")
    assert "Stored 1 workouts with 1 sets." in result.stdout
    assert stored_sets(db_file) == 1


def test_a_real_strong_android_export_in_miles_is_stored_whole(ready, db_file):
    result = ready("import", str(DATA / "strong-android-miles.csv"))

    assert result.exit_code == 0, result.stdout
    assert "Stored 5 workouts with 34 sets." in result.stdout
    assert "Not imported" not in result.stdout
    assert stored_sets(db_file) == 34


def test_a_set_kept_without_an_unreadable_rpe_is_said_with_its_line(ready, tmp_path, db_file):
    path = tmp_path / "rpe.csv"
    path.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
        "2026-04-09 18:00:00,Back,1h,Halo,1,8,10,0,0,,,12\n"
    )

    result = ready("import", str(path))

    out = result.stdout.replace("\n", "")
    assert f"Set kept without this field: {path}:2, RPE: the RPE '12' is not between 1 and 10" in out
    assert "Stored 1 workouts with 1 sets." in out
    assert stored_sets(db_file) == 1


def test_the_same_workout_exported_by_a_second_app_is_skipped_with_a_line_saying_so(ready, db_file):
    assert "Stored 2 workouts with 8 sets." in ready("import", str(DATA / "strong-ios.csv"), "--unit", "lb").stdout

    result = ready("import", str(DATA / "hevy-same-as-strong-ios.csv"))

    out = result.stdout.replace("\n", " ")
    assert "Back and posture of 2026-04-06: the same workout is stored already (from another app?): skipped" in out
    assert "Stored 1 workouts with 1 sets." in out
    assert stored_sets(db_file) == 9


def test_keep_duplicates_stores_the_second_apps_copy_too(ready, db_file):
    ready("import", str(DATA / "strong-ios.csv"), "--unit", "lb")

    result = ready("import", str(DATA / "hevy-same-as-strong-ios.csv"), "--keep-duplicates")

    assert "kept as you asked" in result.stdout
    assert "Stored 2 workouts with 6 sets." in result.stdout
    assert stored_sets(db_file) == 14


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Day,Lift,Kilos\n2026-01-01,Squat,100\n", "is not one this app knows"),
        ("", "the file is empty"),
        ("Date,Exercise,Category,Weight (kg),Reps\n2026-02-10,Goblet Squat,Legs,oops,10\n", "No sets found"),
    ],
)
def test_a_file_that_cannot_be_understood_stores_nothing_and_exits_1(ready, tmp_path, db_file, content, message):
    path = tmp_path / "in.csv"
    path.write_text(content)

    result = ready("import", str(path))

    assert result.exit_code == 1
    assert message in result.output.replace("\n", "")
    assert "Traceback" not in result.output
    assert stored_sets(db_file) == 0


def test_a_missing_file_is_named(ready, tmp_path):
    result = ready("import", str(tmp_path / "nope.csv"))

    assert result.exit_code == 1
    assert "nope.csv" in result.output and "No such file" in result.output


def test_a_custom_moves_pattern_can_be_corrected(ready):
    ready("import", str(DATA / "strong-ios.csv"))

    mapped = ready("exercises", "map", "Elliptical", "--pattern", "carry")
    listed = ready("exercises")

    assert "Elliptical now counts as carry." in mapped.stdout
    assert "Elliptical (custom)" in listed.stdout and "carry" in listed.stdout
    wrong = ready("exercises", "map", "Elliptical", "--pattern", "cardio")
    assert wrong.exit_code == 1 and "'cardio' is not a pattern" in wrong.output
    unknown = ready("exercises", "map", "Bench", "--pattern", "hinge")
    assert unknown.exit_code == 1 and "there is no custom move 'Bench'" in unknown.output


def test_a_json_export_restores_everything_into_an_empty_store(ready, tmp_path, monkeypatch):
    ready("import", str(DATA / "hevy.csv"))
    ready("log", "bench press", "3x8", "-w", "60")
    backup = tmp_path / "backup.json"

    exported = ready("export", "-o", str(backup))
    monkeypatch.setenv("REPCOACH_DATABASE_URL", f"sqlite:///{tmp_path / 'other.db'}")
    restored = ready("import", str(backup))
    twice = ready("import", str(backup))

    assert "3 sessions" in exported.stdout
    assert json.loads(backup.read_text())["format"] == "repcoach-export"
    assert "Restored 3 sessions with 10 sets." in restored.stdout
    assert "Restored 0 sessions with 0 sets." in twice.stdout
    assert stored_sets(tmp_path / "other.db") == 10


def test_a_csv_export_is_strongs_layout_and_reads_back_to_the_same_moves(ready, tmp_path, db_file, monkeypatch):
    ready("import", str(DATA / "strong-new.csv"))
    out = tmp_path / "all.csv"

    exported = ready("export", "--format", "csv", "-o", str(out))
    lines = out.read_text().splitlines()
    monkeypatch.setenv("REPCOACH_DATABASE_URL", f"sqlite:///{tmp_path / 'other.db'}")
    ready("setup", input=PROFILE)
    again = ready("import", str(out), "--dry-run")

    assert "Wrote" in exported.stdout and "3 sets" in exported.stdout
    assert lines[0].startswith("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,")
    assert lines[1].startswith("2026-05-01 09:15:00,Morning bells,45m,Halo (Kettlebell),1,8,10,0,0,,,7")
    assert "1 workouts (1 new), 3 sets" in again.stdout
    assert "halo" in again.stdout and "farmers-carry" in again.stdout


def test_export_refuses_an_unknown_format(ready, tmp_path):
    result = ready("export", "--format", "xml", "-o", str(tmp_path / "x"))

    assert result.exit_code == 2 and "xml" in result.output


def test_imported_kettlebell_sets_set_the_next_bell_and_other_equipment_does_not(ready, tmp_path):
    day = f"{date.today() - timedelta(days=3)} 18:00:00"
    rows = [
        f'"1","{day}","Back","3000","Single Arm Row (Kettlebell)","{n}","12","10","7","","","",""' for n in (1, 2, 3)
    ]
    rows += [f'"1","{day}","Back","3000","Romanian Deadlift (Barbell)","{n}","80","8","8","","","",""' for n in (1, 2)]
    export = tmp_path / "strong.csv"
    header = (
        '"Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order","Weight (kg)","Reps","RPE",'
    )
    export.write_text(header + '"Distance (meters)","Seconds","Notes","Workout Notes"\n' + "\n".join(rows) + "\n")
    before = ready("next-weights").stdout

    ready("import", str(export))
    after = " ".join(ready("next-weights").stdout.split())

    assert "First time with Single-arm row" in " ".join(before.split())
    assert "First time with Single-arm row" not in after and "12 kg" in after
    assert "First time with Romanian deadlift" in after  # 80 kg of barbell says nothing of the bell
