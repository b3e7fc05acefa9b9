"""``repcoach plans | show | explain | exercises | check`` as a user sees them."""

from pathlib import Path

import pytest

from repcoach.plan.builtins import builtin_plans


def test_plans_lists_every_builtin_plan(repcoach):
    result = repcoach("plans")
    assert result.exit_code == 0
    for plan_id in ("kettlebell-back", "legs-glutes", "upper-body-warmup"):
        assert plan_id in result.stdout


def test_show_prints_the_reference_routine_as_a_table(repcoach):
    result = repcoach("show", "kettlebell-back", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "• Do the blocks in order, then repeat: 3-5 rounds in all." in lines
    assert "• After round 3 you may finish or go on, up to 5." in lines
    rows = [line for line in lines if line.startswith("│")]
    cells = [[cell.strip() for cell in row.strip("│").split("│")] for row in rows]
    assert [cell[1] for cell in cells if cell[1]] == ["Renegade row", "Romanian deadlift", "Halo", "Single-arm row"]
    assert [cell[4] for cell in cells if cell[4]] == [
        "none: go straight on",
        "90 s",
        "none: go straight on",
        "2 min (end of round)",
    ]
    assert any("6-10 reps per side @ RIR" in cell[2] for cell in cells)
    assert [cell[3] for cell in cells if cell[3]] == [
        "light-medium (about 5-15 lb)",
        "medium-heavy (about 20-35 lb)",
        "light-medium (about 5-15 lb)",
        "light-medium (about 5-15 lb)",
    ]


def test_every_move_of_every_builtin_plan_can_be_explained(repcoach):
    for plan in builtin_plans().values():
        for exercise_id in plan.exercise_ids():
            result = repcoach("explain", exercise_id)
            assert result.exit_code == 0, result.stdout
            assert "How to do it" in result.stdout and "Common mistakes" in result.stdout


def test_explain_shows_the_single_arm_row_in_full(repcoach):
    result = repcoach("explain", "single-arm-row")
    text = " ".join(result.stdout.split())
    for expected in (
        "Single-arm row",
        "Equipment",
        "kettlebell",
        "Primary muscles",
        "horizontal-pull",
        "one side at a time",
        "1.",
        "3.",
        "✗",
        "kettlebell-back",
    ):
        assert expected in text


def test_explain_finds_a_move_by_the_name_people_write(repcoach):
    assert "Romanian deadlift" in repcoach("explain", "RDL").stdout


def test_an_unknown_move_or_plan_is_refused_with_the_closest_names(repcoach):
    move = repcoach("explain", "single arm rwo")
    assert move.exit_code == 1
    assert "Unknown exercise 'single arm rwo'. Did you mean: single-arm-row" in " ".join(move.stderr.split())
    plan = repcoach("show", "kettlebel-back")
    assert plan.exit_code == 1
    assert "Unknown plan 'kettlebel-back'. Did you mean: kettlebell-back?" in plan.stderr


def test_check_accepts_a_good_plan_file(repcoach, tmp_path: Path):
    plan_file = tmp_path / "mine.toml"
    plan_file.write_text(
        'id = "mine"\ntitle = "Mine"\n[[blocks]]\nname = "A"\nkind = "straight"\nsets = 3\n'
        'rest_between_sets = "60 s"\n[[blocks.moves]]\nexercise = "goblet-squat"\nreps = "8-12"\n'
    )
    result = repcoach("check", str(plan_file))
    assert result.exit_code == 0
    assert f"OK {plan_file}: 'Mine' (mine), 1 blocks, 1 moves." in " ".join(result.stdout.split())


def test_check_reports_every_problem_with_file_line_and_field_and_no_traceback(repcoach, tmp_path: Path):
    plan_file = tmp_path / "bad.toml"
    plan_file.write_text(
        'id = "bad"\ntitle = "Bad"\n[[blocks]]\nname = "A"\nkind = "superset"\nrest_after = -5\n'
        '[[blocks.moves]]\nexercise = "curl-of-doom"\nreps = "10-6"\n'
        '[[blocks.moves]]\nexercise = "halo"\nreps = 8\n'
    )
    result = repcoach("check", str(plan_file))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "2 problems:",
        f"  {plan_file}:6, blocks[0].rest_after: must be 0 or more (got -5)",
        f"  {plan_file}:9, blocks[0].moves[0].reps: range 10-6 runs backwards; write the smaller number first (6-10)",
    ]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "text"), [("deep.toml", "a = " + "[" * 100_000), ("deep.yaml", "a: " + "[" * 100_000)]
)
def test_check_says_in_one_line_that_a_file_nested_100k_deep_is_no_plan(repcoach, tmp_path: Path, name, text):
    plan_file = tmp_path / name
    plan_file.write_text(text + "]" * 100_000)
    result = repcoach("check", str(plan_file))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].endswith("nested thousands of levels deep; a plan needs no more than a few")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.toml"], "missing.toml: cannot read the file: No such file or directory"),
        (["check", "notes.txt"], "notes.txt: a plan file ends in .toml, .yaml, .yml"),
        (["run", "no-such-plan"], "Unknown plan 'no-such-plan'."),
    ],
)
def test_bad_arguments_get_a_sentence_and_exit_code_1(repcoach, args, message):
    result = repcoach(*args)
    assert result.exit_code == 1
    assert message in result.stderr
