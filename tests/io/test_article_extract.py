"""Whole articles read into plans: the reference routine as a magazine writes it, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from repcoach.errors import InvalidInput
from repcoach.io.article.extract import extract
from repcoach.library import load_catalogue
from repcoach.plan.builtins import get_builtin_plan

ARTICLES = Path(__file__).parent / "data" / "articles"
CATALOGUE = load_catalogue()


def read(name: str):
    text = (ARTICLES / name).read_text()
    return extract(text, CATALOGUE, plan_id="from-article", title="From an article", source=name)


def test_the_reference_article_gives_the_built_in_plan_block_for_block():
    built_in = get_builtin_plan("kettlebell-back")

    found = read("kettlebell-back.txt")

    assert found.plan.blocks == built_in.blocks
    assert (found.plan.rounds, found.plan.rest_after_round) == (built_in.rounds, built_in.rest_after_round)
    assert found.plan.loads == built_in.loads
    assert found.custom == []


def test_what_was_not_used_and_the_readings_taken_are_reported():
    found = read("kettlebell-back.txt")

    assert [line.text for line in found.unused] == [
        "The Kettlebell Back Workout That Fixes Your Posture",
        "Too much chest work leaves your back weak.",
        "This four-move routine evens things out.",
    ]
    assert found.readings == []  # every rest says what it follows


def test_an_ambiguous_rest_takes_the_common_reading_and_says_so():
    text = "Circuit\n- Goblet squat: 12 reps\n- Push-up: 10 reps\n- Halo: 8 reps\nRest 1-2 minutes. Do 3 rounds."

    found = extract(text, CATALOGUE, plan_id="x", title="X")

    assert (found.plan.rest_after_round, found.plan.rounds.low, found.plan.blocks[0].kind) == (120, 3, "circuit")
    assert found.readings == [
        '"Rest 1-2 minutes.": the timer counts 120 s, the top of the range; end it early when you are ready.',
        '"Rest 1-2 minutes.": read as the rest between rounds.',
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Preheat the oven to 180 C. Mix the flour and the sugar, then bake for 30 minutes.",
        "\x00\x01junk\x02",
    ],
)
def test_text_without_a_workout_is_no_workout_found(text):
    with pytest.raises(InvalidInput, match="no workout found"):
        extract(text, CATALOGUE, plan_id="x", title="X")
