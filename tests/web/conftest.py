"""An API client on a fresh database, SQLite and PostgreSQL in turn."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from repcoach.web import create_app

PROFILE = {"units": "kg", "experience": "beginner", "bells_kg": [8, 12, 16]}


@pytest.fixture
def api(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url)) as client:
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
