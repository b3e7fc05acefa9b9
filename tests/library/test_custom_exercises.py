"""Imported moves the library does not know, looked up beside it."""

from repcoach.library import load_catalogue
from repcoach.library.custom import CustomExercise, UserCatalogue, custom_exercise


def test_a_stored_pattern_outside_the_vocabulary_counts_as_unknown():
    assert custom_exercise("t-bar-row", "T Bar Row", "sideways").pattern is None
    assert custom_exercise("t-bar-row", "T Bar Row", "horizontal-pull").pattern == "horizontal-pull"


def test_the_library_answers_first_then_the_user_s_own_moves():
    exercises = UserCatalogue(load_catalogue(), [CustomExercise("t-bar-row", "T Bar Row", "horizontal-pull")])
    assert exercises.pattern_of("t-bar-row") == "horizontal-pull"
    assert exercises.pattern_of("Bench Press") == "horizontal-push"
    assert exercises.pattern_of("cable-crossover") is None
