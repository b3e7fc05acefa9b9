"""Plan files: what a user writes, what they are told when it is wrong."""

from pathlib import Path

import pytest

from repcoach.errors import InvalidInput
from repcoach.plan.builtins import builtin_plans
from repcoach.plan.loading import load_plan_file, parse_plan

GOOD_TOML = """\
id = "my-back-day"
title = "My back day"
rounds = "3-4"
rest_after_round = "2 min"

[[blocks]]
name = "Superset A"
kind = "superset"
rest_after = "1:30"

[[blocks.moves]]
exercise = "single-arm-row"
reps = "8-12"
per_side = true
load = "medium"

[[blocks.moves]]
exercise = "romanian-deadlift"
reps = 10
"""


def problems_of(text: str, *, yaml_format: bool = False) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        parse_plan(text, "my.toml" if not yaml_format else "my.yaml", yaml_format=yaml_format)
    return [str(problem) for problem in caught.value.problems]


def test_a_plan_written_as_people_write_it_loads_with_whole_seconds():
    plan = parse_plan(GOOD_TOML, "my.toml")
    assert plan.rest_after_round == 120
    assert plan.blocks[0].rest_after == 90
    assert str(plan.rounds) == "3-4"
    assert plan.blocks[0].moves[0].target == "8-12 reps per side"
    assert plan.blocks[0].moves[1].target == "10 reps"


@pytest.mark.parametrize(
    ("written", "metres", "target"),
    [("400", 400, "400 m"), ('"400 m"', 400, "400 m"), ('"1 mile"', 1609.34, "1 mile"), ('"1.5 km"', 1500, "1.5 km")],
)
def test_a_run_or_a_carry_is_a_distance_in_metres(written, metres, target):
    plan = parse_plan(GOOD_TOML.replace("reps = 10", f"distance_m = {written}"), "my.toml")
    move = plan.blocks[0].moves[1]
    assert (move.distance_m, move.target, move.measure) == (metres, target, "metres")


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        (
            'reps = "8-12"',
            'reps = "12-8"',
            "my.toml:13, blocks[0].moves[0].reps: range 12-8 runs backwards; write the smaller number first (8-12)",
        ),
        ('rest_after = "1:30"', "rest_after = -90", "my.toml:9, blocks[0].rest_after: must be 0 or more (got -90)"),
        (
            'kind = "superset"',
            'kind = "supreset"',
            "my.toml:8, blocks[0].kind: 'supreset' is not allowed here; use one of 'superset', 'circuit' or 'straight'",
        ),
        (
            'exercise = "romanian-deadlift"',
            'exercise = "romanian-deadlfit"',
            "my.toml:18, blocks[0].moves[1].exercise: unknown exercise 'romanian-deadlfit'; "
            "did you mean romanian-deadlift, single-leg-deadlift? "
            "If not, describe it under [exercises.romanian-deadlfit]",
        ),
        (
            'exercise = "romanian-deadlift"',
            'exercise = "RDL"',
            "my.toml:18, blocks[0].moves[1].exercise: unknown exercise 'RDL'; write its id 'romanian-deadlift'",
        ),
        (
            'load = "medium"',
            'load = "heavyish"',
            "my.toml:15, blocks[0].moves[0].load: 'heavyish' is not allowed here; use one of 'bodyweight', "
            "'light', 'light-medium', 'medium', 'medium-heavy' or 'heavy'",
        ),
        (
            'id = "my-back-day"',
            'id = "My Back Day"',
            "my.toml:1, id: use lower-case words joined by hyphens, like 'kettlebell-back' (got 'My Back Day')",
        ),
        (
            "reps = 10",
            'reps = "ten"',
            "my.toml:19, blocks[0].moves[1].reps: write a number or a range like '6-10' (got 'ten')",
        ),
        (
            "reps = 10",
            'reps = 10\nhold_seconds = "30 s"',
            'my.toml:17, blocks[0].moves[1]: give one of reps (e.g. reps = "6-10"), hold_seconds (e.g. "30 s")'
            ' or distance_m (e.g. "400 m")',
        ),
        (
            "reps = 10",
            'distance_m = "400 furlongs"',
            "my.toml:19, blocks[0].moves[1].distance_m: '400 furlongs' is not a distance; write a number above 0"
            " and a unit, like 400 m or 1 mile",
        ),
        (
            "reps = 10",
            "reps = 10\nweight = 16",
            "my.toml:20, blocks[0].moves[1].weight: 'weight' is not a field here (check its spelling)",
        ),
        (
            "reps = 10",
            "reps = 3000000000",
            "my.toml:19, blocks[0].moves[1].reps: must be 1000 or less (got 3000000000)",
        ),
        ('rounds = "3-4"', 'rounds = "3-500"', "my.toml:3, rounds: must be 100 or less (got 3-500)"),
        (
            'title = "My back day"',
            'title = "My back\\u0000day"',
            "my.toml:2, title: holds a NUL character (\\u0000), which no text may hold",
        ),
        ('title = "My back day"\n', "", "my.toml, title: the required field 'title' is missing"),
        ('rounds = "3-4"', 'rounds = "0-2"', "my.toml:3, rounds: rounds must start at 1 or more (got 0-2)"),
        (
            'kind = "superset"',
            'kind = "straight"',
            "my.toml:6, blocks[0]: a straight block holds exactly one move, this one has 2",
        ),
        (
            'kind = "superset"',
            'kind = "superset"\nrest_between_moves = 15',
            'my.toml:6, blocks[0]: a superset has no rest between its moves; use kind = "circuit" for that',
        ),
        (
            'rounds = "3-4"',
            'rounds = "3-4"\nwarmup = "warm-up-thing"',
            "my.toml:4, warmup: unknown plan 'warm-up-thing'; known plans: my-back-day",
        ),
    ],
)
def test_a_bad_plan_is_reported_with_file_line_and_field(replace, by, expected):
    assert replace in GOOD_TOML
    assert problems_of(GOOD_TOML.replace(replace, by, 1)) == [expected]


def test_every_problem_in_a_file_is_reported_not_just_the_first():
    text = GOOD_TOML.replace('reps = "8-12"', 'reps = "12-8"').replace("reps = 10", "reps = -1")
    assert [problem.split(":")[1] for problem in problems_of(text)] == [
        "13, blocks[0].moves[0].reps",
        "19, blocks[0].moves[1].reps",
    ]


def test_a_toml_syntax_error_names_its_line():
    assert problems_of('id = "x"\n[[blocks]\n') == [
        "my.toml:2: not valid TOML: Expected ']]' at the end of an array declaration"
    ]


def test_yaml_plans_are_located_by_line_too():
    text = (
        "id: mine\ntitle: Mine\nblocks:\n  - name: A\n    kind: straight\n"
        "    moves:\n      - exercise: goblet-squat\n        reps: 12-8\n"
    )
    assert problems_of(text, yaml_format=True) == [
        "my.yaml:8, blocks[0].moves[0].reps: range 12-8 runs backwards; write the smaller number first (8-12)"
    ]


def test_a_yaml_file_that_is_not_a_mapping_is_refused():
    assert problems_of("- just\n- a list\n", yaml_format=True) == [
        "my.yaml: a plan file holds a mapping of fields (id, title, blocks, …)"
    ]


def test_files_are_read_by_suffix_and_unreadable_ones_named(tmp_path: Path):
    plan_file = tmp_path / "mine.toml"
    plan_file.write_text(GOOD_TOML)
    assert load_plan_file(plan_file).id == "my-back-day"
    for name, message in [
        ("mine.txt", "a plan file ends in .toml, .yaml, .yml"),
        ("absent.toml", "cannot read the file"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            load_plan_file(tmp_path / name)
        assert str(caught.value).startswith(f"{tmp_path / name}: {message}")


def test_a_user_plan_may_name_a_builtin_warmup():
    text = GOOD_TOML.replace('rounds = "3-4"', 'rounds = "3-4"\nwarmup = "upper-body-warmup"')
    assert parse_plan(text, "my.toml", known_plan_ids=builtin_plans()).warmup == "upper-body-warmup"


OWN_MOVE = """
[[blocks]]
name = "Finisher"
kind = "straight"

[[blocks.moves]]
exercise = "cossack-squat"
reps = "6-8"
per_side = true

[exercises.cossack-squat]
name = "Cossack squat"
pattern = "squat"
cues = ["Sit deep into one hip", "Keep the other leg straight, toes up"]
"""


def test_a_plan_may_describe_moves_the_library_does_not_have():
    plan = parse_plan(GOOD_TOML + OWN_MOVE, "my.toml")

    exercise = plan.exercise_lookup().get("cossack-squat")
    assert (exercise.name, exercise.pattern, exercise.cues[0]) == ("Cossack squat", "squat", "Sit deep into one hip")
    assert plan.exercise_lookup().get("single-arm-row").name == "Single-arm row"


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        (
            "[exercises.cossack-squat]",
            "[exercises.cossack]",
            "my.toml:26, blocks[1].moves[0].exercise: unknown exercise 'cossack-squat'; "
            "did you mean back-squat, air-squat? If not, describe it under [exercises.cossack-squat]",
        ),
        (
            "[exercises.cossack-squat]",
            '[exercises.halo]\nname = "My halo"\n[exercises.cossack-squat]',
            "my.toml:30, exercises.halo: 'halo' is in the library already; use it without describing it",
        ),
        (
            'pattern = "squat"',
            'pattern = "sideways"',
            "my.toml:32, exercises.cossack-squat.pattern: 'sideways' is not allowed here; use one of",
        ),
    ],
)
def test_a_plan_s_own_moves_are_checked_too(replace, by, expected):
    [problem] = problems_of(GOOD_TOML + OWN_MOVE.replace(replace, by))
    assert problem.startswith(expected)
