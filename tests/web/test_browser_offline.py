"""The app with no network, in Chromium at a phone's size: what the service worker keeps and serves."""

from __future__ import annotations

import re
import shutil
import signal
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from tests.web.browsing import QUICK_AMRAP, QUICK_EMOM, free_port, installed, serve_process, serving, until, walked_here
from tests.web.conftest import PROFILE

from repcoach.web.routers import app_shell

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CACHES = "async () => (await caches.keys()).sort()"


def test_home_history_and_the_session_open_offline_with_the_server_gone(tmp_path, phone):
    with serving(tmp_path / "r.db") as base:
        phone.goto(base)
        installed(phone)
        phone.goto(f"{base}/history")
        phone.goto(base)
        phone.get_by_role("button", name="Start", exact=True).click()
        expect(phone.locator("#move")).to_have_text("Renegade row")
        session_page = phone.url
    phone.context.set_offline(True)

    phone.goto(base)
    expect(phone.get_by_role("heading", name="Unfinished: Kettlebell back workout")).to_be_visible()
    expect(phone.get_by_role("status")).to_contain_text("Offline: this page as last seen")
    phone.goto(f"{base}/history")
    expect(phone.get_by_role("heading", name="History", exact=True)).to_be_visible()
    expect(phone.locator(".offline")).to_contain_text("Offline: this page as last seen")
    phone.goto(session_page)
    expect(phone.locator("#session")).to_be_attached()
    expect(phone.locator(".offline")).to_have_count(0)  # the session page says itself where it stands
    phone.goto(f"{base}/settings")  # never seen: says so, rather than the browser's error page
    expect(phone.get_by_role("heading", name="Offline")).to_be_visible()
    phone.goto(f"{base}/history")
    with phone.expect_navigation():  # a form sent offline (as Start or Save are)
        form = "Object.assign(document.createElement('form'), {method: 'post', action: '/session'})"
        phone.evaluate(f"document.body.appendChild({form}).submit()")
    expect(phone.get_by_role("heading", name="Offline")).to_be_visible()


def test_a_new_release_fills_a_new_cache_and_deletes_the_old(tmp_path, phone, monkeypatch):
    static = tmp_path / "static"
    shutil.copytree(app_shell.STATIC, static)
    monkeypatch.setattr(app_shell, "STATIC", static)
    monkeypatch.setattr(app_shell, "WORKER", static / "service-worker.js")
    app_shell.stamped_worker.cache_clear()
    try:
        with serving(tmp_path / "r.db") as base:
            phone.goto(base)
            installed(phone)
            until(phone, "async () => (await caches.keys()).length === 2")  # the shell, and the page's copy
            [pages, first_shell] = phone.evaluate(CACHES)
            assert pages == "repcoach-pages" and first_shell.startswith("repcoach-shell-")
            shell_files = phone.evaluate(f"caches.open('{first_shell}').then((c) => c.keys()).then((r) => r.length)")
            assert shell_files == len([path for path in Path(static).rglob("*") if path.is_file()]) - 1

            (static / "app.css").write_text((static / "app.css").read_text() + "\n/* the next release */\n")
            app_shell.stamped_worker.cache_clear()
            phone.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
            until(phone, f"async () => !(await caches.keys()).includes('{first_shell}')")
            until(phone, "async () => (await caches.keys()).length === 2")
            [_, second_shell] = phone.evaluate(CACHES)
            assert second_shell != first_shell and second_shell.startswith("repcoach-shell-")
    finally:
        app_shell.stamped_worker.cache_clear()


def one_round(phone: Page, number: int, *, reload_in_rest: bool = False, reload_in_work: bool = False) -> None:
    """Round ``number`` of the reference routine: Superset 1, its 90 s rest (cut short), Superset 2."""
    move, done = phone.locator("#move"), phone.get_by_role("button", name="Done")
    expect(phone.locator("#round")).to_have_text(f"Round {number} of 3-5")
    for name in ("Renegade row", "Romanian deadlift"):
        expect(move).to_have_text(name)
        done.click()
    expect(phone.locator("#rest-reason")).to_have_text("Rest — after Superset 1")
    if reload_in_rest:
        phone.reload()
        expect(phone.locator("#rest-reason")).to_have_text("Rest — after Superset 1")
        expect(phone.locator("#round")).to_have_text(f"Round {number} of 3-5")  # not blank after a reload
        expect(phone.locator("#countdown")).to_have_text(re.compile(r"^1:[0-2]\d$"))  # still counting down
    phone.get_by_role("button", name="Start now").click()
    for name in ("Halo", "Single-arm row — left", "Single-arm row — right"):
        expect(move).to_have_text(name)
        if reload_in_work and name.endswith("left"):
            phone.reload()
            expect(move).to_have_text(name)
        done.click()


def round_rest(phone: Page, number: int) -> None:
    expect(phone.locator("#rest-reason")).to_have_text(f"Rest — after round {number}")
    expect(phone.locator("#countdown")).to_have_text(re.compile(r"^(2:00|1:5\d)$"))
    phone.get_by_role("button", name="Start now").click()


def stored_once(base: str, session: str) -> dict:
    """The session as the server holds it, after checking no set is stored twice."""
    [stored] = [found for found in httpx.get(f"{base}/api/v1/sessions").json() if found["id"] == session]
    ids = [logged["client_id"] for logged in stored["sets"]]
    assert len(set(ids)) == len(ids) and None not in ids
    return stored


def test_the_reference_routine_runs_to_its_end_offline_through_reloads_and_a_killed_server(tmp_path, phone):
    port, database, log = free_port(), tmp_path / "r.db", tmp_path / "server.log"
    base = f"http://127.0.0.1:{port}"
    with serve_process(database, port, log) as server:
        httpx.put(f"{base}/api/v1/profile", json=PROFILE).raise_for_status()
        phone.goto(base)
        installed(phone)
        phone.get_by_role("button", name="Start", exact=True).click()
        expect(phone.locator("#move")).to_have_text("Renegade row")
        session_page = phone.url
        session = session_page.rsplit("/", 1)[1]
        walked_here(phone, session)
        phone.goto(f"{base}/history")  # seen once online: the session, no sets yet
        phone.goto(session_page)
        expect(phone.locator("#move")).to_have_text("Renegade row")
        phone.context.set_offline(True)  # before the first set

        one_round(phone, 1, reload_in_rest=True)
        expect(phone.locator("#sync")).to_have_text("5 sets on this phone only")
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        round_rest(phone, 1)
        one_round(phone, 2, reload_in_work=True)
        round_rest(phone, 2)
    with serve_process(database, port, log):  # started again, while the phone is still offline
        one_round(phone, 3)
        expect(phone.locator("#choice-title")).to_have_text("Round 3 of 3-5 done")
        expect(phone.locator("#choice-countdown")).to_have_text(re.compile(r"^(2:00|1:5\d)$"))
        phone.get_by_role("button", name="Finish").click()
        expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
        expect(phone.locator("#sync")).to_have_text("15 sets on this phone only")
        assert stored_once(base, session)["sets"] == []  # offline: nothing has reached the server
        phone.goto(f"{base}/history")
        expect(phone.locator(".offline")).to_contain_text("Offline: this page as last seen")
        unsent = phone.locator(f'[data-session="{session}"] .unsent')
        expect(unsent).to_have_text("15 sets on this phone only, not yet sent: they go when the network is back.")
        phone.goto(session_page)
        expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
        expect(phone.locator("#report-line")).to_have_text("15 sets")  # what the phone knows, offline
        expect(phone.locator("#report-wait")).to_have_text(
            "15 sets are still on this phone only: the summary comes once the server has them."
        )

        phone.wait_for_timeout(1000)
        back_online = datetime.now(UTC)
        phone.context.set_offline(False)
        expect(phone.locator("#sync")).to_have_text("All sets saved", timeout=15000)
        stored = stored_once(base, session)
        assert len(stored["sets"]) == 15 and stored["finished_at"] is not None
        assert [logged["round"] for logged in stored["sets"]] == [1] * 5 + [2] * 5 + [3] * 5
        # each set is dated when it was done on the phone, not when it reached the server
        done = [datetime.fromisoformat(logged["finished_at"]) for logged in stored["sets"]]
        assert done == sorted(done) and done[-1] < back_online
        assert datetime.fromisoformat(stored["finished_at"]) < back_online
        expect(phone.locator("#attention")).to_be_hidden()  # nothing refused
        # the server's summary of all 15 sets, once it has them
        expect(phone.locator("#report-line")).to_have_text(
            re.compile(r"^3 rounds · 15 sets · \d+ min · [\d,]+ kg moved$")
        )
        expect(phone.locator("#report-wait")).to_be_hidden()
        expect(phone.locator("#report-done li")).to_have_count(5)  # the single-arm row's two sides apart
        expect(phone.locator("#report-first")).to_be_visible()  # a first session: nothing to compare
        expect(phone.locator("#report-next li")).to_have_count(4)
        expect(phone.locator("#report-when li").first).to_have_text(
            re.compile(r"^Kettlebell back workout: Allowed from \w+ \d\d:\d\d: 24 h after today's")
        )
        phone.goto(f"{base}/history")
        expect(phone.locator(f'[data-session="{session}"]')).to_contain_text("15 sets")
        expect(phone.locator(".unsent")).to_be_hidden()


def test_the_network_drops_in_a_rest_that_then_runs_out_offline_and_every_set_arrives_once(tmp_path, phone):
    port, database, log = free_port(), tmp_path / "r.db", tmp_path / "server.log"
    base = f"http://127.0.0.1:{port}"
    phone.clock.install()
    with serve_process(database, port, log):
        httpx.put(f"{base}/api/v1/profile", json=PROFILE).raise_for_status()
        phone.goto(base)
        installed(phone)
        phone.get_by_role("button", name="Start", exact=True).click()
        move, done = phone.locator("#move"), phone.get_by_role("button", name="Done")
        session = phone.url.rsplit("/", 1)[1]
        for name in ("Renegade row", "Romanian deadlift"):
            expect(move).to_have_text(name)
            done.click()
        expect(phone.locator("#rest-reason")).to_have_text("Rest — after Superset 1")
        expect(phone.locator("#sync")).to_have_text("All sets saved")
        phone.context.set_offline(True)  # in the middle of the rest
        phone.clock.fast_forward("01:35")  # the rest runs out on the phone's clock, with no network
        expect(move).to_have_text("Halo")
        for name in ("Halo", "Single-arm row — left", "Single-arm row — right"):
            expect(move).to_have_text(name)
            done.click()
        round_rest(phone, 1)
        one_round(phone, 2)
        round_rest(phone, 2)
        one_round(phone, 3)
        phone.get_by_role("button", name="Finish").click()
        expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
        assert len(stored_once(base, session)["sets"]) == 2

        phone.context.set_offline(False)
        phone.clock.fast_forward(5000)  # the outbox's retry timer
        expect(phone.locator("#sync")).to_have_text("All sets saved", timeout=15000)
        stored = stored_once(base, session)
        assert len(stored["sets"]) == 15 and stored["finished_at"] is not None
        expect(phone.locator("#attention")).to_be_hidden()


def walked_offline(phone: Page, base: str, plan: str, first_move: str) -> str:
    """Start ``plan`` on the installed app, wait until the phone holds its walk, then take the network away."""
    phone.goto(base)
    installed(phone)
    phone.get_by_role("button", name=f"Start {plan}").click()
    expect(phone.locator("#move")).to_have_text(first_move)
    session = phone.url.rsplit("/", 1)[1]
    walked_here(phone, session)
    phone.context.set_offline(True)
    return session


def test_an_amrap_goes_round_offline_through_a_reload_and_ends_when_its_time_is_gone(tmp_path, phone):
    phone.clock.install()
    with serving(tmp_path / "r.db", [QUICK_AMRAP]) as base:
        session = walked_offline(phone, base, "Quick AMRAP", "Halo")  # before the first set
        move, done, time_left = (
            phone.locator("#move"),
            phone.get_by_role("button", name="Done"),
            phone.locator("#time-left"),
        )
        for name in ("Halo", "Goblet squat", "Halo"):  # a lap, and round again
            expect(move).to_have_text(name)
            done.click()
        expect(move).to_have_text("Goblet squat")
        phone.reload()  # in the second lap: the lap and the AMRAP's time are kept
        expect(move).to_have_text("Goblet squat")
        expect(time_left).to_have_text(re.compile(r"^0:0[1-6] left$"))
        done.click()
        expect(move).to_have_text("Halo")  # the third lap
        phone.clock.fast_forward(7000)
        expect(time_left).to_have_text("Time is up: log this set, it is the last")
        done.click()
        expect(move).to_have_text("Push-up")
        done.click()
        expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
        expect(phone.locator("#sync")).to_have_text("6 sets on this phone only")
        assert stored_once(base, session)["sets"] == []

        phone.context.set_offline(False)
        phone.clock.fast_forward(5000)  # the outbox's retry timer
        expect(phone.locator("#sync")).to_have_text("All sets saved", timeout=15000)
        stored = stored_once(base, session)
        assert [logged["exercise_id"] for logged in stored["sets"]] == ["halo", "goblet-squat"] * 2 + [
            "halo",
            "push-up",
        ]
        assert stored["finished_at"] is not None
        expect(phone.locator("#attention")).to_be_hidden()  # nothing refused: the server went round as the phone did
        expect(phone.locator("#report-line")).to_have_text(re.compile(r"^1 round · 6 sets"))


def test_an_emom_interval_done_offline_is_timed_on_the_server_by_the_phones_clock(tmp_path, phone):
    phone.clock.install()
    with serving(tmp_path / "r.db", [QUICK_EMOM]) as base:
        session = walked_offline(phone, base, "Quick EMOM", "Kettlebell swing")
        move, done = phone.locator("#move"), phone.get_by_role("button", name="Done")
        for name in ("Kettlebell swing", "Kettlebell press — left", "Kettlebell press — right"):
            expect(move).to_have_text(name)
            phone.clock.fast_forward(11_000)
            done.click()  # the interval's work is done 33 s into its minute, by the phone's clock
        expect(phone.locator("#rest-reason")).to_have_text("Rest — until the interval ends")
        phone.context.set_offline(False)
        phone.clock.fast_forward(5000)  # the outbox's retry timer
        expect(phone.locator("#sync")).to_have_text("All sets saved", timeout=15000)
        walk = httpx.get(f"{base}/api/v1/sessions/{session}/walk").json()
        assert walk["at"] == "rest:0/r1/b0/s2/m0" and walk["remaining"] <= 27  # not the server's own minute


def test_a_session_moved_on_by_another_device_meanwhile_is_shown_as_the_server_has_it_and_the_set_listed(
    tmp_path, phone
):
    with serving(tmp_path / "r.db") as base:
        phone.goto(base)
        installed(phone)
        phone.get_by_role("button", name="Start", exact=True).click()
        move = phone.locator("#move")
        expect(move).to_have_text("Renegade row")
        session = phone.url.rsplit("/", 1)[1]
        walked_here(phone, session)
        phone.context.set_offline(True)
        phone.get_by_role("button", name="Done").click()  # logged on the phone only
        expect(move).to_have_text("Romanian deadlift")
        for reps in (7, 8):  # meanwhile the same session goes on from another device
            body = {"kind": "set_done", "reps": reps, "weight_kg": 8, "client_id": uuid.uuid4().hex}
            httpx.post(f"{base}/api/v1/sessions/{session}/events", json=body).raise_for_status()

        phone.context.set_offline(False)
        phone.evaluate("Outbox.flush()")
        expect(phone.locator("#notice")).to_contain_text("This session had moved on elsewhere")
        expect(phone.locator("#rest-reason")).to_have_text("Rest — after Superset 1")  # where the server is
        expect(phone.locator("#attention")).to_contain_text(
            "A set (10 reps) was not saved: This session has moved on elsewhere: it is at the rest after "
            "Superset 1 (before Halo), not at Renegade row, round 1 of 3-5"
        )
        assert [s["reps"] for s in stored_once(base, session)["sets"]] == [7, 8]


def test_a_rest_that_ran_out_while_the_phone_was_away_says_how_long_ago_it_ended(tmp_path, phone):
    phone.clock.install()
    with serving(tmp_path / "r.db") as base:
        phone.goto(base)
        # the session page is kept for offline only once the worker controls the page (polled from here:
        # the page's own timers run on the installed clock)
        until(phone, "() => navigator.serviceWorker.controller !== null")
        phone.get_by_role("button", name="Start", exact=True).click()
        move, done = phone.locator("#move"), phone.get_by_role("button", name="Done")
        for name in ("Renegade row", "Romanian deadlift"):
            expect(move).to_have_text(name)
            done.click()
        expect(phone.locator("#rest-reason")).to_have_text("Rest — after Superset 1")
        phone.context.set_offline(True)
        asleep = datetime.fromtimestamp(phone.evaluate("Date.now()") / 1000 + 90 + 75, UTC)
        phone.clock.pause_at(asleep)  # the phone sleeps past the rest's end
        phone.reload()
        expect(move).to_have_text("Halo")
        expect(phone.locator("#notice")).to_have_text(re.compile(r"^Your rest ended 1:1[5-7] ago\.$"))
