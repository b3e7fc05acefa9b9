"""The session page in a real browser: Debian's Chromium at phone size, through Playwright."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect
from tests.web.browsing import OUTPUT, RECORD_CUES, sets_logged

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_session_runs_on_a_phone_survives_a_reload_and_goes_on_offline_sending_the_set_once(server, phone):
    phone.goto(server)
    phone.get_by_role("button", name="Start", exact=True).click()
    move = phone.locator("#move")
    expect(move).to_have_text("Renegade row")
    session = phone.url.rsplit("/", 1)[1]
    OUTPUT.mkdir(exist_ok=True)
    phone.screenshot(path=str(OUTPUT / "session-work-390x844.png"))
    expect(phone.locator("#rir-target")).to_have_text(
        "Stop with 0-2 reps in reserve (RIR: the reps you could still have done)."
    )
    expect(phone.locator("#sound-off")).to_contain_text("Sound is off")
    for control in ("Done", "Undo", "Skip", "Sound on"):  # all in reach at 390×844, no scrolling
        box = phone.get_by_role("button", name=control, exact=True).bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, control

    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Romanian deadlift")
    phone.get_by_role("button", name="Done").click()
    expect(phone.locator("#rest")).to_be_visible()
    expect(phone.locator("#countdown")).to_have_text(re.compile(r"^1:[23]\d$"))  # 90 s, counting down
    phone.screenshot(path=str(OUTPUT / "session-rest-390x844.png"))
    phone.get_by_role("button", name="Start now").click()
    expect(move).to_have_text("Halo")

    phone.get_by_role("button", name="Sound on").click()
    expect(phone.locator("#sound-off")).to_be_hidden()
    phone.reload()
    expect(move).to_have_text("Halo")  # resumed at the exact step
    # a browser starts sound only from a tap: after a reload it is off again, and the page says so
    expect(phone.locator("#sound-off")).to_contain_text("Sound is off: tap “Sound on”")
    expect(phone.get_by_role("button", name="Sound on")).to_be_visible()

    phone.context.set_offline(True)
    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Single-arm row — left")  # the phone goes on by itself
    expect(phone.locator("#sync")).to_have_text("1 set on this phone only")
    assert sets_logged(server, session) == 2
    phone.context.set_offline(False)
    expect(phone.locator("#sync")).to_have_text("All sets saved", timeout=10000)
    assert sets_logged(server, session) == 3  # sent once, when the network came back


def test_spoken_cues_name_each_move_and_rest_once_and_the_end_of_a_rest(quick_server, phone):
    phone.add_init_script(RECORD_CUES)
    phone.goto(quick_server)
    phone.get_by_role("button", name="Start Quick test").click()
    move = phone.locator("#move")
    expect(move).to_have_text("Halo")
    assert phone.evaluate("window.spoken") == []  # silent until the user turns sound on

    phone.get_by_role("button", name="Sound on").click()
    expect(phone.locator("#sound")).to_have_text("Sound ✓")
    assert phone.evaluate("window.spoken") == ["Halo. 6-8 reps."]  # the move on screen, at once
    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Goblet squat")
    phone.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # back to the tab: no repeat
    phone.get_by_role("button", name="Done").click()
    phone.get_by_role("button", name="Another round").click()
    expect(phone.locator("#rest")).to_be_visible()  # the 3 s rest after a round
    expect(move).to_have_text("Halo", timeout=10000)  # no tap: the rest ran out
    assert phone.evaluate("window.vibrations") == [[250, 120, 250]]  # felt, at the end of the rest
    assert phone.evaluate("window.spoken") == [
        "Halo. 6-8 reps.",
        "Goblet squat. 8-10 reps.",
        "Rest 3 seconds. Next: Halo.",
        "Halo. 6-8 reps.",
    ]


def test_a_whole_session_runs_to_the_end_with_steppers_a_pause_and_a_second_round(quick_server, phone):
    phone.goto(quick_server)
    phone.get_by_role("button", name="Start Quick test").click()
    session = phone.url.rsplit("/", 1)[1]
    move = phone.locator("#move")
    expect(move).to_have_text("Halo")
    expect(phone.locator("#round")).to_have_text("Round 1 of 1-2")
    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Goblet squat")
    for _ in range(3):
        phone.locator('[data-step="amount:-1"]').click()
    phone.locator('[data-step="rir:1"]').click()
    expect(phone.locator("#amount")).to_have_text("7")
    phone.get_by_role("button", name="Done").click()

    expect(phone.locator("#choice-title")).to_have_text("Round 1 of 1-2 done")
    phone.get_by_role("button", name="Another round").click()
    countdown = phone.locator("#countdown")
    expect(countdown).to_be_visible()
    phone.get_by_role("button", name="Pause").click()
    expect(countdown).to_contain_text("⏸")
    frozen = countdown.inner_text()
    phone.wait_for_timeout(3500)  # longer than the whole rest: a paused rest does not run out
    expect(countdown).to_have_text(frozen)
    phone.get_by_role("button", name="Resume").click()
    expect(move).to_have_text("Halo", timeout=10000)
    expect(phone.locator("#round")).to_have_text("Round 2 of 1-2")
    phone.get_by_role("button", name="Done").click()
    phone.get_by_role("button", name="Done").click()

    expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
    # no profile, so no bells: no volume either
    expect(phone.locator("#report-line")).to_have_text(re.compile(r"^2 rounds · 4 sets · \d+ min$"))
    expect(phone.locator("#report-done li")).to_have_text(["Halo: 8, 8", "Goblet squat: 7, 10"])
    expect(phone.locator("#report-first")).to_be_visible()
    phone.screenshot(path=str(OUTPUT / "session-finished-390x844.png"))
    [finished] = httpx.get(f"{quick_server}/api/v1/sessions").json()
    assert finished["id"] == session and finished["finished_at"] is not None
    assert [(s["exercise_id"], s["round"], s["reps"], s["rir"]) for s in finished["sets"]] == [
        ("halo", 1, 8, 2),
        ("goblet-squat", 1, 7, 3),
        ("halo", 2, 8, 2),
        ("goblet-squat", 2, 10, 2),
    ]


def test_a_hold_is_logged_in_seconds_and_a_run_in_metres(quick_server, phone):
    phone.goto(quick_server)
    phone.get_by_role("button", name="Start Quick hold and run").click()
    session = phone.url.rsplit("/", 1)[1]
    # one tap of the stepper is 5 s of a hold, 50 m of a run
    for move, target, measure, tap, logged in (
        ("Plank", "30 s", "Seconds", 1, "35"),
        ("Run", "400 m", "Metres", -1, "350"),
    ):
        expect(phone.locator("#move")).to_have_text(move)
        expect(phone.locator("#target")).to_have_text(target)
        expect(phone.locator("#measure")).to_have_text(measure)
        phone.locator(f'[data-step="amount:{tap}"]').click()
        expect(phone.locator("#amount")).to_have_text(logged)
        phone.get_by_role("button", name="Done").click()
    expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
    expect(phone.locator("#report-done li")).to_have_text(["Plank: 35 s", "Run: 350 m"])
    [finished] = httpx.get(f"{quick_server}/api/v1/sessions").json()
    assert finished["id"] == session
    assert [(s["exercise_id"], s["reps"], s["hold_seconds"], s["distance_m"]) for s in finished["sets"]] == [
        ("plank", None, 35, None),
        ("run", None, None, 350.0),
    ]


def test_the_next_session_s_summary_says_what_changed_against_the_last(quick_server, phone):
    for rounds in (2, 1):
        phone.goto(quick_server)
        phone.get_by_role("button", name="Start Quick test").click()
        for round_number in range(1, rounds + 1):
            for name in ("Halo", "Goblet squat"):
                expect(phone.locator("#move")).to_have_text(name, timeout=10000)
                phone.get_by_role("button", name="Done").click()
            if round_number < rounds:
                phone.get_by_role("button", name="Another round").click()
        if rounds == 1:  # after round 2 of 1-2 it ends by itself
            phone.get_by_role("button", name="Finish").click()
        expect(phone.get_by_role("heading", name="Session complete")).to_be_visible()
    expect(phone.locator("#report-line")).to_have_text(re.compile(r"^1 round · 2 sets · "))
    expect(phone.locator("#report-first")).to_be_hidden()
    expect(phone.locator("#report-changes-title")).to_have_text(re.compile(r"^Against last time \(\w{3} \d\d \w{3}\)$"))
    # half the sets of last time (no profile, no bells: no bell changed)
    expect(phone.locator("#report-changes li")).to_have_text(
        ["Halo: −8 reps (8, was 16)", "Goblet squat: −10 reps (10, was 20)"]
    )
    expect(phone.locator("#report-next li")).to_have_count(2)
    expect(phone.locator("#report-when li").first).to_contain_text("Quick test: Allowed")
    OUTPUT.mkdir(exist_ok=True)
    phone.screenshot(path=str(OUTPUT / "session-report-390x844.png"), full_page=True)


def test_an_amrap_counts_its_time_down_goes_round_and_ends_after_the_set_when_time_is_up(quick_server, phone):
    phone.goto(quick_server)
    phone.get_by_role("button", name="Start Quick AMRAP").click()
    move, time_left = phone.locator("#move"), phone.locator("#time-left")
    expect(move).to_have_text("Halo")
    expect(phone.locator("#notes")).to_have_text("slow circles, elbows high")
    expect(time_left).to_have_text(re.compile(r"^0:0[1-6] left$"))
    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Goblet squat")
    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Halo")  # round again while time is left
    expect(time_left).to_have_text("Time is up: log this set, it is the last", timeout=15000)
    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Push-up")
    expect(time_left).to_be_hidden()
