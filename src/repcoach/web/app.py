"""The app factory: settings come in as arguments, so tests choose SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from repcoach import __version__
from repcoach.plan.builtins import builtin_shelf
from repcoach.service.login_throttle import LoginThrottle
from repcoach.store import open_store
from repcoach.web.csrf import CsrfGuard
from repcoach.web.edge import LOOPBACK_HOSTS, Edge
from repcoach.web.error_docs import document_common_errors
from repcoach.web.errors import install_error_handlers
from repcoach.web.live_sessions import LiveSessions
from repcoach.web.nul_guard import NulGuard
from repcoach.web.pending_imports import PendingImports
from repcoach.web.routers import (
    account_pages,
    app_shell,
    coaching,
    history,
    history_io,
    pages,
    plan_pages,
    plans,
    profile,
    sessions,
    settings,
)
from repcoach.web.routers import accounts as accounts_api

GZIP_FROM_BYTES = 2048
"""Responses from this size on are compressed (a set's answer is about 1.5 kB)."""


def create_app(
    database_url: str,
    *,
    accounts: bool = False,
    plan_files: Sequence[Path] = (),
    plans_dir: Path | None = None,
    allowed_hosts: Sequence[str] = (),
) -> FastAPI:
    """The repcoach web app on the database at ``database_url`` (opened and migrated at start-up).

    Args:
        database_url: SQLite or PostgreSQL, as SQLAlchemy URL.
        accounts: require registration and sign-in, each account seeing only its own data; without
            them the app serves one user with no login (fit only for this machine).
        plan_files: the user's own plan files, offered beside the built-in plans.
        plans_dir: where plans made from articles on the plans page are kept (None: not kept).
        allowed_hosts: Host names answered besides loopback's (without accounts only those are
            answered; with accounts any, unless some are given here).

    Raises:
        InvalidInput: a plan file is not a valid plan.
        StoreError: at start-up, when the database cannot be used.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with open_store(database_url) as store:
            app.state.store = store
            yield

    app = FastAPI(title="repcoach", version=__version__, lifespan=lifespan)
    app.state.accounts = accounts
    app.state.plans = builtin_shelf().with_files(plan_files)
    app.state.login_throttle = LoginThrottle()
    app.state.pending_imports = PendingImports()
    app.state.live_sessions = LiveSessions()
    app.state.plans_dir = plans_dir
    app.add_middleware(CsrfGuard)
    app.add_middleware(NulGuard)
    # Pages, scripts and a session's walk go compressed to a phone on a weak signal; the small answers
    # to each logged set stay as they are, which costs less than compressing them.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM_BYTES)
    hosts = None if accounts and not allowed_hosts else [*(() if accounts else LOOPBACK_HOSTS), *allowed_hosts]
    app.add_middleware(Edge, allowed_hosts=hosts)  # the outermost: a request for another host goes no further
    install_error_handlers(app)
    document_common_errors(app)
    for router in (accounts_api.router, coaching.router, plans.router, profile.router, sessions.router):
        app.include_router(router, prefix="/api/v1")
    page_routers = (app_shell, pages, account_pages, settings, history, history_io, plan_pages)
    for page_router in (module.router for module in page_routers):
        app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    return app
