"""The phone pages: served, self-contained, light, and wired to the API."""

import re


def test_home_before_setup_explains_what_to_do(api):
    page = api.get("/")
    assert page.status_code == 200 and "repcoach setup" in page.text


def test_home_shows_the_next_session_the_advised_bells_and_a_start_button(ready):
    page = ready.get("/").text
    assert "Next: Kettlebell back workout" in page
    for name in ("Renegade row", "Romanian deadlift", "Halo", "Single-arm row"):
        assert name in page
    assert '<form method="post" action="/session">' in page


def test_start_opens_the_session_page_and_a_second_start_returns_to_it(ready):
    first = ready.post("/session", follow_redirects=False)
    assert first.status_code == 303
    page = ready.get(first.headers["location"])
    assert page.status_code == 200 and 'data-unit="kg"' in page.text
    again = ready.post("/session", follow_redirects=False)
    assert again.headers["location"] == first.headers["location"]


def test_the_session_page_loads_nothing_from_the_internet_and_weighs_under_150_kb(ready):
    page = ready.get(ready.post("/session", follow_redirects=False).headers["location"]).text
    assert not re.search(r"(src|href)=\"https?://", page)
    assets = re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", page)
    assert set(assets) == {"/static/app.css", "/static/timer.js", "/static/outbox.js", "/static/session.js"}
    total = len(page.encode()) + sum(len(ready.get(asset).content) for asset in assets)
    assert total < 150_000


def test_the_timer_never_counts_ticks_it_recomputes_from_a_deadline(api):
    timer = api.get("/static/timer.js").text
    assert "performance.now()" in timer and "deadline" in timer
    assert "visibilitychange" in timer and "wakeLock" in timer
    outbox = api.get("/static/outbox.js").text
    assert "indexedDB" in outbox and "crypto.randomUUID()" in outbox and "client_id" in outbox


def test_an_unknown_session_page_is_a_404(ready):
    assert ready.get("/session/not-a-session").status_code == 404
