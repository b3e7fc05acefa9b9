"""Reading Strong, Hevy and FitNotes exports, in each layout and with the awkward rows real files have."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repcoach.errors import InvalidInput
from repcoach.io.history_import import ImportedSet, ParsedExport, read_export, strong_csv_lines
from repcoach.units import KG_PER_LB

DATA = Path(__file__).parent / "data" / "history"
PARIS = ZoneInfo("Europe/Paris")


def read(name: str, **options: object) -> ParsedExport:
    return read_export((DATA / name).read_bytes(), file_name=name, time_zone=PARIS, **options)  # type: ignore[arg-type]


def summary(found: ImportedSet) -> tuple[object, ...]:
    weight = None if found.weight_kg is None else round(found.weight_kg, 2)
    return (found.exercise_name, found.set_order, found.kind, found.reps, weight, found.seconds, found.distance_m)


@pytest.mark.parametrize(
    ("name", "layout", "workouts", "sets", "skipped"),
    [
        ("strong-ios.csv", "Strong (iOS)", 2, 8, 2),
        ("strong-ios-french.csv", "Strong (iOS, header in another language)", 1, 2, 1),
        ("strong-android.csv", "Strong (Android)", 1, 4, 1),
        ("strong-new.csv", "Strong (newer layout)", 1, 3, 1),
        ("hevy.csv", "Hevy", 2, 7, 0),
        ("hevy-lbs.csv", "Hevy", 1, 3, 0),
        ("fitnotes-kg.csv", "FitNotes", 2, 4, 0),
        ("fitnotes-unit.csv", "FitNotes", 1, 2, 0),
    ],
)
def test_every_layout_is_told_by_its_header_and_read_whole(
    name: str, layout: str, workouts: int, sets: int, skipped: int
) -> None:
    export = read(name, unit="lb")

    assert export.layout == layout
    assert len({found.workout_key for found in export.sets}) == workouts
    assert len(export.sets) == sets
    assert len(export.skipped) == skipped
    assert export.problems == []


def test_strong_ios_weights_are_in_the_unit_the_user_names_with_float_noise_rounded_away() -> None:
    export = read("strong-ios.csv", unit="lb")

    deadlifts = [found for found in export.sets if found.exercise_name == "Romanian Deadlift (Dumbbell)"]
    assert export.unit == "lb"
    assert [found.weight_kg for found in deadlifts] == [35 * KG_PER_LB, 150 * KG_PER_LB, 150 * KG_PER_LB]
    assert [found.reps for found in deadlifts] == [10, 8, 5]
    assert read("strong-ios.csv").sets[1].weight_kg == 150.0  # no --unit: kilograms


def test_strong_ios_keeps_quoted_commas_warm_ups_rpe_and_skips_rest_timers() -> None:
    export = read("strong-ios.csv", unit="kg")

    first = export.sets[0]
    assert first.workout_title == "Back, posture"
    assert first.workout_notes == "Slept badly, still good"
    assert first.started_at == datetime(2026, 4, 6, 18, 3, 56, tzinfo=PARIS)
    assert first.duration_seconds == 3900
    assert [(found.kind, found.set_order) for found in export.sets[:3]] == [("warmup", 1), ("normal", 2), ("normal", 3)]
    assert export.sets[1].notes == "slow down, pause at the knee"
    assert (export.sets[1].rpe, export.sets[1].rir, export.sets[2].rir) == (8.0, 2, 0)
    assert [(skip.row, skip.reason) for skip in export.skipped] == [(4, "rest timer"), (8, "rest timer")]


def test_strong_ios_timed_and_cardio_sets_keep_seconds_and_distance() -> None:
    export = read("strong-ios.csv", unit="kg")

    by_name = {found.exercise_name: found for found in export.sets}
    assert summary(by_name["Plank"]) == ("Plank", 1, "normal", None, None, 60, None)
    assert summary(by_name["Elliptical"]) == ("Elliptical", 1, "normal", None, None, 1800, 5200.0)


def test_a_localized_strong_header_is_read_by_position_and_its_rest_timer_left_out() -> None:
    export = read("strong-ios-french.csv", unit="kg")

    assert [summary(found) for found in export.sets] == [
        ("Rowing haltère", 1, "normal", 10, 20.0, None, None),
        ("Soulevé de terre roumain (Haltère)", 1, "normal", 8, 24.0, None, None),
    ]
    assert export.skipped[0].reason == "rest timer"


def test_strong_android_reads_semicolons_each_rows_unit_decimal_commas_and_planks() -> None:
    export = read("strong-android.csv", unit="kg")

    assert export.unit is None  # every row says, or falls back to the user's
    assert export.sets[0].workout_title == "Pull, then core"
    assert [summary(found) for found in export.sets] == [
        ("Single Arm Row (Kettlebell)", 1, "normal", 10, 16.0, None, None),
        ("Single Arm Row (Kettlebell)", 2, "normal", 8, 15.88, None, None),
        ("Single Arm Row (Kettlebell)", 3, "normal", 6, 17.5, None, None),
        ("Plank", 1, "normal", None, None, 45, None),
    ]
    assert export.skipped[0].reason == "empty set: no reps, weight, time or distance"


def test_strong_newer_layout_reads_quoted_fields_labelled_units_and_trims_names() -> None:
    export = read("strong-new.csv", unit="lb")

    assert export.unit == "kg"  # from the header, whatever the user's unit
    assert export.sets[0].workout_title == "Morning bells"
    assert [summary(found) for found in export.sets] == [
        ("Halo (Kettlebell)", 1, "normal", 10, 8.0, None, None),
        ("Halo (Kettlebell)", 2, "normal", 10, 8.0, None, None),
        ("Farmers Walk", 1, "normal", None, 24.0, None, 40.0),
    ]


def test_hevy_reads_its_dates_set_types_supersets_rpe_emoji_and_duration_only_rows() -> None:
    export = read("hevy.csv")

    back = [found for found in export.sets if found.workout_title == "Back 💪"]
    assert back[0].started_at == datetime(2026, 4, 8, 16, 50, tzinfo=PARIS)
    assert back[0].duration_seconds == 55 * 60
    assert back[0].workout_notes == "Felt strong 🔥"
    assert [found.kind for found in back] == ["warmup", "normal", "normal", "dropset", "normal"]
    assert [found.superset_id for found in back] == ["0", "0", "0", "0", None]
    assert back[2].notes == "keep the bar close 😤"
    assert (back[1].rpe, back[1].rir) == (8.5, 1)
    assert summary(back[4]) == ("Dead Hang", 1, "normal", None, None, 45, None)
    legs = [found for found in export.sets if found.workout_title == "Legs"]
    assert [summary(found) for found in legs] == [
        ("Goblet Squat", 1, "failure", 15, 20.0, None, None),
        ("Treadmill", 1, "normal", None, None, 900, 2500.0),
    ]


def test_hevy_in_pounds_and_miles() -> None:
    export = read("hevy-lbs.csv", unit="kg")

    assert export.unit == "lb"
    assert export.sets[0].started_at == datetime(2026, 9, 12, 7, 0, tzinfo=PARIS)
    assert [summary(found) for found in export.sets] == [
        ("Pull Up", 1, "normal", 8, None, None, None),
        ("Bent Over Row (Dumbbell)", 1, "normal", 10, 22.68, None, None),
        ("Running", 1, "normal", None, None, 600, 1609.34),
    ]


def test_fitnotes_makes_one_workout_per_day_with_cardio_time_and_distance() -> None:
    export = read("fitnotes-kg.csv", unit="lb")

    assert export.unit == "kg"
    assert {found.workout_key for found in export.sets} == {"fitnotes:2026-02-10", "fitnotes:2026-02-12"}
    assert export.sets[0].started_at == datetime(2026, 2, 10, 12, 0, tzinfo=PARIS)
    assert export.sets[1].notes == "last rep slow, good"
    assert summary(export.sets[3]) == ("Rowing Machine", 1, "normal", None, None, 510, 2000.0)


def test_fitnotes_with_a_weight_unit_column_reads_each_rows_unit() -> None:
    export = read("fitnotes-unit.csv", unit="kg")

    assert [round(found.weight_kg or 0, 2) for found in export.sets] == [24.04, 24.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("Day,Lift,Kilos\n2026-01-01,Squat,100\n", "the header 'Day,Lift,Kilos' is not one this app knows"),
        # Twelve columns but no Strong row under them: not taken for a translated Strong header.
        ("a,b,c,d,e,f,g,h,i,j,k,l\n1,2,3,4,5,6,7,8,9,10,11,12\n", "is not one this app knows"),
        ("\x00\x01\x02binary\x00junk", "this is not a text file"),
    ],
)
def test_a_file_no_layout_fits_is_refused_whole(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_export(text.encode(), file_name="in.csv", time_zone=UTC)

    assert message in str(refused.value)
    assert str(refused.value).startswith("in.csv")


def test_saying_the_wrong_app_is_refused_with_the_app_named() -> None:
    with pytest.raises(InvalidInput, match="expected a Hevy export"):
        read("strong-ios.csv", source="hevy")


BAD_ROWS = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    "2026-04-06 18:00:00,Good,1h,Halo,1,8,10,0,0,,,\n"
    "2026-04-07 18:00:00,Broken,1h,Halo,1,eight,10,0,0,,,\n"
    "2026-04-07 18:00:00,Broken,1h,Halo,2,8,10,0,0,,,\n"
    "yesterday,Undated,1h,Halo,1,8,10,0,0,,,\n"
    "2026-04-08 18:00:00,Short,1h,Halo,1,8\n"
    "2026-04-09 18:00:00,Bad RPE,1h,Halo,1,8,10,0,0,,,12\n"
)


def test_wrong_rows_are_named_by_line_and_column_and_their_workout_is_left_out() -> None:
    export = read_export(BAD_ROWS, file_name="bad.csv", time_zone=UTC)

    assert [found.workout_title for found in export.sets] == ["Good", "Bad RPE"]
    assert [str(problem) for problem in export.problems] == [
        "bad.csv:3, Weight: the weight 'eight' is not a number",
        "bad.csv:5, Date: 'yesterday' is not a date; expected one like 2026-04-08 16:50:00 or 8 Apr 2026, 16:50",
        "bad.csv:6: has 6 fields where the header has 12; is a field's comma or semicolon not quoted?",
        "bad.csv: the workout of 2026-04-07T18:00:00 is left out because of the problems above",
    ]


def test_a_wrong_row_written_again_is_a_problem_again_and_a_right_one_a_set_again() -> None:
    row = "2026-04-07 18:00:00,Legs,1h,Squat,{order},{weight},5,0,0,,,"
    rows = [row.format(order=1, weight="eight"), row.format(order=1, weight=80), row.format(order=1, weight="eight")]
    text = "\n".join([HEADER, *rows, row.replace("07", "08").format(order=1, weight=80)])

    export = read_export(text, file_name="again.csv", time_zone=UTC)

    assert [str(problem) for problem in export.problems] == [
        "again.csv:2, Weight: the weight 'eight' is not a number",
        "again.csv:4, Weight: the weight 'eight' is not a number",
        "again.csv: the workout of 2026-04-07T18:00:00 is left out because of the problems above",
    ]
    assert [(found.row, found.weight_kg, found.started_at.day) for found in export.sets] == [(5, 80.0, 8)]


def test_a_comma_file_read_as_semicolons_is_a_wrong_delimiter_on_every_row() -> None:
    text = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps\n2026-01-01 10:00:00,Legs,Squat,1,kg,5\n"

    export = read_export(text, file_name="mixed.csv", time_zone=UTC)

    assert export.sets == []
    assert "mixed.csv:2: has 1 fields where the header has 7" in str(export.problems[0])


def test_a_quoted_note_over_two_lines_keeps_later_line_numbers_right() -> None:
    text = (
        "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment\n"
        '2026-02-10,Goblet Squat,Legs,24,10,,,,"first line\nsecond line"\n'
        "2026-02-10,Goblet Squat,Legs,heavy,10,,,,\n"
    )

    export = read_export(text, file_name="notes.csv", time_zone=UTC)

    assert export.problems[0].line == 4


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400)), st.sampled_from([None, "strong", "hevy", "fitnotes"]))
def test_no_input_raises_anything_but_a_sentence(data: bytes | str, source: str | None) -> None:
    try:
        read_export(data, file_name="junk.csv", time_zone=UTC, source=source)  # type: ignore[arg-type]
    except InvalidInput as refused:
        assert str(refused).startswith("junk.csv")


HEADER = BAD_ROWS.splitlines()[0]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(alphabet='0123456789.,;:- aWDF"\n', max_size=12), min_size=12, max_size=12)))
def test_every_wrong_row_of_a_strong_file_is_a_problem_with_its_line(rows: list[list[str]]) -> None:
    body = "\n".join(",".join(f'"{cell.replace(chr(34), "")}"' for cell in row) for row in rows)

    export = read_export(f"{HEADER}\n{body}", file_name="rows.csv", time_zone=UTC)

    assert all(problem.line for problem in export.problems if "is left out" not in problem.message)


set_rows = st.builds(
    ImportedSet,
    row=st.just(0),
    workout_key=st.just(""),
    workout_title=st.sampled_from(["Back, posture", "Legs", 'Say "go"']),
    started_at=st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 1, 1)).map(
        lambda moment: moment.replace(microsecond=0, tzinfo=PARIS)
    ),
    duration_seconds=st.integers(60, 4 * 3600),
    exercise_name=st.sampled_from(["Halo (Kettlebell)", "T Bar Row", "Développé couché", "Plank"]),
    set_order=st.just(1),
    kind=st.sampled_from(["normal", "warmup", "dropset", "failure"]),
    reps=st.integers(1, 50),
    weight_kg=st.one_of(st.none(), st.integers(1, 400_000).map(lambda grams: grams / 1000)),
    distance_m=st.one_of(st.none(), st.integers(1, 50_000).map(float)),
    seconds=st.one_of(st.none(), st.integers(1, 3600)),
    rpe=st.one_of(st.none(), st.sampled_from([6.0, 7.5, 8.0, 9.5, 10.0])),
    notes=st.sampled_from(["", "slow, controlled", "line one\nline two", "🔥"]),
    workout_notes=st.sampled_from(["", "tired; still went"]),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(set_rows, min_size=1, max_size=20))
def test_what_strong_csv_writes_reads_back_the_same(sets: list[ImportedSet]) -> None:
    # One set per workout start, as in a real history, so each row's workout fields are its own.
    unique = list({found.started_at: found for found in sets}.values())

    csv = "".join(strong_csv_lines(unique, "kg"))
    back = read_export(csv, file_name="out.csv", time_zone=PARIS, unit="kg", now=datetime(2100, 1, 1, tzinfo=UTC))

    assert back.problems == []
    assert [(found.workout_title, found.started_at, found.duration_seconds) for found in back.sets] == [
        (found.workout_title, found.started_at, found.duration_seconds) for found in unique
    ]
    assert [summary(found) + (found.rpe, found.notes, found.workout_notes) for found in back.sets] == [
        summary(found) + (found.rpe, found.notes, found.workout_notes) for found in unique
    ]


def test_a_real_strong_android_export_with_miles_written_mi_dot_keeps_every_workout() -> None:
    export = read("strong-android-miles.csv", unit="lb")

    assert export.problems == [] and export.kept_without == []
    assert len({found.workout_key for found in export.sets}) == 5
    assert len(export.sets) == 34
    rides = [found for found in export.sets if found.exercise_name == "Cycling (Indoor)"]
    assert [(found.distance_m, found.seconds) for found in rides] == [(3862.43, 2100), (16898.11, 2100)]


def test_fitnotes_zero_distances_in_kg_are_no_distance_and_units_are_read_in_any_case() -> None:
    export = read("fitnotes-zero-distance.csv")

    assert export.problems == [] and export.kept_without == []
    assert [summary(found)[3:] for found in export.sets] == [
        (None, None, 60, None),
        (None, None, 45, None),
        (15, 24.0, None, None),
        (None, None, 1200, 2500.0),
        (None, 32.0, None, 36.58),
    ]


@pytest.mark.parametrize(
    ("unit", "metres"),
    [("m", 400.0), ("M", 400.0), ("meters", 400.0), ("km", 400_000.0), ("KM", 400_000.0), ("mi", 643_737.6),
     ("mi.", 643_737.6), ("Miles", 643_737.6), ("ft", 121.92), ("yd", 365.76), ("yds", 365.76)],
)  # fmt: skip
def test_distance_units_are_read_in_every_spelling_the_apps_write(unit: str, metres: float) -> None:
    text = f"{HEADER_WITH_UNITS}\n2026-04-07 18:00:00;Run;Running;1;;;;;400;{unit};600;;;30m\n"

    export = read_export(text, file_name="run.csv", time_zone=UTC)

    assert [found.distance_m for found in export.sets] == [metres]


HEADER_WITH_UNITS = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;"
    "Workout Notes;Workout Duration"
)


def test_a_cell_the_set_does_not_need_is_left_out_of_it_with_row_field_and_value_said() -> None:
    rows = [
        "2026-04-07 18:00:00;Mixed;Farmer Walk;1;24;kg;;;30;furlongs;60;;;30m",
        "2026-04-07 18:00:00;Mixed;Halo;1;8;kg;10;12;;;;;;30m",
        "2026-04-08 18:00:00;Sled;Sled Push;1;;;;;30;furlongs;;;;30m",
    ]
    export = read_export("\n".join([HEADER_WITH_UNITS, *rows]), file_name="mixed.csv", time_zone=UTC)

    assert [str(notice) for notice in export.kept_without] == [
        "mixed.csv:2, Distance Unit: the distance unit 'furlongs' is not one of m, km, mi, ft, yd",
        "mixed.csv:3, RPE: the RPE '12' is not between 1 and 10",
    ]
    # A distance that was all the set had is a set that cannot be read: its workout waits for a fixed file.
    assert [str(problem) for problem in export.problems] == [
        "mixed.csv:4, Distance Unit: the distance unit 'furlongs' is not one of m, km, mi, ft, yd",
        "mixed.csv: the workout of 2026-04-08T18:00:00 is left out because of the problems above",
    ]
    assert [summary(found) for found in export.sets] == [
        ("Farmer Walk", 1, "normal", None, 24.0, 60, None),
        ("Halo", 1, "normal", 10, 8.0, None, None),
    ]


def test_a_hevy_set_type_it_does_not_know_is_kept_as_a_normal_set_and_said() -> None:
    text = (DATA / "hevy.csv").read_text(encoding="utf-8").replace('"dropset"', '"superset"', 1)

    export = read_export(text, file_name="hevy.csv", time_zone=PARIS)

    assert len(export.sets) == 7 and export.problems == []
    assert [str(notice) for notice in export.kept_without] == [
        "hevy.csv:5, set_type: the set type 'superset' is not one of normal, warmup, dropset, failure"
    ]
    assert export.sets[3].kind == "normal"


def test_numbers_beyond_any_set_are_named_and_never_reach_the_store() -> None:
    rows = [
        "2026-04-06 18:00:00,Huge reps,1h,Halo,1,8,3000000000,0,0,,,",
        "2026-04-07 18:00:00,Huge bell,1h,Halo,1,80000,8,0,0,,,",
        "2026-04-08 18:00:00,Long run,1h,Running,1,0,0,5000000,1800,,,",
        "2026-04-09 18:00:00,Fine,1h,Halo,1,8,8,0,0,,,",
    ]
    export = read_export("\n".join([HEADER, *rows]), file_name="huge.csv", time_zone=UTC)
    problems = [str(problem) for problem in export.problems]
    assert "huge.csv:2, Reps: the reps '3000000000' is more than 1000, more than any set holds" in problems
    assert "huge.csv:3, Weight: the weight 80000 kg is more than 500 kg, more than any set holds" in problems
    assert [str(notice) for notice in export.kept_without] == [
        "huge.csv:4, Distance: the distance 5e+06 km is more than 1000 km"
    ]
    assert [(found.workout_title, found.distance_m) for found in export.sets] == [("Long run", None), ("Fine", None)]


def test_a_workout_dated_in_the_future_is_left_out_and_said_once_never_stored_quietly() -> None:
    rows = [
        "2026-04-06 18:00:00,Past,1h,Halo,1,8,8,0,0,,,",
        "2031-04-07 18:00:00,Ahead,1h,Halo,1,8,8,0,0,,,",
        "2031-04-07 18:00:00,Ahead,1h,Halo,2,8,8,0,0,,,",
    ]
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    export = read_export("\n".join([HEADER, *rows]), file_name="ahead.csv", time_zone=UTC, now=now)
    assert [found.workout_title for found in export.sets] == ["Past"]
    assert [str(problem) for problem in export.problems] == [
        "ahead.csv: the workout of 2031-04-07 18:00 (Ahead) is dated in the future and is left out: check the time "
        "zone, or the clock of the phone that logged it"
    ]


def test_a_name_or_note_longer_than_the_store_keeps_is_named_and_its_workout_left_out() -> None:
    rows = [
        f"2026-04-06 18:00:00,Long name,1h,{'Halo ' * 50},1,8,8,0,0,,,",
        f"2026-04-07 18:00:00,{'T' * 301},1h,Halo,1,8,8,0,0,,,",
        f"2026-04-08 18:00:00,Long note,1h,Halo,1,8,8,0,0,{'n' * 2001},,",
        "2026-04-09 18:00:00,Fine,1h,Halo,1,8,8,0,0,,,",
    ]
    export = read_export("\n".join([HEADER, *rows]), file_name="long.csv", time_zone=UTC)
    problems = [str(problem) for problem in export.problems]
    assert "long.csv:2, Exercise Name: the exercise name is 249 characters long, more than 200" in problems
    assert "long.csv:3, Workout Name: the workout's name is 301 characters long, more than 300" in problems
    # a note is not what the set is: the set is kept without it, and that is said
    assert [str(notice) for notice in export.kept_without] == [
        "long.csv:4, Notes: the note is 2001 characters long, more than 2000"
    ]
    assert [found.workout_title for found in export.sets] == ["Long note", "Fine"]


def test_a_digit_int_cannot_read_is_a_problem_of_its_row_not_a_traceback() -> None:
    rows = ["2026-04-06 18:00:00,Sup,1h,Halo,1,8,8,0,¹0,,,", "2026-04-07 18:00:00,Fine,1h,Halo,1,8,8,0,0,,,"]
    export = read_export("\n".join([HEADER, *rows]), file_name="sup.csv", time_zone=UTC)
    assert [found.workout_title for found in export.sets] == ["Fine"]
    assert [problem.line for problem in export.problems if problem.line] == [2]
