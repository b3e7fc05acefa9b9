"""A real ``repcoach run`` process killed mid-session loses nothing, and ``resume`` goes on from there."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from repcoach.store import open_store

from .interactive import Interactive

pytestmark = pytest.mark.slow


def stored(db_file: Path):
    with open_store(f"sqlite:///{db_file}") as store:
        profile = store.get_profile()
        return store.unfinished_session(profile.id), store.list_sessions(profile.id)[0].sets


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    return {"REPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}", "REPCOACH_TIME_SCALE": "100"}


def start_and_log(tmp_path: Path, env: dict[str, str], entries: list[str]) -> Interactive:
    run = Interactive(["run", "kettlebell-back", "--no-voice"], env, tmp_path)
    for answer in ("kg", "8 12 16", "beginner"):
        run.type(answer)
    for entry in entries:
        run.expect("Enter logs:")
        run.type(entry)
        run.expect("✓ logged")
    return run


def test_a_killed_session_keeps_every_set_and_resumes_at_the_next_step(tmp_path, environment):
    run = start_and_log(tmp_path, environment, ["", "9 1", "8 2"])  # renegade row, RDL, (rest), halo
    run.kill()
    unfinished, sets = stored(tmp_path / "r.db")
    assert unfinished is not None
    assert [(s.exercise_id, s.reps, s.rir) for s in sets] == [
        ("renegade-row", 10, 2),
        ("romanian-deadlift", 9, 1),
        ("halo", 8, 2),
    ]

    resumed = Interactive(["resume", "--no-voice"], environment, tmp_path)
    resumed.expect("Resuming Kettlebell back workout")
    resumed.expect("SINGLE-ARM ROW — left side")
    resumed.expect("Enter logs:")
    resumed.type("7 0")
    resumed.expect("✓ logged 7 reps, RIR 0")
    resumed.type("q")
    assert resumed.finish() == 0
    _, sets = stored(tmp_path / "r.db")
    assert [(s.exercise_id, s.side) for s in sets][-1] == ("single-arm-row", "left")


def test_a_session_killed_during_a_rest_resumes_in_that_rest_with_the_time_left(tmp_path, environment):
    environment["REPCOACH_TIME_SCALE"] = "1"
    run = start_and_log(tmp_path, environment, ["", ""])  # renegade row, RDL: a 90 s rest starts
    run.expect("Rest 90 s")
    time.sleep(2.5)  # some of the rest passes before the crash
    run.kill()
    resumed = Interactive(["resume", "--no-voice"], environment, tmp_path)
    line = resumed.expect("Rest 90 s")
    minutes, seconds = line.split("(")[1].split(" left")[0].split(":")
    assert 80 <= int(minutes) * 60 + int(seconds) <= 88, (
        line
    )  # 1:27 or so: the time gone before and since the crash is deducted
    assert "left) — after Superset 1. Next: Halo" in line
    resumed.type("")  # end the rest now
    resumed.expect("HALO")
    resumed.type("q")
    assert resumed.finish() == 0


def test_a_rest_can_be_paused_and_resumed_from_the_terminal(tmp_path, environment):
    environment["REPCOACH_TIME_SCALE"] = "1"
    run = start_and_log(tmp_path, environment, ["", ""])
    run.expect("Rest 90 s")
    run.type("p")
    run.expect("Paused — the rest clock is stopped. Enter to resume.")
    run.type("")
    run.type("")  # resumed; Enter again ends the rest
    run.expect("HALO")
    run.type("q")
    assert run.finish() == 0
