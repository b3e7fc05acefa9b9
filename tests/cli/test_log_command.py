"""``repcoach log``: work done outside repcoach's plans."""

import pytest

from repcoach.store import open_store

PROFILE = "kg\n8 12 16\nbeginner\n"


def logged(db_file):
    with open_store(f"sqlite:///{db_file}") as store:
        return store.list_sessions(store.get_profile().id)


def test_a_chest_day_is_logged_as_a_finished_workout_with_its_sets(repcoach, db_file):
    result = repcoach(
        "log", "Bench Press (Barbell)", "3x8", "--weight", "60", "--rir", "2", "--at", "2026-11-23 18:00", input=PROFILE
    )
    assert result.exit_code == 0, result.output
    assert "Logged Bench press: 8, 8, 8 reps at 60 kg, RIR 2 (Mon 23 Nov 18:00)." in result.stdout
    [workout] = logged(db_file)
    assert workout.finished_at is not None
    assert [(s.exercise_id, s.reps, s.weight_kg, s.rir, s.round) for s in workout.sets] == [
        ("bench-press", 8, 60.0, 2, 1)
    ] * 3


def test_reps_per_set_and_a_weight_in_another_unit_are_understood(repcoach, db_file):
    repcoach("log", "pull-up", "8,7,6", input=PROFILE)
    repcoach("log", "overhead press", "2x5", "-w", "95lb")
    (pull_ups,) = [w for w in logged(db_file) if w.title == "Pull-up"]
    assert [s.reps for s in pull_ups.sets] == [8, 7, 6] and pull_ups.sets[0].weight_kg is None
    (press,) = [w for w in logged(db_file) if w.title == "Overhead press"]
    assert press.sets[0].weight_kg == pytest.approx(43.09, abs=0.01)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bench prss", "3x8"], "Unknown exercise 'bench prss'. Did you mean: bench-press"),
        (["bench press", "8x"], "SETS: '8x' is not a set count; write sets x reps like 3x8"),
        (["bench press", "3x8", "-w", "heavy"], "--weight: 'heavy' is not a weight"),
        (
            ["bench press", "3x8", "--at", "yesterday"],
            "--at: 'yesterday' is not a time; write it like 2026-11-23 18:00",
        ),
    ],
)
def test_bad_input_is_refused_with_a_sentence_and_nothing_is_stored(repcoach, db_file, args, message):
    result = repcoach("log", *args, input=PROFILE)
    assert result.exit_code == 1
    assert message in " ".join(result.stderr.split())
    if db_file.exists():
        assert logged(db_file) == []
