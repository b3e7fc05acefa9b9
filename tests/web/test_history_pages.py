"""The history page, its SVG plots, and history coming in (upload, preview, confirm) and going out."""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.conftest import LOCAL, visible

from repcoach.web import create_app

DATA = Path(__file__).parents[1] / "io" / "data" / "history"


def upload(client, name: str, content: bytes | None = None, unit: str = ""):
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/settings").text)
    assert token
    body = content if content is not None else (DATA / name).read_bytes()
    return client.post(
        "/settings/import",
        data={"csrf_token": token.group(1), "unit": unit},
        files={"file": (name, body, "text/csv")},
        follow_redirects=False,
    )


def confirm(client, preview, **fields: str):
    action = re.search(r'action="(/settings/import/[^"]+)"', preview.text)
    assert action, "the preview has no confirm form"
    token = re.search(r'name="csrf_token" value="([^"]+)"', preview.text)
    return client.post(action.group(1), data={"csrf_token": token.group(1), **fields}, follow_redirects=False)


def test_an_upload_is_previewed_and_stored_only_when_confirmed(ready):
    preview = upload(ready, "strong-ios.csv", unit="lb")

    text = visible(preview)
    assert preview.status_code == 200
    assert "Strong (iOS) export: 2 workouts (2 new), 8 sets, 2026-04-06 to 2026-04-09." in text
    assert "T Bar Row t-bar-row (custom) horizontal-pull 1" in text
    assert "Skipped 2 rows (rest timer): lines 4, 8." in text
    assert ready.get("/api/v1/sessions").json() == []

    stored = confirm(ready, preview)

    assert (stored.status_code, stored.headers["location"]) == (303, "/history?imported=8")
    assert len(ready.get("/api/v1/sessions").json()) == 2
    again = confirm(ready, preview)
    assert again.status_code == 410 and "expired" in again.text
    assert len(ready.get("/api/v1/sessions").json()) == 2


def test_imported_workout_and_set_notes_are_shown_on_the_history_page(ready):
    confirm(ready, upload(ready, "strong-ios.csv", unit="lb"))

    page = visible(ready.get("/history"))

    assert "Slept badly, still good" in page
    assert "Romanian deadlift: slow down, pause at the knee" in page


def test_importing_the_same_file_again_finds_nothing_new(ready):
    confirm(ready, upload(ready, "hevy.csv"))

    second = upload(ready, "hevy.csv")

    assert "2 workouts (0 new)" in visible(second)
    assert confirm(ready, second).headers["location"] == "/history?imported=0"


def test_a_second_apps_copy_of_a_stored_workout_is_shown_and_skipped_unless_kept(ready):
    confirm(ready, upload(ready, "strong-ios.csv", unit="lb"))

    preview = upload(ready, "hevy-same-as-strong-ios.csv")

    text = visible(preview)
    assert "Back and posture of 2026-04-06: the same workout is stored already (from another app?)" in text
    assert "Import 1 new workouts" in text and "Keep the 1 copies too" in text
    assert confirm(ready, preview).headers["location"] == "/history?imported=1"
    kept = confirm(ready, upload(ready, "hevy-same-as-strong-ios.csv"), keep_duplicates="true")
    assert kept.headers["location"] == "/history?imported=5"
    assert len(ready.get("/api/v1/sessions").json()) == 4


def test_a_file_that_cannot_be_read_is_explained_on_the_settings_page(ready):
    answer = upload(ready, "junk.csv", b"Day,Lift,Kilos\n2026-01-01,Squat,100\n")

    assert answer.status_code == 422
    assert "junk.csv:1: the header 'Day,Lift,Kilos' is not one this app knows" in html.unescape(answer.text)
    assert ready.get("/api/v1/sessions").json() == []


def test_a_file_of_wrong_rows_only_stores_nothing_and_says_which_rows(ready):
    rows = b"Date,Exercise,Category,Weight (kg),Reps\n2026-02-10,Goblet Squat,Legs,oops,10\n"

    answer = upload(ready, "bad.csv", rows)

    assert answer.status_code == 422
    assert "no sets found in bad.csv" in answer.text
    assert "bad.csv:2, Weight (kg): the weight &#39;oops&#39; is not a number" in answer.text


def test_a_preview_token_is_useless_to_another_account(store_url):
    app = create_app(store_url, accounts=True)
    with TestClient(app) as alice, TestClient(app) as bob:
        for client, name in ((alice, "alice"), (bob, "bobby")):
            assert client.post("/api/v1/account", json={"username": name, "password": "long enough"}).status_code == 201
            client.put("/api/v1/profile", json={"units": "kg", "experience": "beginner", "bells_kg": [12]})
        preview = upload(alice, "hevy.csv")
        action = re.search(r'action="(/settings/import/[^"]+)"', preview.text).group(1)
        bobs_token = re.search(r'name="csrf_token" value="([^"]+)"', bob.get("/settings").text).group(1)

        stolen = bob.post(action, data={"csrf_token": bobs_token}, follow_redirects=False)

        assert stolen.status_code == 410
        assert bob.get("/api/v1/sessions").json() == []
        assert confirm(alice, preview).status_code == 303


def recent_fitnotes(*rows: tuple[int, str, float, int]) -> bytes:
    """A FitNotes export of ``(days ago, exercise, kg, reps)`` rows, dated back from today."""
    today = date.today()
    lines = [f"{today - timedelta(days=ago)},{name},Any,{kg},{reps},,,," for ago, name, kg, reps in rows]
    return "\n".join(["Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment", *lines]).encode()


def test_the_history_page_lists_sessions_newest_first_with_a_line_per_move(ready):
    confirm(ready, upload(ready, "strong-ios.csv"))
    ready.post("/api/v1/sessions", json={"plan": "kettlebell-back"})  # an unfinished session shows too

    page = visible(ready.get("/history"))

    assert page.index("Kettlebell back workout") < page.index("Push Thu 09 Apr 2026") < page.index("Back, posture")
    assert "Romanian deadlift 10, 8, 5 -, 2, 0 35 kg, 150 kg" in page
    assert "Plank 60 s - bodyweight" in page and "Elliptical 5.2 km in 30 min - -" in page
    assert "T Bar Row 10" in page  # a custom move by its own name
    assert "Push Thu 09 Apr 2026 07:30 · 45 min · 3 sets" in page  # imported: no rounds
    assert "Continue it" in page


def test_the_moves_trained_in_two_sessions_or_more_are_plotted_as_svg_with_text_as_text(ready):
    rows = [(ago, "Bench Press (Barbell)", 60 + ago, 8) for ago in (2, 5, 9)] + [(2, "Goblet Squat", 20, 10)]
    confirm(ready, upload(ready, "recent.csv", recent_fitnotes(*rows)))

    page = ready.get("/history").text
    svg = ready.get("/history/plots/bench-press.svg")
    missing = ready.get("/history/plots/halo.svg")

    assert 'src="/history/plots/bench-press.svg"' in page and "goblet-squat.svg" not in page
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
    assert "Bench press</text>" in svg.text
    assert missing.status_code == 422 and "no sets of 'halo'" in missing.json()["error"]["problems"][0]["message"]


def test_the_balance_warning_shows_when_pushing_outweighs_pulling(ready):
    confirm(
        ready,
        upload(ready, "chest.csv", recent_fitnotes(*[(ago, "Bench Press (Barbell)", 60, 8) for ago in (1, 2, 3)] * 4)),
    )

    page = visible(ready.get("/history"))

    assert "Last 7 days: 12 push sets, 0 pull and hinge sets." in page
    assert "⚠" in page and "Balanced" not in page


def test_downloads_give_everything_back(ready):
    confirm(ready, upload(ready, "hevy.csv"))

    as_json = ready.get("/settings/export.json")
    as_csv = ready.get("/settings/export.csv")

    assert as_json.headers["content-disposition"].startswith('attachment; filename="repcoach-')
    assert json.loads(as_json.text)["format"] == "repcoach-export"
    assert len(json.loads(as_json.text)["sessions"]) == 2
    assert as_csv.text.startswith("Date,Workout Name,Duration,Exercise Name,Set Order,")
    assert len(as_csv.text.strip().splitlines()) == 8
    assert "content-length" not in as_csv.headers  # streamed as it is read, not made whole first
    assert ready.get("/settings/export.xml").status_code == 422


def test_a_repcoach_backup_uploaded_on_another_server_restores_it(ready, tmp_path):
    confirm(ready, upload(ready, "hevy.csv"))
    backup = ready.get("/settings/export.json").content
    with TestClient(create_app(f"sqlite:///{tmp_path / 'other.db'}"), base_url=LOCAL) as other:
        other.put("/api/v1/profile", json={"units": "kg", "experience": "beginner", "bells_kg": [12]})
        preview = upload(other, "backup.json", backup)
        assert "2 sessions with 7 sets" in preview.text
        assert confirm(other, preview).status_code == 303
        assert len(other.get("/api/v1/sessions").json()) == 2
