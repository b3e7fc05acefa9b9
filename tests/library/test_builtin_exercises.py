"""The catalogue that ships with repcoach: complete for the built-in plans, consistent, and lean."""

import tomllib
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from repcoach.library import PULL_PATTERNS, PUSH_PATTERNS, Catalogue, Exercise, load_catalogue

MUSCLES = {
    "chest", "front deltoids", "side deltoids", "rear deltoids", "triceps", "biceps", "forearms", "lats",
    "upper back", "upper trapezius", "rotator cuff", "serratus anterior", "core", "obliques", "lower back",
    "glutes", "hamstrings", "quadriceps", "adductors", "calves", "hip flexors",
}  # fmt: skip
"""The vocabulary listed at the top of exercises.toml: recovery compares moves by these names."""

COMMON_MOVES = [
    "kettlebell-swing",
    "kettlebell-press",
    "kettlebell-floor-press",
    "push-up",
    "bench-press",
    "incline-bench-press",
    "dumbbell-bench-press",
    "overhead-press",
    "dip",
    "pull-up",
    "chin-up",
    "lat-pulldown",
    "inverted-row",
    "barbell-row",
    "dumbbell-row",
    "seated-cable-row",
    "face-pull",
    "deadlift",
    "hip-thrust",
    "glute-bridge",
    "back-squat",
    "front-squat",
    "split-squat",
    "walking-lunge",
    "leg-press",
    "farmers-carry",
    "suitcase-carry",
    "plank",
    "side-plank",
    "turkish-get-up",
    "kettlebell-clean",
    "kettlebell-snatch",
    "bicep-curl",
    "triceps-extension",
]
"""Moves people log in other apps, needed for imports and push/pull balance."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def plan_exercise_ids() -> list[str]:
    """Every ``exercise = "..."`` value of the built-in plan files."""
    folder = resources.files("repcoach.plan") / "builtin"
    plans = [
        tomllib.loads(entry.read_text(encoding="utf-8")) for entry in folder.iterdir() if entry.name.endswith(".toml")
    ]
    return sorted({value for plan in plans for value in _exercise_values(plan)})


def _exercise_values(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "exercise" and isinstance(value, str):
                yield value
            yield from _exercise_values(value)
    elif isinstance(data, list):
        for item in data:
            yield from _exercise_values(item)


def test_the_built_in_plans_name_the_moves_they_are_known_to_use():
    assert plan_exercise_ids() == sorted(
        [
            "renegade-row",
            "romanian-deadlift",
            "halo",
            "single-arm-row",
            "arm-circles",
            "cat-cow",
            "scapular-push-up",
            "around-the-world",
            "kettlebell-deadlift",
            "goblet-squat",
            "reverse-lunge",
        ]
    )


@pytest.mark.parametrize("exercise_id", plan_exercise_ids())
def test_every_exercise_of_the_built_in_plans_is_in_the_catalogue_by_id(catalogue, exercise_id):
    assert exercise_id in catalogue


@pytest.mark.parametrize("exercise_id", COMMON_MOVES)
def test_the_common_moves_people_log_elsewhere_are_in_the_catalogue(catalogue, exercise_id):
    assert exercise_id in catalogue


def test_every_built_in_exercise_has_three_to_five_cues_and_two_to_four_mistakes(catalogue):
    for exercise in catalogue:
        assert 3 <= len(exercise.cues) <= 5, exercise.id
        assert 2 <= len(exercise.mistakes) <= 4, exercise.id


def test_summaries_cues_and_mistakes_are_sentences(catalogue):
    for exercise in catalogue:
        for text in (exercise.summary, *exercise.cues, *exercise.mistakes):
            assert text[0].isupper() and text.endswith("."), f"{exercise.id}: {text}"


def test_muscles_come_from_one_vocabulary_and_none_is_both_primary_and_secondary(catalogue):
    for exercise in catalogue:
        assert set(exercise.primary_muscles) | set(exercise.secondary_muscles) <= MUSCLES, exercise.id
        assert not set(exercise.primary_muscles) & set(exercise.secondary_muscles), exercise.id


def test_no_alias_is_one_that_matching_would_find_anyway(catalogue):
    redundant = []
    for exercise in catalogue:
        for alias in exercise.aliases:
            fewer = exercise.model_copy(update={"aliases": tuple(a for a in exercise.aliases if a != alias)})
            without = Catalogue(fewer if other is exercise else other for other in catalogue)
            found = without.find(alias)
            if found is not None and found.id == exercise.id:
                redundant.append(f"{exercise.id}: {alias}")
    assert redundant == []


@pytest.mark.parametrize(
    ("exercise_id", "pattern", "sided", "kind"),
    [
        ("single-arm-row", "horizontal-pull", "unilateral", "strength"),
        ("renegade-row", "horizontal-pull", "alternating", "strength"),
        ("romanian-deadlift", "hinge", "bilateral", "strength"),
        ("halo", "core", "bilateral", "accessory"),
        ("reverse-lunge", "squat", "unilateral", "strength"),
        ("split-squat", "squat", "unilateral", "strength"),
        ("walking-lunge", "squat", "alternating", "strength"),
        ("arm-circles", "mobility", "bilateral", "mobility"),
        ("cat-cow", "mobility", "bilateral", "mobility"),
        ("kettlebell-swing", "hinge", "bilateral", "accessory"),
        ("bicep-curl", "isolation", "bilateral", "accessory"),
    ],
)
def test_moves_are_classified_as_a_coach_would(catalogue, exercise_id, pattern, sided, kind):
    exercise: Exercise = catalogue.get(exercise_id)
    assert (exercise.pattern, exercise.sided, exercise.kind) == (pattern, sided, kind)


def test_balance_counts_presses_and_push_ups_as_pushing_and_rows_and_pull_ups_as_pulling(catalogue):
    pushing = {exercise.id for exercise in catalogue if exercise.pattern in PUSH_PATTERNS}
    pulling = {exercise.id for exercise in catalogue if exercise.pattern in PULL_PATTERNS}
    assert {"push-up", "bench-press", "overhead-press", "kettlebell-press", "dip"} <= pushing
    assert {"renegade-row", "single-arm-row", "pull-up", "chin-up", "lat-pulldown", "face-pull"} <= pulling
    assert not {"bicep-curl", "triceps-extension", "romanian-deadlift"} & (pushing | pulling)


def test_the_warm_up_drills_are_mobility_moves_without_an_estimated_max(catalogue):
    for exercise_id in ("arm-circles", "cat-cow", "scapular-push-up", "around-the-world"):
        assert catalogue.get(exercise_id).kind == "mobility"
