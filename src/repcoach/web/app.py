"""The app factory: settings come in as arguments, so tests choose SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from repcoach import __version__
from repcoach.store import open_store
from repcoach.web.errors import install_error_handlers
from repcoach.web.routers import pages, plans, profile, sessions


def create_app(database_url: str) -> FastAPI:
    """The repcoach web app on the database at ``database_url`` (opened and migrated at start-up).

    Raises:
        StoreError: at start-up, when the database cannot be used.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with open_store(database_url) as store:
            app.state.store = store
            yield

    app = FastAPI(title="repcoach", version=__version__, lifespan=lifespan)
    install_error_handlers(app)
    for router in (plans.router, profile.router, sessions.router):
        app.include_router(router, prefix="/api/v1")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    return app
