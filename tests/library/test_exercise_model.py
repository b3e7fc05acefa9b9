"""The Exercise model: what an entry must hold, said in words a catalogue editor understands."""

from typing import Any

import pytest
from pydantic import ValidationError

from repcoach.library import (
    EQUIPMENT,
    EXERCISE_KINDS,
    PATTERNS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    SIDES,
    Exercise,
)


def messages(fields: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Exercise.model_validate(fields)
    return [error["msg"].removeprefix("Value error, ") for error in caught.value.errors()]


def test_a_valid_entry_becomes_an_exercise_with_tuples(fields):
    exercise = Exercise.model_validate(fields)
    assert exercise.id == "halo"
    assert exercise.aliases == ("kettlebell halo",)
    assert exercise.secondary_muscles == ()


def test_an_exercise_cannot_be_changed_once_made(fields):
    exercise = Exercise.model_validate(fields)
    with pytest.raises(ValidationError):
        exercise.name = "Other"  # type: ignore[misc]


def test_a_misspelt_field_is_refused_rather_than_ignored(fields):
    fields["musles"] = ["core"]
    assert messages(fields) == ["Extra inputs are not permitted"]


@pytest.mark.parametrize(
    ("field", "count", "expected"),
    [
        ("cues", 2, "give 3 to 5 cues, this entry has 2"),
        ("cues", 6, "give 3 to 5 cues, this entry has 6"),
        ("mistakes", 1, "give 2 to 4 mistakes, this entry has 1"),
        ("mistakes", 5, "give 2 to 4 mistakes, this entry has 5"),
    ],
)
def test_cues_and_mistakes_outside_their_counts_are_refused_with_the_count(fields, field, count, expected):
    fields[field] = [f"Point {n}." for n in range(count)]
    assert messages(fields) == [expected]


@pytest.mark.parametrize("count", [3, 5])
def test_three_and_five_cues_are_both_allowed(fields, count):
    fields["cues"] = [f"Cue {n}." for n in range(count)]
    assert len(Exercise.model_validate(fields).cues) == count


@pytest.mark.parametrize(
    ("exercise_id", "valid"),
    [
        ("single-arm-row", True),
        ("halo", True),
        ("90-90-stretch", True),
        ("Single-arm-row", False),  # capitals
        ("single arm row", False),  # spaces
        ("single--arm-row", False),  # empty word
        ("-halo", False),
        ("", False),
    ],
)
def test_an_id_is_lower_case_words_joined_by_hyphens(fields, exercise_id, valid):
    fields["id"] = exercise_id
    if valid:
        assert Exercise.model_validate(fields).id == exercise_id
    else:
        with pytest.raises(ValidationError):
            Exercise.model_validate(fields)


@pytest.mark.parametrize(
    ("field", "value"),
    [("cues", ["Hold it.", "", "Breathe."]), ("primary_muscles", []), ("equipment", []), ("name", "")],
)
def test_empty_texts_and_lists_that_need_content_are_refused(fields, field, value):
    fields[field] = value
    with pytest.raises(ValidationError):
        Exercise.model_validate(fields)


def test_the_closed_sets_list_their_values_for_menus_and_docs():
    assert "hinge" in PATTERNS and "squat" in PATTERNS
    assert "pull-up-bar" in EQUIPMENT
    assert SIDES == ("bilateral", "unilateral", "alternating")
    assert EXERCISE_KINDS == ("strength", "accessory", "mobility")


def test_push_and_pull_patterns_are_the_horizontal_and_vertical_presses_and_rows():
    assert sorted(PUSH_PATTERNS) == ["horizontal-push", "vertical-push"]
    assert sorted(PULL_PATTERNS) == ["horizontal-pull", "vertical-pull"]
    assert set(PATTERNS).issuperset(PUSH_PATTERNS | PULL_PATTERNS)
