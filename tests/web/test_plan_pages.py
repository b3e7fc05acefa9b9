"""The plans page: a workout pasted as text, read into a plan, kept and then started from home."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import LOCAL, PROFILE, visible

from repcoach.web import create_app

ARTICLE = (Path(__file__).parents[1] / "io" / "data" / "articles" / "kettlebell-back.txt").read_text()


@pytest.fixture
def single_user(sqlite_url, tmp_path):
    with TestClient(create_app(sqlite_url, plans_dir=tmp_path / "plans"), base_url=LOCAL) as client:
        client.put("/api/v1/profile", json=PROFILE)
        yield client


def test_a_pasted_article_is_previewed_then_kept_and_offered_on_home(single_user, form, tmp_path):
    preview = form(single_user, "/plans/from-text", {"text": ARTICLE, "name": "Back day"}, page="/plans")

    shown = visible(preview)
    assert preview.status_code == 200
    assert "Superset 1 (superset, then 90 s rest)" in shown and "Renegade row: 6-10 reps, light-medium" in shown
    assert "Not used (line 1): The Kettlebell Back Workout That Fixes Your Posture" in shown
    assert not (tmp_path / "plans").exists()  # nothing kept before the user says so

    kept = form(single_user, "/plans/from-text", {"text": ARTICLE, "name": "Back day", "save": "true"}, page="/plans")

    assert (kept.status_code, kept.headers["location"]) == (303, "/")
    assert (tmp_path / "plans" / "back-day.toml").exists()
    assert "Start Back day" in single_user.get("/").text
    started = form(single_user, "/session", {"plan": "back-day"})
    assert started.status_code == 303


def test_a_move_outside_the_library_is_kept_in_the_plan_and_coached_by_name(single_user, form):
    text = "Circuit\n- Cossack squat: 6 reps per side\n- Goblet squat: 10 reps\nDo 2 rounds.\n"

    preview = form(single_user, "/plans/from-text", {"text": text, "name": "Legs"}, page="/plans")

    assert "Not in the library: Cossack squat. The plan keeps them as its own moves" in visible(preview)
    form(single_user, "/plans/from-text", {"text": text, "name": "Legs", "save": "true"}, page="/plans")
    started = single_user.post("/api/v1/sessions", json={"plan": "legs"})
    work = started.json()["work"]
    assert (work["name"], work["side"], work["cues"], work["picture"]) == ("Cossack squat", "left", [], None)
    single_user.post(f"/api/v1/sessions/{started.json()['id']}/events", json={"kind": "set_done", "reps": 6})
    history = single_user.get("/history")
    assert "Cossack squat" in visible(history)


def test_an_amrap_article_is_previewed_with_its_time_and_its_session_counts_it_down(single_user, form):
    text = "AMRAP 12\n- 5 pull-ups\n- 10 push-ups\n"

    preview = form(single_user, "/plans/from-text", {"text": text, "name": "Burner"}, page="/plans")

    assert "AMRAP 12 (circuit, as many rounds as possible in 12 min)" in visible(preview)
    form(single_user, "/plans/from-text", {"text": text, "name": "Burner", "save": "true"}, page="/plans")
    work = single_user.post("/api/v1/sessions", json={"plan": "burner"}).json()["work"]
    assert work["name"] == "Pull-up" and 719 < work["time_left"] <= 720


def test_a_move_s_tempo_from_the_article_is_shown_with_it(single_user, form):
    text = "Circuit\n- Goblet squat: 8 reps, 3-second lowering\n- Halo: 5 reps\n"
    form(single_user, "/plans/from-text", {"text": text, "name": "Slow", "save": "true"}, page="/plans")

    work = single_user.post("/api/v1/sessions", json={"plan": "slow"}).json()["work"]

    assert (work["name"], work["notes"]) == ("Goblet squat", "3-second lowering")


def test_text_without_a_workout_is_explained(single_user, form):
    answer = form(single_user, "/plans/from-text", {"text": "Preheat the oven to 180 C."}, page="/plans")

    assert answer.status_code == 422 and "no workout found" in answer.text


def test_a_built_in_id_is_refused_with_a_sentence_and_nothing_is_kept(single_user, form, tmp_path):
    refused = form(single_user, "/plans/from-text", {"text": ARTICLE, "name": "Kettlebell back", "save": "true"})

    assert refused.status_code == 422
    assert "'kettlebell-back' is a built-in plan's name; choose another" in visible(refused)
    assert not (tmp_path / "plans").exists()


# With accounts, plans are kept in the database, each for the account that kept it.

LEGS = "Circuit\n- Goblet squat: 10 reps\n- Swing: 15 reps\nDo 2 rounds.\n"


@pytest.fixture
def server(store_url):
    with TestClient(create_app(store_url, accounts=True)) as client:
        yield client


def signed_up(server: TestClient, username: str, profile: bool = True) -> TestClient:
    """Another browser on the same app, registered (and set up, with ``profile``)."""
    client = TestClient(server.app)
    assert client.post("/api/v1/account", json={"username": username, "password": "long enough"}).status_code == 201
    if profile:
        assert client.put("/api/v1/profile", json=PROFILE).status_code == 200
    return client


def plan_ids(client: TestClient) -> list[str]:
    return [plan["id"] for plan in client.get("/api/v1/plans").json()]


def test_with_accounts_a_kept_plan_is_offered_to_its_account_as_the_built_in_ones_are(server, form):
    alice, bob = signed_up(server, "alice"), signed_up(server, "bob")

    preview = form(alice, "/plans/from-text", {"text": ARTICLE, "name": "Back day"}, page="/plans")
    assert "Keep it as back-day" in visible(preview) and "back-day" not in plan_ids(alice)
    kept = form(alice, "/plans/from-text", {"text": ARTICLE, "name": "Back day", "save": "true"}, page="/plans")

    assert (kept.status_code, kept.headers["location"]) == (303, "/")
    assert "Start Back day" in visible(alice.get("/"))
    assert "back-day" in plan_ids(alice)
    assert alice.get("/api/v1/plans/back-day").json()["title"] == "Back day"
    assert alice.get("/api/v1/recommendations", params={"plan": "back-day"}).json()["plan"] == "back-day"
    started = alice.post("/api/v1/sessions", json={"plan": "back-day"})
    assert started.status_code == 201 and started.json()["title"] == "Back day"

    assert "back-day" not in plan_ids(bob)
    assert "Start Back day" not in visible(bob.get("/"))
    for refused in (
        bob.get("/api/v1/plans/back-day"),
        bob.get("/api/v1/recommendations", params={"plan": "back-day"}),
        bob.post("/api/v1/sessions", json={"plan": "back-day"}),
    ):
        assert refused.status_code == 404
        assert refused.json()["error"]["message"].startswith("Unknown plan 'back-day'.")
    assert form(bob, "/session", {"plan": "back-day"}).status_code == 404


def test_keeping_a_plan_under_an_id_kept_before_says_so_and_replaces_it(server, form):
    alice = signed_up(server, "alice")
    form(alice, "/plans/from-text", {"text": ARTICLE, "name": "Legs", "save": "true"}, page="/plans")

    preview = form(alice, "/plans/from-text", {"text": LEGS, "name": "Legs"}, page="/plans")
    assert "You kept a plan as legs already: keeping this one replaces it." in visible(preview)
    assert "Replace legs" in visible(preview)
    replaced = form(alice, "/plans/from-text", {"text": LEGS, "name": "Legs", "save": "true"}, page="/plans")

    assert replaced.status_code == 303
    plan = alice.get("/api/v1/plans/legs").json()
    assert (plan["rounds"], [move["exercise"] for move in plan["blocks"][0]["moves"]]) == (
        "2",
        ["goblet-squat", "kettlebell-swing"],
    )
    assert plan_ids(alice).count("legs") == 1


def test_a_kept_plan_is_deleted_from_the_plans_page_by_its_account_only(server, form):
    alice, bob = signed_up(server, "alice"), signed_up(server, "bob")
    form(alice, "/plans/from-text", {"text": ARTICLE, "name": "Back day", "save": "true"}, page="/plans")
    assert "Delete Back day" in visible(alice.get("/plans"))
    assert "Delete Back day" not in visible(bob.get("/plans"))

    assert form(bob, "/plans/back-day/delete", page="/plans").status_code == 404
    assert alice.post("/plans/back-day/delete", data={"csrf_token": "forged"}).status_code == 403
    assert "back-day" in plan_ids(alice)
    deleted = form(alice, "/plans/back-day/delete", page="/plans")

    assert (deleted.status_code, deleted.headers["location"]) == (303, "/plans")
    assert "back-day" not in plan_ids(alice)
    assert "Back day" not in visible(alice.get("/plans"))
    again = form(alice, "/plans/back-day/delete", page="/plans")
    assert again.status_code == 404 and "You have kept no plan 'back-day'." in visible(again)


def test_with_accounts_a_built_in_id_is_refused_with_a_sentence(server, form):
    alice = signed_up(server, "alice")

    refused = form(
        alice, "/plans/from-text", {"text": ARTICLE, "name": "Kettlebell back", "save": "true"}, page="/plans"
    )

    assert refused.status_code == 422
    assert "'kettlebell-back' is a built-in plan's name; choose another" in visible(refused)
    assert alice.get("/api/v1/plans/kettlebell-back").json()["title"] != "Kettlebell back"
    assert "Delete" not in visible(alice.get("/plans"))


def test_an_account_without_a_profile_is_asked_to_set_one_up_before_keeping(server, form):
    carol = signed_up(server, "carol", profile=False)

    refused = form(carol, "/plans/from-text", {"text": ARTICLE, "name": "Back day", "save": "true"}, page="/plans")

    assert refused.status_code == 409 and "Set up your profile first (on the settings page)" in visible(refused)
    assert "back-day" not in plan_ids(carol)
