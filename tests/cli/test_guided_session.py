"""``repcoach run`` driven end to end with scripted input and a fast clock."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from repcoach.store import open_store

SETUP = ["kg", "8 12 16", "beginner"]
ROUND = ["", "", "", "", ""]  # renegade row, Romanian deadlift, halo, single-arm row left and right


def script(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def sets_in(db_file):
    with open_store(f"sqlite:///{db_file}") as store:
        profile = store.get_profile()
        return store.list_sessions(profile.id)


def test_three_rounds_then_finish_logs_fifteen_sets_and_completes_the_session(repcoach, db_file):
    result = repcoach(
        "run",
        "kettlebell-back",
        "--no-voice",
        input=script(*SETUP, *ROUND * 3, "f"),
        env={"REPCOACH_TIME_SCALE": "2000"},
    )
    assert result.exit_code == 0, result.output
    assert "Round 3 of 3-5 done." in result.stdout
    assert "Session complete." in result.stdout
    # the report: what was done, nothing to compare yet, the bells for next time and when
    assert re.search(r"3 rounds · 15 sets · \d+ min · [\d,]+ kg moved", result.stdout)
    assert "Your first session of this plan: next time shows what changed." in result.stdout
    assert re.search(r"Next time:\n  Renegade row: \d+ kg, 6-10 reps", result.stdout)
    assert "Kettlebell back workout: Allowed from " in result.stdout
    [session] = sets_in(db_file)
    assert session.finished_at is not None
    assert len(session.sets) == 15
    assert [s.round for s in session.sets] == [1] * 5 + [2] * 5 + [3] * 5
    assert {(s.reps, s.rir) for s in session.sets} == {(10, 2)}  # Enter logs the top of 6-10 at RIR 2


def test_the_first_run_asks_three_questions_and_advises_bells_from_them(repcoach, db_file):
    result = repcoach("run", "kettlebell-back", "--no-voice", input=script("lb", "10 20 35", "advanced", "q"))
    assert result.exit_code == 0
    assert (
        "Bell: 10 lb — First time with Renegade row: start with 10 lb, your bell closest to the plan's "
        "light-medium guide (about 5-15 lb) for an advanced lifter, for 6-10 reps."
    ) in " ".join(result.stdout.replace("│", " ").split())
    with open_store(f"sqlite:///{db_file}") as store:
        profile = store.get_profile()
    assert (profile.units, profile.experience, len(profile.bells_kg)) == ("lb", "advanced", 3)


def test_typed_reps_rir_and_bell_are_logged_and_bad_entries_are_explained(repcoach, db_file):
    result = repcoach(
        "run", "--no-voice", input=script(*SETUP, "ten", "8 1 @12", "q"), env={"REPCOACH_TIME_SCALE": "2000"}
    )
    assert "'ten' is not a number; type reps and RIR like '8 2'" in result.stdout
    assert "✓ logged 8 reps, RIR 1, 12 kg" in result.stdout
    [session] = sets_in(db_file)
    assert [(s.exercise_id, s.reps, s.rir, s.weight_kg) for s in session.sets] == [("renegade-row", 8, 1, 12.0)]
    assert session.finished_at is None


def test_undo_takes_back_the_last_set_in_the_store_too(repcoach, db_file):
    repcoach("run", "--no-voice", input=script(*SETUP, "", "", "u", "q"), env={"REPCOACH_TIME_SCALE": "2000"})
    [session] = sets_in(db_file)
    assert [s.exercise_id for s in session.sets] == ["renegade-row"]


def test_skipping_a_move_logs_nothing_for_it(repcoach, db_file):
    repcoach("run", "--no-voice", input=script(*SETUP, "s", "", "q"), env={"REPCOACH_TIME_SCALE": "2000"})
    [session] = sets_in(db_file)
    assert [s.exercise_id for s in session.sets] == ["romanian-deadlift"]


def test_going_on_to_round_5_ends_the_session_without_a_sixth(repcoach, db_file):
    result = repcoach(
        "run",
        "--no-voice",
        input=script(*SETUP, *ROUND * 3, "", *ROUND, "", *ROUND),
        env={"REPCOACH_TIME_SCALE": "2000"},
    )
    assert "Session complete." in result.stdout
    assert "Round 5 of 3-5 done" not in result.stdout
    [session] = sets_in(db_file)
    assert max(s.round for s in session.sets) == 5 and len(session.sets) == 25


def test_a_warmup_and_a_paired_plan_run_around_the_back_routine(repcoach, db_file):
    warmup_steps = [""] * 5  # five moves
    legs_round = ["", "", ""]  # goblet squat, reverse lunge left and right
    result = repcoach(
        "run",
        "kettlebell-back",
        "--warmup",
        "--with",
        "legs-glutes",
        "--no-voice",
        input=script(*SETUP, *warmup_steps, *ROUND * 3, "f", *legs_round * 3, "f"),
        env={"REPCOACH_TIME_SCALE": "5000"},
    )
    assert "Session complete." in result.stdout
    [session] = sets_in(db_file)
    assert session.plan_ids == ("upper-body-warmup", "kettlebell-back", "legs-glutes")
    assert [s.plan_id for s in session.sets].count("legs-glutes") == 9


def test_history_lists_the_session_with_its_sets(repcoach):
    repcoach("run", "--no-voice", input=script(*SETUP, "", "9 1", "q"), env={"REPCOACH_TIME_SCALE": "2000"})
    result = repcoach("history")
    text = result.stdout
    assert "Kettlebell back workout · unfinished: repcoach resume · 1 round · 2 sets" in text
    rows = [" ".join(line.split()) for line in text.splitlines()]
    assert "Renegade row 10 2 8 kg" in rows
    assert "Romanian deadlift 9 1 12 kg" in rows


def test_history_and_resume_with_nothing_stored_say_what_to_do(repcoach):
    assert "No sessions yet. Start one with: repcoach run kettlebell-back" in repcoach("history").stdout
    resumed = repcoach("resume")
    assert resumed.exit_code == 1
    assert "There is no unfinished session. Start one with: repcoach run kettlebell-back" in resumed.stderr


def test_a_bad_database_url_is_a_sentence_not_a_traceback(repcoach):
    result = repcoach("--db", "nonsense://x", "history")
    assert result.exit_code == 1
    assert "Cannot use the database URL 'nonsense://x': unknown database kind 'nonsense'" in result.stderr


def test_a_bad_time_scale_is_refused(repcoach):
    result = repcoach("run", "--no-voice", input=script(*SETUP), env={"REPCOACH_TIME_SCALE": "fast"})
    assert result.exit_code == 1
    assert "REPCOACH_TIME_SCALE: must be a number above 0, got 'fast'" in result.stderr


def test_run_offers_to_continue_an_unfinished_session_instead_of_starting_over(repcoach, db_file):
    fast = {"REPCOACH_TIME_SCALE": "2000"}
    repcoach("run", "--no-voice", input=script(*SETUP, "", "q"), env=fast)
    continued = repcoach("run", "--no-voice", input=script("y", "", "q"), env=fast)
    assert "You have an unfinished session (Kettlebell back workout). Continue it instead?" in continued.stdout
    assert "ROMANIAN DEADLIFT" in continued.stdout
    [session] = sets_in(db_file)
    assert [s.exercise_id for s in session.sets] == ["renegade-row", "romanian-deadlift"]

    repcoach("run", "--no-voice", input=script("n", "q"), env=fast)
    newest, older = sets_in(db_file)
    assert newest.sets == () and newest.finished_at is None
    assert older.finished_at == older.sets[-1].finished_at  # closed at its last set, not at its start


def test_a_hold_is_logged_in_seconds_and_a_run_in_metres(repcoach, db_file):
    plans = db_file.parent / "plans"
    plans.mkdir()
    shutil.copy(Path(__file__).parents[1] / "web" / "data" / "quick-hold-and-run.toml", plans)
    result = repcoach(
        "run", "quick-hold-and-run", "--no-voice", input=script(*SETUP, "", "350"), env={"REPCOACH_TIME_SCALE": "2000"}
    )
    assert result.exit_code == 0, result.output
    assert "type seconds [rir]" in result.stdout and "type metres [rir]" in result.stdout
    assert "✓ logged 30 s" in result.stdout and "✓ logged 350 m" in result.stdout
    [session] = sets_in(db_file)
    assert [(s.exercise_id, s.reps, s.hold_seconds, s.distance_m) for s in session.sets] == [
        ("plank", None, 30, None),
        ("run", None, None, 350.0),
    ]
