"""The app with no network, in Chromium at a phone's size: what the service worker keeps and serves."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tests.web.browsing import serving

from repcoach.web.routers import app_shell

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CACHES = "async () => (await caches.keys()).sort()"


def until(phone: Page, check: str, seconds: float = 10) -> None:
    """Wait for an async check in the page to hold (wait_for_function does not await a promise)."""
    deadline = time.monotonic() + seconds
    while not phone.evaluate(check):
        assert time.monotonic() < deadline, f"never held: {check}"
        time.sleep(0.1)


def installed(phone: Page) -> None:
    """Wait until the service worker runs and controls the page."""
    phone.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null")


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
