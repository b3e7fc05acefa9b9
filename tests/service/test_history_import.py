"""An export becomes workouts of library and custom moves, stored once, and coached like native sets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from repcoach.coach.balance import balance
from repcoach.io.history_import import read_export
from repcoach.library import load_catalogue
from repcoach.service.coaching import recent_history, user_catalogue
from repcoach.service.history_import import custom_id, match_name, new_workouts, plan_import, store_import

DATA = Path(__file__).parents[1] / "io" / "data" / "history"
CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("name", "exercise_id", "known", "equipment", "pattern"),
    [
        ("Romanian Deadlift (Dumbbell)", "romanian-deadlift", True, "dumbbell", "hinge"),
        ("Halo (Kettlebell)", "halo", True, "kettlebell", "core"),
        ("Single Arm Row (Kettlebell)", "single-arm-row", True, "kettlebell", "horizontal-pull"),
        ("Bench Press (Barbell)", "bench-press", True, "barbell", "horizontal-push"),
        ("Plank", "plank", True, "bodyweight", "core"),
        # Done with a bell or a dumbbell: the name does not say which.
        ("Goblet Squat", "goblet-squat", True, "unspecified", "squat"),
        # Not in the library: a custom move, its pattern guessed from its name.
        ("T Bar Row", "t-bar-row", False, "unspecified", "horizontal-pull"),
        ("Landmine Press (Barbell)", "landmine-press", False, "barbell", "horizontal-push"),
        ("Rack Pull Deadlift", "rack-pull-deadlift", False, "unspecified", "hinge"),
        ("Straight Arm Pulldown (Cable)", "straight-arm-pulldown", False, "cable", "vertical-pull"),
        ("Zercher Squat", "zercher-squat", False, "unspecified", "squat"),
        ("Cable Crossover", "cable-crossover", False, "unspecified", None),
        ("Développé couché", "developpe-couche", False, "unspecified", None),
    ],
)
def test_names_map_to_library_moves_or_become_custom_moves(name, exercise_id, known, equipment, pattern):
    found = match_name(name, CATALOGUE)

    assert (found.exercise_id, found.known, found.equipment, found.pattern) == (exercise_id, known, equipment, pattern)


def test_custom_ids_drop_accents_case_and_equipment():
    assert custom_id("T-Bar Row (Barbell) ") == "t-bar-row"
    assert custom_id("Soulevé de terre") == "souleve-de-terre"


def plan_of(name: str, unit: str = "kg"):
    export = read_export((DATA / name).read_bytes(), file_name=name, time_zone=UTC, unit=unit)  # type: ignore[arg-type]
    return plan_import(export, CATALOGUE)


def test_the_plan_lists_every_move_with_custom_ones_first_and_counts_sets():
    plan = plan_of("strong-ios.csv")

    assert [(move.name, move.exercise_id, move.known, move.sets) for move in plan.moves] == [
        ("Elliptical", "elliptical", False, 1),
        ("T Bar Row", "t-bar-row", False, 1),
        ("Bench Press (Barbell)", "bench-press", True, 2),
        ("Plank", "plank", True, 1),
        ("Romanian Deadlift (Dumbbell)", "romanian-deadlift", True, 3),
    ]
    assert [(record.exercise_id, record.name, record.pattern) for record in plan.custom] == [
        ("elliptical", "Elliptical", None),
        ("t-bar-row", "T Bar Row", "horizontal-pull"),
    ]
    assert plan.set_count == 8
    assert plan.days == (datetime(2026, 4, 6).date(), datetime(2026, 4, 9).date())


def test_imported_sets_keep_order_kind_equipment_and_reps_in_reserve():
    plan = plan_of("hevy.csv")

    legs, back = plan.workouts  # oldest first, though Hevy writes the newest first
    assert (legs.title, back.title) == ("Legs", "Back 💪")
    renegade = [logged for logged in back.sets if logged.exercise_id == "renegade-row"]
    assert [(logged.round, logged.kind, logged.equipment, logged.rir) for logged in renegade] == [
        (1, "warmup", "dumbbell", None),
        (2, "normal", "dumbbell", 1),
    ]
    assert [logged.finished_at for logged in back.sets] == sorted(logged.finished_at for logged in back.sets)


@pytest.fixture
def profile(store):
    return store.save_profile(units="kg", experience="intermediate", bells_kg=[8, 12, 16])


def test_importing_a_file_twice_adds_nothing_and_a_longer_export_only_its_new_workouts(store, profile, tmp_path):
    text = (DATA / "hevy.csv").read_text()
    header, *rows = text.splitlines()
    older = "\n".join([header, *[row for row in rows if "Legs" in row]])
    first = plan_import(read_export(older, file_name="old.csv", time_zone=UTC), CATALOGUE)
    assert store_import(store, profile.id, first).sets == 2

    again = plan_import(read_export(older, file_name="old.csv", time_zone=UTC), CATALOGUE)
    assert new_workouts(store, profile.id, again) == []
    assert store_import(store, profile.id, again).sets == 0

    longer = plan_of("hevy.csv")
    assert [workout.title for workout in new_workouts(store, profile.id, longer)] == ["Back 💪"]
    assert store_import(store, profile.id, longer).sets == 5
    assert len(store.list_sessions(profile.id, limit=10)) == 2


def test_imported_custom_moves_count_for_balance_by_their_guessed_pattern(store, profile):
    store_import(store, profile.id, plan_of("strong-ios.csv"))
    catalogue = user_catalogue(store, profile.id)
    now = datetime(2026, 4, 10, tzinfo=UTC)

    report = balance(recent_history(store, profile.id, now), now, 7, catalogue)

    assert catalogue.pattern_of("t-bar-row") == "horizontal-pull"
    # Push: two bench presses. Pull: the T-bar row and two deadlifts (hinging); the warm-up is left out.
    assert (report.push_sets, report.pull_sets) == (2, 3)
    assert report.unknown == {"elliptical"}
