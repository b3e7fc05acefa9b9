"""The settings page: a new user sets up there; a wrong value is shown under its field and nothing is saved."""

from __future__ import annotations

import html
import re

import pytest

GOOD = {
    "units": "lb",
    "bells": "15 25 35",
    "experience": "intermediate",
    "days": ["0", "2", "4"],
    "time": "07:30",
    "zone": "Europe/Berlin",
}


def ticked(page: str) -> list[str]:
    """The values of the bell toggles ticked on the settings page."""
    return re.findall(r'name="bell" value="([^"]+)" checked', page)


@pytest.fixture
def post_settings(form):
    """Send the settings form as a browser does after opening the settings page."""
    return lambda client, fields: form(client, "/settings", fields, page="/settings")


def test_a_new_user_sets_up_on_the_settings_page_and_lands_on_home(api, post_settings):
    page = api.get("/settings")
    assert page.status_code == 200 and ticked(page.text) == ["8kg", "12kg", "16kg"]  # a starter set, in kg

    saved = post_settings(api, GOOD)

    assert (saved.status_code, saved.headers["location"]) == (303, "/")
    profile = api.get("/api/v1/profile").json()
    assert profile["units"] == "lb" and profile["experience"] == "intermediate"
    assert [round(kg, 2) for kg in profile["bells_kg"]] == [6.8, 11.34, 15.88]
    assert (profile["preferred_days"], profile["preferred_time"], profile["time_zone"]) == (
        [0, 2, 4],
        "07:30",
        "Europe/Berlin",
    )
    assert "Next:" in api.get("/").text


def test_the_form_shows_the_saved_settings_in_the_users_unit(ready, post_settings):
    post_settings(ready, GOOD)

    page = ready.get("/settings?saved=true").text

    assert "Saved." in page
    assert ticked(page) == ["6.80389kg", "11.3398kg", "15.8757kg"]  # the 15, 25 and 35 lb toggles, as owned
    assert 'name="bells" value=""' in page
    assert 'value="lb" checked' in page and 'value="07:30"' in page and 'value="Europe/Berlin"' in page
    assert 'value="2" checked' in page and 'value="1" checked' not in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bells", "eight", "'eight' is not a weight"),
        ("zone", "Mars/Olympus", "'Mars/Olympus' is not a time zone"),
        ("time", "25:00", "'25:00' is not a time of day"),
        ("days", [], "choose at least one training day"),
        ("experience", "guru", "'guru' is not a level"),
        ("units", "stone", "'stone' is not a unit"),
    ],
)
def test_a_wrong_value_is_named_under_its_field_and_nothing_is_saved(ready, post_settings, field, value, message):
    before = ready.get("/api/v1/profile").json()

    answer = post_settings(ready, {**GOOD, field: value})

    assert answer.status_code == 422
    assert message in html.unescape(answer.text)
    assert "nothing was saved" in answer.text
    if field != "days":
        assert f'value="{value}"' in answer.text or field in ("units", "experience")  # what was typed is kept
    assert ready.get("/api/v1/profile").json() == before


def test_days_that_leave_no_room_to_recover_are_refused(ready, post_settings):
    answer = post_settings(ready, {**GOOD, "days": ["0", "1"]})

    assert answer.status_code == 422
    assert "48" in answer.text or "recover" in answer.text


def test_settings_need_the_forms_token(ready):
    answer = ready.post("/settings", data=GOOD, follow_redirects=False)

    assert answer.status_code == 403


def test_every_page_links_history_and_settings(ready):
    for page in ("/", "/settings", "/history"):
        text = ready.get(page).text
        assert 'href="/history"' in text and 'href="/settings"' in text, page


def test_bells_are_ticked_one_per_size_in_the_users_unit_with_other_sizes_written_out(ready, post_settings):
    sizes = re.findall(r'name="bell" value="[^"]+"[^>]*> ([\d.]+ kg)', ready.get("/settings").text)
    assert sizes[:4] == ["4 kg", "6 kg", "8 kg", "10 kg"] and sizes[-1] == "48 kg"
    post_settings(ready, {**GOOD, "units": "kg", "bell": ["12kg", "20kg"], "bells": "26.5"})
    assert ready.get("/api/v1/profile").json()["bells_kg"] == [12.0, 20.0, 26.5]
    page = ready.get("/settings").text
    assert ticked(page) == ["12kg", "20kg"] and 'name="bells" value="26.5"' in page

    post_settings(ready, {**GOOD, "units": "lb", "bell": ticked(page), "bells": "26.5 kg"})  # now in lb
    page = ready.get("/settings").text
    assert re.findall(r'name="bell" value="[^"]+"[^>]*> ([\d.]+ lb)', page)[:2] == ["5 lb", "10 lb"]
    assert ticked(page) == []  # 12, 20 and 26.5 kg are no lb sizes (26.5, 44.1 and 58.4 lb)
    assert 'name="bells" value="26.5 44.1 58.4"' in page
    assert ready.get("/api/v1/profile").json()["bells_kg"] == [12.0, 20.0, 26.5]  # no bell moved to a size
