"""The plans page: a workout pasted as text, read into a plan, kept and then started from home."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import PROFILE, visible

from repcoach.web import create_app

ARTICLE = (Path(__file__).parents[1] / "io" / "data" / "articles" / "kettlebell-back.txt").read_text()


@pytest.fixture
def single_user(sqlite_url, tmp_path):
    with TestClient(create_app(sqlite_url, plans_dir=tmp_path / "plans")) as client:
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


def test_text_without_a_workout_is_explained(single_user, form):
    answer = form(single_user, "/plans/from-text", {"text": "Preheat the oven to 180 C."}, page="/plans")

    assert answer.status_code == 422 and "no workout found" in answer.text


def test_with_accounts_the_preview_is_shown_but_nothing_is_kept(store_url, form):
    with TestClient(create_app(store_url, accounts=True)) as client:
        client.post("/api/v1/account", json={"username": "alice", "password": "long enough"})
        client.put("/api/v1/profile", json=PROFILE)

        preview = form(client, "/plans/from-text", {"text": ARTICLE, "save": "true"}, page="/plans")

        assert preview.status_code == 200 and "not kept per account yet" in preview.text
        assert "article" not in [plan["id"] for plan in client.get("/api/v1/plans").json()]
