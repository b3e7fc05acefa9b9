"""The phone pages: served, self-contained, light, and wired to the API."""

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import LOCAL, PROFILE

from repcoach.errors import InvalidInput
from repcoach.plan.builtins import builtin_plans
from repcoach.web import create_app

QUICK = Path(__file__).parent / "data" / "quick-test.toml"


def test_home_before_setup_explains_what_to_do(api):
    page = api.get("/")
    assert page.status_code == 200 and 'href="/settings"' in page.text


def test_home_shows_the_next_session_the_advised_bells_and_a_start_button(ready):
    page = ready.get("/").text
    assert "Next: Kettlebell back workout" in page
    for name in ("Renegade row", "Romanian deadlift", "Halo", "Single-arm row"):
        assert name in page
    assert '<form method="post" action="/session">' in page


def test_start_opens_the_session_page_and_a_second_start_returns_to_it(ready, form):
    first = form(ready, "/session")
    assert first.status_code == 303
    page = ready.get(first.headers["location"])
    assert page.status_code == 200 and 'data-unit="kg"' in page.text
    # The home page now offers "Continue"; a Start sent from a page opened earlier goes to the same session.
    again = ready.post("/session", data={"csrf_token": ready.cookies["repcoach_csrf"]}, follow_redirects=False)
    assert again.headers["location"] == first.headers["location"]


def test_a_start_without_the_page_s_token_is_refused_and_starts_nothing(ready):
    refused = ready.post("/session", data={"csrf_token": "forged"}, follow_redirects=False)
    assert refused.status_code == 403
    assert "did not come from repcoach" in refused.json()["error"]["message"]
    assert ready.get("/api/v1/sessions").json() == []


def test_a_write_a_browser_marks_as_cross_site_is_refused(ready):
    refused = ready.post("/api/v1/sessions", json={}, headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 403
    from_elsewhere = ready.put(
        "/api/v1/profile",
        json={"units": "lb", "experience": "beginner", "bells_kg": [8]},
        headers={"Origin": "https://evil.example"},
    )
    assert from_elsewhere.status_code == 403
    assert ready.get("/api/v1/profile").json()["units"] == "kg"
    assert ready.get("/api/v1/sessions").json() == []


def test_the_session_page_loads_nothing_from_the_internet_and_weighs_under_150_kb(ready, form):
    """All a first visit transfers: the page, its files, the service worker and every file it keeps offline."""
    page = ready.get(form(ready, "/session").headers["location"]).text
    assert not re.search(r"(src|href)=\"https?://", page)
    assets = set(re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", page))
    names = ("app.css", "install.js", "outbox.js", "signout.js", "timer.js", "walker.js", "report.js", "session.js")
    assert assets == {f"/static/{name}" for name in names}
    worker = ready.get("/sw.js")
    assert worker.headers["cache-control"] == "no-cache" and worker.headers["content-type"].startswith(
        "text/javascript"
    )
    release = json.loads(worker.text.split("\n", 1)[0].removeprefix("const RELEASE = ").removesuffix(";"))
    assert assets <= set(release["shell"])
    total = len(page.encode()) + len(worker.content) + sum(len(ready.get(f).content) for f in set(release["shell"]))
    assert total < 150_000


def test_the_timer_never_counts_ticks_it_recomputes_from_a_deadline(api):
    timer = api.get("/static/timer.js").text
    assert "performance.now()" in timer and "deadline" in timer
    assert "visibilitychange" in timer and "wakeLock" in timer
    outbox = api.get("/static/outbox.js").text
    assert "indexedDB" in outbox and "crypto.randomUUID()" in outbox and "client_id" in outbox


def test_an_unknown_session_page_is_a_404(ready):
    assert ready.get("/session/not-a-session").status_code == 404


def test_a_server_started_with_a_plan_file_offers_and_runs_it(sqlite_url, form):
    with TestClient(create_app(sqlite_url, plan_files=[QUICK]), base_url=LOCAL) as client:
        assert client.put("/api/v1/profile", json=PROFILE).status_code == 200
        assert "quick-test" in [plan["id"] for plan in client.get("/api/v1/plans").json()]
        home = client.get("/").text
        assert "Start Quick test" in home and "Start Kettlebell back workout" not in home  # not its own warm-up
        started = form(client, "/session", {"plan": "quick-test"})
        session = started.headers["location"].rsplit("/", 1)[1]
        assert client.get(f"/api/v1/sessions/{session}").json()["title"] == "Quick test"


def test_a_bad_plan_file_stops_the_server_from_starting_with_file_and_field(sqlite_url, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(QUICK.read_text().replace('reps = "6-8"', 'reps = "lots"'))
    with pytest.raises(InvalidInput) as caught:
        create_app(sqlite_url, plan_files=[broken])
    assert caught.value.problems[0].source == str(broken) and caught.value.problems[0].line == 16


def test_every_move_of_the_built_in_plans_has_a_diagram_the_page_can_show(api):
    moves = {move.exercise for plan in builtin_plans().values() for block in plan.blocks for move in block.moves}
    for move in sorted(moves):
        picture = api.get(f"/static/moves/{move}.svg")
        assert picture.status_code == 200, move
        assert picture.headers["content-type"].startswith("image/svg+xml")
        assert (
            "<title>" in picture.text
            and "<script" not in picture.text
            and "http://" not in picture.text.replace("http://www.w3.org/2000/svg", "")
        )


def test_every_page_links_a_manifest_that_makes_the_app_installable(ready):
    page = ready.get("/").text
    for link in ('rel="manifest" href="/manifest.webmanifest"', 'rel="icon"', 'rel="apple-touch-icon"'):
        assert link in page
    answer = ready.get("/manifest.webmanifest")
    assert answer.headers["content-type"].startswith("application/manifest+json")
    manifest = answer.json()
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        image = ready.get(icon["src"])
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert ready.get("/favicon.ico").status_code == 200
    assert ready.get("/apple-touch-icon.png").status_code == 200
    # one colour behind the app as the phone draws it: the manifest's, the page's and the style sheet's
    colours = {manifest["theme_color"], manifest["background_color"]}
    colours.add(re.search(r'name="theme-color" content="([^"]+)"', page).group(1))
    colours.add(re.search(r"--bg: (#[0-9a-f]+);", ready.get("/static/app.css").text).group(1))
    assert len(colours) == 1, colours
