"""Finding an exercise by the name a person or another app wrote."""

import pytest

from repcoach.errors import InvalidInput, UnknownName
from repcoach.library import Catalogue, load_catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize(
    ("written", "exercise_id"),
    [
        ("single-arm-row", "single-arm-row"),  # id
        ("Single-arm row", "single-arm-row"),  # name
        ("SINGLE ARM ROW", "single-arm-row"),
        ("single_arm_row", "single-arm-row"),
        ("one arm row", "single-arm-row"),  # alias, hyphen written as a space
        ("One-arm kettlebell row", "single-arm-row"),
        ("RDL", "romanian-deadlift"),
        ("rdls", "romanian-deadlift"),  # plural
        ("renegade rows", "renegade-row"),
        ("  halo. ", "halo"),  # surrounding space and punctuation
        ("pull–up", "pull-up"),  # en dash
        ("Farmers walk", "farmers-carry"),  # apostrophe left out
        ("Biceps curl", "bicep-curl"),
        # Strong and Hevy names, with a trailing equipment qualifier
        ("Romanian Deadlift (Dumbbell)", "romanian-deadlift"),
        ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
        ("Bench Press (Barbell)", "bench-press"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Lat Pulldown (Cable)", "lat-pulldown"),
        ("Lat Pulldown (Machine)", "lat-pulldown"),
        ("Overhead Press (Barbell)", "overhead-press"),
        ("Pull Up", "pull-up"),
        ("Pull Up (Assisted)", "pull-up"),
        ("Chin Up", "chin-up"),
        # spaces inside a name, or none where the library has one, as people write them
        ("Dead Lift", "deadlift"),
        ("Romanian Dead Lift", "romanian-deadlift"),
        ("Pushups", "push-up"),
        ("Skullcrushers", "triceps-extension"),
        ("Kettle Bell Swings", "kettlebell-swing"),
        ("Goblet Squat (Kettlebell)", "goblet-squat"),
        ("Seated Cable Row - V Grip (Cable)", "seated-cable-row"),
        ("Triceps Pushdown (Cable - Straight Bar)", "triceps-extension"),
        # a qualifier that is part of a name picks the exercise it names
        ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
        ("Deadlift (Kettlebell)", "kettlebell-deadlift"),
        ("Overhead Press (Kettlebell)", "kettlebell-press"),
    ],
)
def test_a_name_as_people_write_it_finds_the_exercise(catalogue, written, exercise_id):
    found = catalogue.find(written)
    assert found is not None and found.id == exercise_id
    assert catalogue.get(written) is found


@pytest.mark.parametrize(
    "written",
    [
        "Squat (Dumbbell)",  # the back squat is a barbell move
        "Deadlift (Dumbbell)",
        "Hip Thrust (Machine)",
        "row",
        "",
        "(Dumbbell)",
    ],
)
def test_a_trailing_equipment_qualifier_is_ignored_only_when_the_exercise_uses_that_equipment(catalogue, written):
    assert catalogue.find(written) is None


@pytest.mark.parametrize(
    ("written", "first_suggestion"),
    [
        ("romanain deadlift", "romanian-deadlift"),
        ("single arm rwo", "single-arm-row"),
        ("kettlebel swing", "kettlebell-swing"),
        ("gobblet squat", "goblet-squat"),
        ("Romanain Deadlift (Dumbbell)", "romanian-deadlift"),
    ],
)
def test_a_misspelt_name_suggests_the_right_id_first(catalogue, written, first_suggestion):
    assert catalogue.find(written) is None
    assert catalogue.suggest(written)[0] == first_suggestion


def test_suggestions_are_distinct_ids_and_at_most_the_limit(catalogue):
    suggestions = catalogue.suggest("row", limit=2)
    assert len(suggestions) == 2
    assert all(exercise_id in catalogue for exercise_id in suggestions)
    assert len(catalogue.suggest("kettlebell row")) == len(set(catalogue.suggest("kettlebell row")))


def test_nothing_close_suggests_nothing(catalogue):
    assert catalogue.suggest("zzzz qqqq") == []


def test_getting_an_unknown_name_raises_with_the_closest_ids_in_the_message(catalogue):
    with pytest.raises(UnknownName) as caught:
        catalogue.get("romanain deadlift")
    assert caught.value.suggestions == ["romanian-deadlift", "single-leg-deadlift", "kettlebell-deadlift"]
    assert str(caught.value) == (
        "Unknown exercise 'romanain deadlift'. "
        "Did you mean: romanian-deadlift, single-leg-deadlift, kettlebell-deadlift?"
    )


def test_getting_a_name_with_nothing_close_says_only_that_it_is_unknown(catalogue):
    with pytest.raises(UnknownName, match=r"^Unknown exercise 'zzzz qqqq'\.$"):
        catalogue.get("zzzz qqqq")


def test_in_asks_about_ids_only(catalogue):
    assert "single-arm-row" in catalogue
    assert "Single-arm row" not in catalogue
    assert "one arm row" not in catalogue


def test_a_catalogue_keeps_its_exercises_in_the_order_given(make_exercise):
    exercises = [make_exercise(id="b", name="B", aliases=[]), make_exercise(id="a", name="A", aliases=[])]
    catalogue = Catalogue(exercises)
    assert [exercise.id for exercise in catalogue] == ["b", "a"]
    assert len(catalogue) == 2


def test_a_catalogue_refuses_an_id_given_twice(make_exercise):
    with pytest.raises(InvalidInput) as caught:
        Catalogue([make_exercise(), make_exercise(name="Other halo", aliases=[])])
    assert str(caught.value) == "exercise[1].id: the id 'halo' is already used by another exercise"


def test_a_catalogue_refuses_a_name_that_would_mean_two_exercises(make_exercise):
    swing = make_exercise(id="swing", name="Swing", aliases=["KB swing", "Halos"])
    with pytest.raises(InvalidInput) as caught:
        Catalogue([make_exercise(), swing])
    assert str(caught.value) == (
        "exercise[1].aliases[1]: the name 'Halos' already means 'halo'; a name can mean only one exercise"
    )


def test_the_built_in_catalogue_is_read_once(catalogue):
    assert load_catalogue() is catalogue
