"""The built-in plans, above all the reference kettlebell back routine."""

import pytest

from repcoach.errors import UnknownName
from repcoach.plan.builtins import builtin_plans, get_builtin_plan


def test_the_builtin_plans_are_the_back_routine_its_warmup_and_its_legs_pairing():
    assert list(builtin_plans()) == ["kettlebell-back", "legs-glutes", "upper-body-warmup"]


def test_the_back_routine_is_exactly_the_reference_routine():
    plan = get_builtin_plan("kettlebell-back")
    assert [(block.name, block.kind, block.rest_after) for block in plan.blocks] == [
        ("Superset 1", "superset", 90),
        ("Superset 2", "superset", 0),
    ]
    assert [[(m.exercise, str(m.reps), m.load, m.per_side) for m in block.moves] for block in plan.blocks] == [
        [("renegade-row", "6-10", "light-medium", False), ("romanian-deadlift", "6-10", "medium-heavy", False)],
        [("halo", "6-10", "light-medium", False), ("single-arm-row", "6-10", "light-medium", True)],
    ]
    assert (plan.rounds.low, plan.rounds.high, plan.rest_after_round) == (3, 5, 120)
    assert {load: str(guide) for load, guide in plan.loads.items()} == {
        "light-medium": "about 5-15 lb",
        "medium-heavy": "about 20-35 lb",
    }
    assert all(str(move.rir) == "0-2" for block in plan.blocks for move in block.moves)
    assert (str(plan.schedule.sessions_per_week), plan.schedule.ideal_hours_between) == ("2-3", 48)
    assert (plan.warmup, plan.pairs_with) == ("upper-body-warmup", ("legs-glutes",))


def test_the_warmup_has_five_moves_needing_at_most_a_light_bell():
    plan = get_builtin_plan("upper-body-warmup")
    moves = [move for block in plan.blocks for move in block.moves]
    assert len(moves) == 5
    assert {move.load for move in moves} <= {"bodyweight", "light"}


def test_an_unknown_plan_name_suggests_the_closest():
    with pytest.raises(UnknownName, match=r"Unknown plan 'kettlebel-back'. Did you mean: kettlebell-back\?"):
        get_builtin_plan("kettlebel-back")
