"""Catalogue files: a bad entry is reported by file, line and field, in words."""

import pytest

from repcoach.errors import InvalidInput
from repcoach.library import Catalogue

GOOD = """\
# Two exercises.
[[exercise]]
id = "halo"
name = "Halo"
aliases = ["kettlebell halo"]
summary = "Circle a bell around the head."
equipment = ["kettlebell"]
primary_muscles = ["front deltoids"]
pattern = "core"
sided = "bilateral"
kind = "accessory"
cues = ["Hold the bell by the horns.", "Circle close to the head.", "Keep the ribs down."]
mistakes = ["Arching the back.", "A wide circle."]

[[exercise]]
id = "goblet-squat"
name = "Goblet squat"
aliases = ["kettlebell goblet squat"]
summary = "Squat holding a bell at the chest."
equipment = ["kettlebell", "dumbbell"]
primary_muscles = ["quadriceps", "glutes"]
pattern = "squat"
sided = "bilateral"
kind = "strength"
cues = [
    "Hold the bell close to the chest.",
    "Sit down between the knees.",
    "Drive up through the whole foot.",
]
mistakes = ["Knees caving in.", "Heels lifting."]
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        Catalogue.from_toml(text, "mine.toml")
    return [str(problem) for problem in caught.value.problems]


def changed(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


def test_a_good_file_reads_into_a_catalogue():
    catalogue = Catalogue.from_toml(GOOD, "mine.toml")
    assert [exercise.id for exercise in catalogue] == ["halo", "goblet-squat"]
    assert catalogue.get("Kettlebell Goblet Squat").id == "goblet-squat"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'summary = "Squat holding a bell at the chest."\n',
            "",
            "mine.toml:15, exercise[1].summary: the required field 'summary' is missing",
        ),
        (
            '    "Sit down between the knees.",\n',
            "",
            "mine.toml:25, exercise[1].cues: give 3 to 5 cues, this entry has 2",
        ),
        (
            'mistakes = ["Knees caving in.", "Heels lifting."]',
            'mistakes = ["Knees caving in."]',
            "mine.toml:30, exercise[1].mistakes: give 2 to 4 mistakes, this entry has 1",
        ),
        (
            'id = "goblet-squat"',
            'id = "halo"',
            "mine.toml:16, exercise[1].id: the id 'halo' is already used by another exercise",
        ),
        (
            'aliases = ["kettlebell goblet squat"]',
            'aliases = ["goblet", "Kettlebell Halos"]',
            "mine.toml:18, exercise[1].aliases[1]: the name 'Kettlebell Halos' already means 'halo'; "
            "a name can mean only one exercise",
        ),
        (
            'id = "goblet-squat"',
            'id = "Goblet Squat"',
            "mine.toml:16, exercise[1].id: use lower-case words joined by hyphens, like 'kettlebell-back' "
            "(got 'Goblet Squat')",
        ),
        (
            'equipment = ["kettlebell", "dumbbell"]',
            'equipment = ["kettlebell", "dumbell"]',
            "mine.toml:20, exercise[1].equipment[1]: 'dumbell' is not allowed here; use one of 'kettlebell', "
            "'dumbbell', 'barbell', 'bodyweight', 'band', 'machine', 'cable', 'bench' or 'pull-up-bar'",
        ),
        (
            'primary_muscles = ["quadriceps", "glutes"]',
            'primary_muscles = ["quadriceps", "glutes"]\nmusles = ["core"]',
            "mine.toml:22, exercise[1].musles: 'musles' is not a field here (check its spelling)",
        ),
        (
            'primary_muscles = ["quadriceps", "glutes"]',
            'primary_muscles = "quadriceps"',
            'mine.toml:21, exercise[1].primary_muscles: give a list, like ["a", "b"] (got \'quadriceps\')',
        ),
        (
            'primary_muscles = ["quadriceps", "glutes"]',
            "primary_muscles = []",
            "mine.toml:21, exercise[1].primary_muscles: give at least 1 here",
        ),
        (
            'name = "Goblet squat"',
            'name = ""',
            "mine.toml:17, exercise[1].name: must not be empty",
        ),
    ],
)
def test_a_bad_entry_is_reported_with_its_line_and_field(old, new, expected):
    assert problems_of(changed(old, new)) == [expected]


def test_a_missing_field_is_reported_at_its_entry_header():
    text = changed('kind = "strength"\n', "")
    assert problems_of(text) == ["mine.toml:15, exercise[1].kind: the required field 'kind' is missing"]


def test_every_problem_in_the_file_is_reported_at_once():
    text = changed('pattern = "core"', 'pattern = "cor"').replace('sided = "bilateral"\nkind = "strength"', "")
    problems = problems_of(text)
    assert [problem.split(":", 2)[1] for problem in problems] == [
        "9, exercise[0].pattern",
        "15, exercise[1].sided",
        "15, exercise[1].kind",
    ]


def test_an_alias_list_over_several_lines_does_not_shift_the_lines_of_later_entries():
    text = changed('aliases = ["kettlebell halo"]', 'aliases = ["kettlebell halo",\n           "kb halo"]')
    text = text.replace('pattern = "squat"', 'pattern = "squats"')
    assert problems_of(text)[0].startswith("mine.toml:23, exercise[1].pattern: 'squats' is not allowed here")


def test_a_toml_syntax_error_names_its_line():
    problems = problems_of(changed('name = "Goblet squat"', 'name = "Goblet squat'))
    assert len(problems) == 1
    assert problems[0].startswith("mine.toml:17: not valid TOML: ")
    assert "line" not in problems[0].removeprefix("mine.toml:17: ")


def test_anything_but_exercise_tables_at_the_top_of_the_file_is_refused():
    assert problems_of('title = "My moves"\n' + GOOD) == [
        "mine.toml: 'title' does not belong here: a catalogue holds only [[exercise]] tables"
    ]


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "exercise = []\n"])
def test_a_file_without_exercises_is_refused(text):
    assert problems_of(text) == ["mine.toml: no exercises found: write each one as an [[exercise]] table"]


def test_an_exercise_that_is_not_a_table_is_refused():
    assert problems_of("exercise = [1]\n") == ["mine.toml:1, exercise[0]: expected a table of fields here (got 1)"]
