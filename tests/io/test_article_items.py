"""List items read as moves: the name first or after a count, with or without a minute label."""

from __future__ import annotations

import pytest

from repcoach.io.article.draft import Draft
from repcoach.io.article.items import (
    interval_label,
    item_parts,
    moves_in_sentence,
    names_a_move,
    read_item,
    reads_as_move,
)
from repcoach.io.article.phrases import Hold, Reps
from repcoach.library import load_catalogue


@pytest.mark.parametrize(
    ("text", "exercise", "reps", "hold"),
    [
        ("Goblet squat: 3 x 10", "goblet-squat", Reps(10, 10, sets=3), None),
        ("10 kettlebell swings", "kettlebell-swing", Reps(10, 10), None),
        ("5 push-ups", "push-up", Reps(5, 5), None),
        ("8-12 goblet squats", "goblet-squat", Reps(8, 12), None),
        ("10x kettlebell swing", "kettlebell-swing", Reps(10, 10), None),
        ("3 x 8 pull-ups", "pull-up", Reps(8, 8, sets=3), None),
        ("6 reps of reverse lunge per side", "reverse-lunge", Reps(6, 6, per_side=True), None),
        ("30 s plank", "plank", None, Hold(30, 30)),
        ("45 seconds of farmer's carry", "farmers-carry", None, Hold(45, 45)),
        ("12 cossack squats", "cossack-squats", Reps(12, 12), None),
        ("20 bench / chair triceps dips", "dip", Reps(20, 20), None),  # not a bench press
        ("Running - 12 minutes", "run", None, Hold(720, 720)),
        ("3L, 3R kettlebell press", "kettlebell-press", Reps(3, 3, per_side=True), None),  # left, then right
    ],
)
def test_a_count_before_the_name_reads_as_one_after_it(text, exercise, reps, hold):
    move = read_item(text, load_catalogue(), Draft())
    assert (move.exercise, move.reps, move.hold) == (exercise, reps, hold)


@pytest.mark.parametrize(
    ("text", "rest", "labelled"),
    [
        ("Minute 1: Goblet squat x 10", "Goblet squat x 10", True),
        ("Min 2 - 10 push-ups", "10 push-ups", True),
        ("Minutes 3 and 4: swings", "swings", True),
        ("Odd minutes: 8 pull-ups", "8 pull-ups", True),
        ("Even: 10 push-ups", "10 push-ups", True),
        ("Goblet squat: 10 reps", "Goblet squat: 10 reps", False),
    ],
)
def test_a_minute_label_is_taken_off_and_noted(text, rest, labelled):
    assert interval_label(text) == (rest, labelled)


def test_a_line_naming_a_move_after_a_label_and_a_count_is_an_item_and_prose_is_not():
    catalogue = load_catalogue()
    assert names_a_move("Minute 2: 12 push-ups", catalogue)
    assert not names_a_move("3 rounds of the following, resting as needed", catalogue)
    assert not names_a_move("2 minutes rest between rounds", catalogue)


def test_moves_listed_in_a_sentence_with_their_counts_are_read_in_order():
    sentence = (
        "For this workout, do 3 rounds of 10 kettlebell swings, 8 goblet squats and 12 push-ups, resting 2 minutes."
    )

    moves = moves_in_sentence(sentence, load_catalogue(), Draft())

    assert [(move.exercise, move.reps) for move in moves] == [
        ("kettlebell-swing", Reps(10, 10)),
        ("goblet-squat", Reps(8, 8)),
        ("push-up", Reps(12, 12)),
    ]
    assert moves_in_sentence("Mix the flour and the sugar, then bake for 30 minutes.", load_catalogue(), Draft()) == []


def test_what_an_item_says_beyond_its_quantities_is_kept_as_its_notes():
    move = read_item("Push-up: 10 reps, tempo 3-1-1, elbows tucked, each side", load_catalogue(), Draft())
    assert (move.reps, move.notes) == (Reps(10, 10, per_side=True), ["tempo 3-1-1", "elbows tucked"])


def test_a_counted_name_the_library_lacks_is_a_move_in_a_list_with_a_known_one():
    sentence = "Finisher: as many rounds as possible in 8 minutes of 5 sprawls and 10 kettlebell swings."

    moves = moves_in_sentence(sentence, load_catalogue(), Draft())

    assert [(move.name, move.known, move.reps) for move in moves] == [
        ("sprawls", False, Reps(5, 5)),
        ("Kettlebell swing", True, Reps(10, 10)),
    ]
    assert moves_in_sentence("Rest 3 minutes, then walk 10 minutes.", load_catalogue(), Draft()) == []


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("30 squats", "air-squat"),
        ("Squats: 20 seconds", "air-squat"),
        ("Squat 5 x 5 @ 100 kg", "back-squat"),
        ("Barbell squat 3 x 5", "back-squat"),
        ("5 squats while holding a 26-lb kettlebell in each arm", "goblet-squat"),
        ("Squats with a kettlebell, 10 reps", "goblet-squat"),
    ],
)
def test_squats_are_bodyweight_squats_unless_a_bar_a_bell_or_a_weight_is_said(text, exercise):
    assert read_item(text, load_catalogue(), Draft()).exercise == exercise


@pytest.mark.parametrize(
    ("text", "exercise", "metres"),
    [
        ("300m run", "run", 300),
        ("400 Run", "run", 400),  # a WOD's bare metres before a run
        ("Run 1 mile", "run", 1609.34),
        ("1,000 m row", "rowing", 1000),  # a row over a distance is on the erg
        ("Farmer's carry 2 x 50 m", "farmers-carry", 50),
        ("20m walking lunges", "walking-lunge", 20),
    ],
)
def test_a_distance_to_cover_is_metres_not_reps(text, exercise, metres):
    move = read_item(text, load_catalogue(), Draft())
    assert (move.exercise, move.distance_m, move.reps, move.hold) == (exercise, metres, None, None)


@pytest.mark.parametrize("text", ["40 rows", "Rest 2m then go again", "100 jumping jacks"])
def test_counts_that_are_not_distances_stay_reps_or_time(text):
    assert read_item(text, load_catalogue(), Draft()).distance_m is None


def test_counted_moves_written_one_after_another_without_commas_are_each_a_move():
    sentence = "the following quick workout: 15 swings (44-lb) 5 squats while holding a 26-lb kettlebell in each arm"
    moves = moves_in_sentence(sentence, load_catalogue(), Draft())
    assert [(move.exercise, move.reps, move.per_side) for move in moves] == [
        ("kettlebell-swing", Reps(15, 15), False),
        ("goblet-squat", Reps(5, 5), False),
    ]


def test_a_double_bell_move_is_both_sides_at_once():
    move = read_item("8-10 dbl KB C&J", load_catalogue(), Draft())
    assert (move.exercise, move.per_side) == ("kettlebell-clean-and-jerk", False)
    assert read_item("5 kettlebell clean and jerks", load_catalogue(), Draft()).per_side


def test_a_count_beyond_any_set_in_prose_is_a_story_not_a_move():
    said = "did a 1000000 kettle bell swings, tried some dumbbell snatches"
    assert moves_in_sentence(said, load_catalogue(), Draft()) == []


@pytest.mark.parametrize(
    ("text", "name", "reps"),
    [
        ("Dumbbell Curl to Press - 10 reps", "Dumbbell Curl to Press", 10),
        ("Deadlift to row, 8 reps", "Deadlift to row", 8),
        ("10 Double kettlebell swing clean (35lb. x 2 W, 55lb. x 2 M)", "Double kettlebell swing clean", 10),
        ("12 Pushup/row", "Pushup/row", 12),
        ("20 Kettlebell “Short swing“* @ 55lb. W, 78lb. M", "Kettlebell Short swing", 20),  # quotes and * go
    ],
)
def test_a_move_made_of_two_keeps_its_own_name_rather_than_its_first_half(text, name, reps):
    move = read_item(text, load_catalogue(), Draft())
    assert (move.name, move.known, move.reps) == (name, False, Reps(reps, reps))


def test_a_count_before_a_one_arm_move_is_its_reps():
    move = read_item("50 1-arm kettlebell swing @ 1/4 BW (switch 5L, 5R)", load_catalogue(), Draft())
    assert (move.name, move.reps) == ("1-arm kettlebell swing", Reps(50, 50))


@pytest.mark.parametrize(
    ("item", "parts"),
    [
        ("Pull up + handstand - 5x5", ["Pull up - 5x5", "handstand - 5x5"]),  # "+" joins moves, numbers and all
        ("Kettlebell swings & goblet squats: 3 x 10", ["Kettlebell swings: 3 x 10", "goblet squats: 3 x 10"]),
        ("Plank, 30 seconds", ["Plank, 30 seconds"]),
        (  # "alternating with" parts two moves; commas inside one are its description
            "one kettlebell in rack, one overhead walking figure 8's alternating with front plank",
            ["one kettlebell in rack, one overhead walking figure 8's", "front plank"],
        ),
    ],
)
def test_moves_joined_in_one_item_share_the_numbers_given_after_the_last(item, parts):
    assert item_parts(item, load_catalogue()) == parts


def test_a_bullet_that_starts_with_a_move_and_runs_on_as_a_sentence_is_advice():
    catalogue = load_catalogue()
    advice = "Jogging slowly should get you about a mile; running with blazing speed could get you two miles."

    assert not reads_as_move(advice, catalogue)
    assert reads_as_move("Goblet squat: hold the bell at your chest and sit down between your knees, 3 x 10", catalogue)


@pytest.mark.parametrize(
    "item",
    ["5-10 minutes of power exercises (optional),", "5 minutes of regeneration or foam rolling", "Elite: <6:00"],
)
def test_a_part_of_a_program_or_a_score_to_beat_is_no_move(item):
    assert not reads_as_move(item, load_catalogue())
