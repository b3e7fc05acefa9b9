"""An API client on a fresh database, SQLite and PostgreSQL in turn."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

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
