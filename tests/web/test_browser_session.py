"""The session page in a real browser: Debian's Chromium at phone size, through Playwright."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright
from tests.web.conftest import PROFILE

from repcoach.web import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
OUTPUT = Path(__file__).parents[2] / "test-output"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not shutil.which("chromium"):
        message = "BROWSER TESTS SKIPPED: Debian's chromium is not installed (scripts/ensure-chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The web app on a free loopback port, in a thread, on this test's own SQLite file."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app_server = uvicorn.Server(
        uvicorn.Config(create_app(f"sqlite:///{tmp_path / 'r.db'}"), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not app_server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    httpx.put(f"{base}/api/v1/profile", json=PROFILE).raise_for_status()
    yield base
    app_server.should_exit = True
    thread.join(10)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def sets_logged(base: str, session: str) -> int:
    return int(httpx.get(f"{base}/api/v1/sessions/{session}").json()["sets_logged"])


def test_a_session_runs_on_a_phone_survives_a_reload_and_syncs_an_offline_set_once(server, phone):
    phone.goto(server)
    phone.get_by_role("button", name="Start").click()
    move = phone.locator("#move")
    expect(move).to_have_text("Renegade row")
    session = phone.url.rsplit("/", 1)[1]
    OUTPUT.mkdir(exist_ok=True)
    phone.screenshot(path=str(OUTPUT / "session-work-390x844.png"))

    phone.get_by_role("button", name="Done").click()
    expect(move).to_have_text("Romanian deadlift")
    phone.get_by_role("button", name="Done").click()
    expect(phone.locator("#rest")).to_be_visible()
    expect(phone.locator("#countdown")).to_have_text(re.compile(r"^1:[23]\d$"))  # 90 s, counting down
    phone.screenshot(path=str(OUTPUT / "session-rest-390x844.png"))
    phone.get_by_role("button", name="Start now").click()
    expect(move).to_have_text("Halo")

    phone.reload()
    expect(move).to_have_text("Halo")  # resumed at the exact step

    phone.context.set_offline(True)
    phone.get_by_role("button", name="Done").click()
    expect(phone.locator("#sync")).to_contain_text("Offline: 1 set(s) saved on this phone")
    assert sets_logged(server, session) == 2
    phone.context.set_offline(False)
    expect(move).to_have_text("Single-arm row — left", timeout=10000)
    assert sets_logged(server, session) == 3  # sent once, when the network came back
