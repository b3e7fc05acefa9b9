"""An API client on a fresh database, SQLite and PostgreSQL in turn; a phone-sized Chromium on a served app."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from playwright.sync_api import Browser, Page, sync_playwright

from repcoach.web import create_app

PROFILE = {"units": "kg", "experience": "beginner", "bells_kg": [8, 12, 16]}
LOCAL = "http://localhost"
"""Where a single-user app is reached: it answers only to loopback names (web/edge.py)."""


@pytest.fixture
def api(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url), base_url=LOCAL) as client:
        yield client


@pytest.fixture
def ready(api: TestClient) -> TestClient:
    """A client whose profile is set."""
    assert api.put("/api/v1/profile", json=PROFILE).status_code == 200
    return api


def visible(response: Response) -> str:
    """A page's text as a reader sees it: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def csrf_token(client: TestClient, page: str = "/") -> str:
    """The form token a page hands the browser (the client keeps the matching cookie)."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(page).text)
    assert found, f"{page} has no form token"
    return found.group(1)


def submit(client: TestClient, action: str, fields: dict[str, str] | None = None, page: str = "/") -> Response:
    """Post a form as a browser does after opening ``page``: with its token, not following the redirect."""
    data = {"csrf_token": csrf_token(client, page), **(fields or {})}
    return client.post(action, data=data, follow_redirects=False)


@pytest.fixture
def form() -> Callable[..., Response]:
    """:func:`submit`, for tests that post HTML forms."""
    return submit


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from tests.web.browsing import launch_chromium

    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page at a phone's size (390×844) in a fresh context: no service worker, cache or stored data yet."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The web app on this test's own SQLite file, in a thread on a loopback port."""
    from tests.web.browsing import serving

    with serving(tmp_path / "r.db") as base:
        yield base


@pytest.fixture
def quick_server(tmp_path: Path) -> Iterator[str]:
    """The web app offering the quick-test plans too, whose 2-3 s rests a test can wait out."""
    from tests.web.browsing import QUICK, QUICK_AMRAP, QUICK_HOLD_AND_RUN, serving

    with serving(tmp_path / "r.db", [QUICK, QUICK_AMRAP, QUICK_HOLD_AND_RUN]) as base:
        yield base
