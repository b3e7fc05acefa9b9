"""Guessing a move's pattern from its name, for moves an import brings that the library does not know."""

import pytest

from repcoach.library.patterns import guess_pattern


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("Incline Dumbbell Press", "horizontal-push"),
        ("Deficit Push-Up", "horizontal-push"),
        ("Ring Dips", "horizontal-push"),
        ("Seated Shoulder Press (Machine)", "vertical-push"),
        ("Pike Push Up", "vertical-push"),  # a push-up, but overhead
        ("T Bar Row", "horizontal-pull"),
        ("Face Pull (Cable)", "horizontal-pull"),
        ("Weighted Pull-Ups", "vertical-pull"),
        ("Neutral Grip Chin Up", "vertical-pull"),
        ("Close Grip Pulldown", "vertical-pull"),
        ("Stiff Leg Deadlift", "hinge"),
        ("Single Leg Hip Thrust", "hinge"),
        ("Box Squat", "squat"),
        ("Curtsy Lunges", "squat"),
        ("Single Leg Press", "squat"),  # a press with the legs: not pushing
        ("Suitcase Carry", "carry"),
        ("Hanging Leg Raise", "core"),
        ("Hammer Curl (Dumbbell)", "isolation"),
        ("Lateral Raise", "isolation"),
        # Nothing in the name says: left for the user to set.
        ("Zercher Hold", None),
        ("Sled Push Drill", None),
    ],
)
def test_a_pattern_is_guessed_from_the_words_of_a_name(name: str, pattern: str | None) -> None:
    assert guess_pattern(name) == pattern
