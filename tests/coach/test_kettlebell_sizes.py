"""Standard kettlebell sizes, the next one up or down, and the bells a user owns."""

import pytest

from repcoach.coach import heavier_owned, lighter_owned, next_size_down, next_size_up, owned_bells
from repcoach.units import to_kg


@pytest.mark.parametrize(
    ("kg", "unit", "expected"),
    [
        (12.0, "kg", 14.0),
        (11.0, "kg", 12.0),  # an odd bell goes to the next standard size
        (24.0, "kg", 28.0),  # 4 kg steps above 24 kg
        (48.0, "kg", None),  # the heaviest standard size
        (to_kg(25, "lb"), "lb", to_kg(30, "lb")),
        (16.0, "lb", to_kg(40, "lb")),  # a 16 kg bell is 35.3 lb, a "35 lb" label
        (to_kg(100, "lb"), "lb", None),
    ],
)
def test_the_next_size_up_follows_the_users_unit(kg, unit, expected):
    assert next_size_up(kg, unit) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    ("kg", "unit", "expected"),
    [(28.0, "kg", 24.0), (8.0, "kg", 6.0), (4.0, "kg", None), (to_kg(35, "lb"), "lb", to_kg(30, "lb"))],
)
def test_the_next_size_down_follows_the_users_unit(kg, unit, expected):
    assert next_size_down(kg, unit) == (pytest.approx(expected) if expected is not None else None)


def test_owned_bells_are_sorted_without_repeats():
    assert owned_bells([16.0, 8.0, 12.0, 8.0]) == [8.0, 12.0, 16.0]


@pytest.mark.parametrize("bell", [0.0, -4.0])
def test_a_bell_of_0_kg_or_less_is_refused_by_its_value(bell):
    with pytest.raises(ValueError, match=f"a bell of {bell:g} kg is impossible"):
        owned_bells([12.0, bell])


def test_the_neighbouring_owned_bells_skip_the_same_size_in_the_other_unit():
    bells = [12.0, to_kg(35, "lb"), 20.0]  # 35 lb is 15.9 kg: the same size as 16 kg
    assert heavier_owned(12.0, bells) == pytest.approx(to_kg(35, "lb"))
    assert heavier_owned(16.0, bells) == 20.0
    assert lighter_owned(16.0, bells) == 12.0
    assert lighter_owned(12.0, bells) is None
