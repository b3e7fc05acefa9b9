"""Which owned bell a move starts with."""

import pytest

from repcoach.coach import choose_bell
from repcoach.plan import LoadGuide
from repcoach.units import to_kg

LIGHT_MEDIUM_LB = LoadGuide(low=5, high=15, unit="lb")
MEDIUM_HEAVY_LB = LoadGuide(low=20, high=35, unit="lb")
KG_SET = [4.0, 6.0, 8.0, 12.0, 16.0, 20.0]


@pytest.mark.parametrize(
    ("guide", "experience", "expected_kg"),
    [
        (LIGHT_MEDIUM_LB, "beginner", 4.0),  # 5 lb = 2.3 kg: the lightest bell is closest
        (LIGHT_MEDIUM_LB, "intermediate", 4.0),  # 10 lb = 4.5 kg
        (LIGHT_MEDIUM_LB, "advanced", 6.0),  # 15 lb = 6.8 kg
        (MEDIUM_HEAVY_LB, "beginner", 12.0),  # 20 lb = 9.1 kg: 8 kg is nearer but outside the guide
        (MEDIUM_HEAVY_LB, "intermediate", 12.0),  # 27.5 lb = 12.5 kg
        (MEDIUM_HEAVY_LB, "advanced", 16.0),  # 35 lb = 15.9 kg
    ],
)
def test_a_first_bell_is_the_owned_one_closest_to_the_guide_for_the_users_level(guide, experience, expected_kg):
    choice = choose_bell("medium-heavy", guide, KG_SET, experience, "kg")
    assert choice.weight_kg == expected_kg
    assert "guide" in choice.reason


def test_a_lb_set_is_matched_in_lb():
    bells = [to_kg(pounds, "lb") for pounds in (10, 15, 20, 25, 30, 35)]
    choice = choose_bell("medium-heavy", MEDIUM_HEAVY_LB, bells, "intermediate", "lb")
    assert choice.weight_kg == pytest.approx(to_kg(25, "lb"))  # 27.5 lb aim: 25 and 30 tie, the lighter wins


def test_the_bell_used_last_time_is_kept():
    choice = choose_bell("light-medium", LIGHT_MEDIUM_LB, KG_SET, "beginner", "kg", last_used_kg=8.0)
    assert choice.weight_kg == 8.0
    assert choice.reason == "the bell you used last time (8 kg)"


@pytest.mark.parametrize(("load", "expected_kg"), [("light", 4.0), ("medium", 8.0), ("heavy", 20.0)])
def test_without_a_guide_the_load_class_picks_by_rank_among_owned_bells(load, expected_kg):
    assert choose_bell(load, None, KG_SET, "beginner", "kg").weight_kg == expected_kg


def test_bodyweight_moves_and_users_without_bells_get_no_bell_and_a_reason():
    assert choose_bell("bodyweight", None, KG_SET, "beginner", "kg").weight_kg is None
    no_bells = choose_bell("medium", None, [], "beginner", "kg")
    assert no_bells.weight_kg is None
    assert "repcoach setup" in no_bells.reason
