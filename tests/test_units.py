"""Weights: stored in kg, typed and shown in the user's unit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repcoach.units import format_weight, from_kg, parse_weight, parse_weights, to_kg


@given(st.floats(min_value=0.5, max_value=500, allow_nan=False), st.sampled_from(["kg", "lb"]))
def test_a_weight_converted_to_kg_and_back_is_unchanged(value, unit):
    assert from_kg(to_kg(value, unit), unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("kg", "unit", "shown"),
    [
        (16.0, "kg", "16 kg"),
        (17.5, "kg", "17.5 kg"),
        (to_kg(35, "lb"), "lb", "35 lb"),
        (to_kg(26.5, "lb"), "lb", "26.5 lb"),
        (16.0, "lb", "35.3 lb"),
    ],
)
def test_weights_are_shown_like_a_gym_label(kg, unit, shown):
    assert format_weight(kg, unit) == shown


@pytest.mark.parametrize(
    ("typed", "unit", "kg"),
    [
        ("12", "kg", 12.0),
        ("12kg", "lb", 12.0),  # a written unit wins over the user's unit
        ("26 lb", "kg", to_kg(26, "lb")),
        ("35", "lb", to_kg(35, "lb")),
        ("17,5", "kg", 17.5),  # a decimal comma, as many countries write it
    ],
)
def test_a_typed_weight_is_read_in_the_users_unit_unless_it_says_otherwise(typed, unit, kg):
    assert parse_weight(typed, unit) == pytest.approx(kg)


@pytest.mark.parametrize("typed", ["", "abc", "0", "-4", "12 stone"])
def test_a_typed_weight_that_is_not_one_is_refused_with_what_is_allowed(typed):
    with pytest.raises(ValueError, match="is not a weight; write a number above 0"):
        parse_weight(typed, "kg")


def test_a_list_of_bells_may_carry_one_unit_at_its_end_and_comes_back_sorted_without_repeats():
    assert parse_weights("16, 8 12 8 kg", "lb") == [8.0, 12.0, 16.0]
    assert parse_weights("15 35 lbs", "kg") == pytest.approx([to_kg(15, "lb"), to_kg(35, "lb")])
