"""The web app as ``repcoach serve`` builds it, in its own process or in each of several (``--workers N``).

Several processes cannot be handed a built app: each builds its own, from the settings the command put
in the environment (:data:`SETTINGS_VARIABLE`). No process holds what another needs (web/live_sessions.py,
service/login_throttle.py), so any of them may answer any request.
"""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fastapi import FastAPI

from repcoach.web.app import create_app

SETTINGS_VARIABLE = "REPCOACH_SERVE_SETTINGS"
FACTORY = "repcoach.web.workers:app_from_environment"
"""What each worker process imports and calls (uvicorn's ``factory``)."""


@dataclass(frozen=True)
class AppSettings:
    """What :func:`~repcoach.web.app.create_app` is given, as text that crosses a process boundary."""

    database_url: str
    accounts: bool = False
    plan_files: tuple[str, ...] = ()
    plans_dir: str | None = None
    allowed_hosts: tuple[str, ...] = field(default=())

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> AppSettings:
        data = json.loads(text)
        return cls(**{**data, "plan_files": tuple(data["plan_files"]), "allowed_hosts": tuple(data["allowed_hosts"])})


def build(settings: AppSettings) -> FastAPI:
    """The app for these settings, with what is loaded by now frozen out of the garbage collector's walks.

    Raises:
        InvalidInput: a plan file is not a valid plan.
    """
    app = create_app(
        settings.database_url,
        accounts=settings.accounts,
        plan_files=[Path(path) for path in settings.plan_files],
        plans_dir=Path(settings.plans_dir) if settings.plans_dir else None,
        allowed_hosts=settings.allowed_hosts,
    )
    # What is loaded by now lives as long as the server: frozen, the collector stops walking it. A full
    # collection of it took about 90 ms, a stall for every request in flight.
    gc.collect()
    gc.freeze()
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process, from the settings ``repcoach serve`` left in the environment."""
    return build(AppSettings.from_json(os.environ[SETTINGS_VARIABLE]))
