"""Running ``repcoach`` commands in-process at a fixed width, as a user's terminal would show them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from repcoach.cli import app

Invoke = Callable[..., Result]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A fresh SQLite file for one test."""
    return tmp_path / "repcoach.db"


@pytest.fixture
def repcoach(db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """``repcoach(*args, input=...)`` runs the command on this test's own database, 100 columns wide."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("REPCOACH_DATABASE_URL", f"sqlite:///{db_file}")
    monkeypatch.delenv("REPCOACH_TIME_SCALE", raising=False)
    monkeypatch.setenv("REPCOACH_PLANS_DIR", str(db_file.parent / "plans"))

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke
