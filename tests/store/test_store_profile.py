"""The profile: units, level and the bells a user owns."""

import pytest

from repcoach.store import open_store
from repcoach.units import to_kg


def test_there_is_no_profile_before_setup(store):
    assert store.get_profile() is None


def test_a_profile_with_kg_bells_comes_back_as_saved(store):
    saved = store.save_profile(units="kg", experience="beginner", bells_kg=[16, 8, 12])
    assert store.get_profile() == saved
    assert saved.bells_kg == (8.0, 12.0, 16.0)


def test_lb_bells_survive_the_round_trip_through_kg(store):
    store.save_profile(units="lb", experience="advanced", bells_kg=[to_kg(lb, "lb") for lb in (15, 25, 35)])
    profile = store.get_profile()
    assert profile.units == "lb"
    assert [round(kg / 0.45359237, 6) for kg in profile.bells_kg] == [15, 25, 35]


def test_saving_again_updates_the_profile_and_replaces_the_bells(store):
    first = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12])
    second = store.save_profile(units="lb", experience="intermediate", bells_kg=[16])
    assert second.id == first.id
    assert (second.units, second.experience, second.bells_kg) == ("lb", "intermediate", (16.0,))


@pytest.mark.parametrize(
    ("units", "experience", "bells", "message"),
    [
        ("stone", "beginner", [8], "units must be kg or lb, not 'stone'"),
        ("kg", "elite", [8], "experience must be one of beginner, intermediate, advanced, not 'elite'"),
        ("kg", "beginner", [8, 0], "a bell weighs more than 0 kg, got 0"),
    ],
)
def test_an_impossible_profile_is_refused_and_nothing_is_stored(store, units, experience, bells, message):
    with pytest.raises(ValueError) as caught:
        store.save_profile(units=units, experience=experience, bells_kg=bells)
    assert str(caught.value) == message
    assert store.get_profile() is None


def test_the_profile_is_still_there_after_reopening_the_file(sqlite_url):
    with open_store(sqlite_url) as store:
        store.save_profile(units="kg", experience="beginner", bells_kg=[8])
    with open_store(sqlite_url) as store:
        assert store.get_profile().bells_kg == (8.0,)
