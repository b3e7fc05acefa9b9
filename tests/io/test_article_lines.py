"""Cutting an article into headings, exercise items and directions."""

from __future__ import annotations

from repcoach.io.article.lines import Line, classify, names_a_block, sentences
from repcoach.library import load_catalogue

CATALOGUE = load_catalogue()


def names_a_move(line: str) -> bool:
    words = line.split()
    return any(CATALOGUE.find(" ".join(words[:count])) for count in range(min(len(words), 5), 0, -1))


REFERENCE = """\
Superset 1
Renegade row
Romanian deadlift

Superset 2
- Halo
- Single-arm row

Do each move in Superset 1 for 6-10 reps. Try not to rest in between moves. After Superset 1, rest 90 seconds.
"""


def test_headings_items_and_sentences_of_directions_are_told_apart() -> None:
    assert classify(REFERENCE, names_a_move) == [
        Line(1, "heading", "Superset 1"),
        Line(2, "item", "Renegade row"),
        Line(3, "item", "Romanian deadlift"),
        Line(5, "heading", "Superset 2"),
        Line(6, "item", "Halo"),
        Line(7, "item", "Single-arm row"),
        Line(9, "direction", "Do each move in Superset 1 for 6-10 reps."),
        Line(9, "direction", "Try not to rest in between moves."),
        Line(9, "direction", "After Superset 1, rest 90 seconds."),
    ]


def test_markdown_headings_numbered_lists_and_title_lines() -> None:
    text = "## The finisher\n1. Goblet squat: 3 x 10\n2) Halo, 8 reps each way\nBack burner:\n(3) Push-up\n"

    assert [(line.kind, line.text) for line in classify(text, names_a_move)] == [
        ("heading", "The finisher"),
        ("item", "Goblet squat: 3 x 10"),
        ("item", "Halo, 8 reps each way"),
        ("heading", "Back burner"),
        ("item", "Push-up"),
    ]


def test_a_block_heading_may_have_a_title_after_a_colon_but_not_a_move() -> None:
    text = "Part 2: 10-minute EMOM\nCircuit A: upper body\nFinisher: Kettlebell swing x 100\n"

    assert [(line.kind, line.text) for line in classify(text, names_a_move)] == [
        ("heading", "Part 2: 10-minute EMOM"),
        ("heading", "Circuit A: upper body"),
        ("direction", "Finisher: Kettlebell swing x 100"),
    ]


def test_a_long_line_that_starts_with_a_move_is_prose() -> None:
    text = "Halo is a great move to open the shoulders before you pick up anything heavy, so do it first."

    assert [line.kind for line in classify(text, names_a_move)] == ["direction"]


def test_sentences_keep_decimals_and_split_on_capitals() -> None:
    assert sentences("Use a 2.5 kg plate. Rest 1.5 minutes. then go") == [
        "Use a 2.5 kg plate.",
        "Rest 1.5 minutes. then go",
    ]


def test_paired_labels_make_items_that_carry_their_pair() -> None:
    text = "A1. Chin-up 3 x 6-8\nA2) Face pull 3 x 12\nB1 Goblet squat 3 x 10\n"

    assert [(line.kind, line.text, line.pair) for line in classify(text, names_a_move)] == [
        ("item", "Chin-up 3 x 6-8", "A"),
        ("item", "Face pull 3 x 12", "A"),
        ("item", "Goblet squat 3 x 10", "B"),
    ]


def test_a_block_is_named_by_its_word_even_after_a_capitalised_word_or_two() -> None:
    assert names_a_block("Main superset (4 rounds)")
    assert names_a_block("The Finisher")
    assert not names_a_block("How to do it")
    assert [line.kind for line in classify("Do the circuit 3 times\n", names_a_move)] == ["direction"]


def test_an_item_may_be_long_when_a_colon_parts_its_name_from_its_details() -> None:
    text = "Goblet squat: 5 sets of 5 at a slow tempo, resting 2 minutes between sets, heavy bell\n"

    assert [line.kind for line in classify(text, names_a_move)] == ["item"]


def test_a_plain_line_with_a_count_is_an_item_even_of_a_move_the_library_lacks() -> None:
    text = "Here's your exercises:\n\nHammer curl - 12 reps\n\n30 Air squats\n15 Sandbag over Shoulder\nRest 2 minutes."

    assert [(line.kind, line.text) for line in classify(text, lambda line: False)] == [
        ("heading", "Here's your exercises"),
        ("item", "Hammer curl - 12 reps"),
        ("item", "30 Air squats"),
        ("item", "15 Sandbag over Shoulder"),
        ("direction", "Rest 2 minutes."),
    ]


def test_a_counted_move_with_its_load_then_long_details_in_brackets_is_an_item() -> None:
    text = "30 Kettlebell back squat @ same (Alternate L to R as desired; No less than 3-rep sets)\n"

    assert [line.kind for line in classify(text, lambda line: False)] == ["item"]


def test_lines_under_a_numbered_exercise_are_its_name_and_numbers() -> None:
    text = "Exercise 1A\n\nRear Dumbbell Flye\n4 sets\n12 reps\n60 sec rest\nPause at the top of the motion.\n"

    assert [(line.kind, line.text, line.pair) for line in classify(text, lambda line: False)] == [
        ("item", "Rear Dumbbell Flye", "1"),
        ("item", "4 sets", "1"),
        ("item", "12 reps", "1"),
        ("item", "60 sec rest", "1"),
        ("direction", "Pause at the top of the motion.", None),
    ]


def test_a_counted_move_with_its_load_after_an_at_is_an_item_even_with_quotes_in_its_name() -> None:
    text = "4 rounds of:\n\n20 Kettlebell “Short swing“* @ 55lb. W, 78lb. M\n10 Goblet squats @ 16 kg\n"

    assert [line.kind for line in classify(text, lambda line: False)] == ["heading", "item", "item"]


def test_a_heading_may_give_the_blocks_length_before_its_word() -> None:
    lines = classify("30 min AMRAP\n50 Air squats\n\n4 six-minute circuits\n", names_a_move)

    assert [(line.kind, line.text) for line in lines] == [
        ("heading", "30 min AMRAP"),
        ("item", "50 Air squats"),
        ("heading", "4 six-minute circuits"),
    ]


def test_a_list_set_out_one_name_to_a_paragraph_is_a_list_when_half_its_names_are_moves() -> None:
    spaced = "Do each for 45 seconds.\n\nPrisoner squats\n\nPlank\n\nAlternating lunges\n\nOblique twists\n"
    titles = "Workout notes.\n\nOur story\n\nPlank\n\nContact us\n\nNewsletter\n"

    assert [line.kind for line in classify(spaced, names_a_move)] == ["direction", "item", "item", "item", "item"]
    assert [line.kind for line in classify(titles, names_a_move)][1:] == ["direction"] * 4


def test_paragraphs_that_each_name_a_move_and_say_how_to_do_it_are_a_list_of_those_moves() -> None:
    guide = (
        "Perform 20 reps of each exercise.\n\n"
        "Squats: Stand with feet shoulder width apart, hands straight out in front of you. Breathe out.\n\n"
        "Push – ups: Position your hands just outside your shoulders and attempt to touch your nose to the floor.\n"
    )
    lines = classify(guide, names_a_move)

    assert [(line.kind, line.text) for line in lines if line.kind != "description"] == [
        ("direction", "Perform 20 reps of each exercise."),
        ("item", "Squats"),
        ("item", "Push-ups"),
    ]
    assert [line.text for line in lines if line.kind == "description"][-1].startswith("Position your hands")
    one_plank = "Plank: hold the line from your heels to your head and breathe through the whole time you hold it.\n"
    assert "description" not in [line.kind for line in classify(one_plank, names_a_move)]  # a guide has two or more


def test_a_counted_one_arm_move_the_library_lacks_is_an_item() -> None:
    lines = classify("50 1-arm kettlebell swing @ 1/4 BW (switch 5L, 5R)\n30 Goblet squat\n", names_a_move)

    assert [line.kind for line in lines] == ["item", "item"]
