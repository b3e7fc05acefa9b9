"""``repcoach serve``: the web app and its JSON API."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console

from repcoach.cli.app import app
from repcoach.io.user_plans import user_plans_dir
from repcoach.store import default_database_url, open_store
from repcoach.web.workers import FACTORY, SETTINGS_VARIABLE, AppSettings, build


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; any but loopback requires accounts.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    multi_user: Annotated[
        bool, typer.Option("--multi-user", help="Require accounts (registration and sign-in), one log each.")
    ] = False,
    plan_files: Annotated[
        list[Path] | None, typer.Option("--plan", help="A plan file of your own to offer too (repeatable).")
    ] = None,
    access_log: Annotated[
        bool, typer.Option("--access-log/--no-access-log", help="Print a line for every request answered.")
    ] = False,
    allowed_hosts: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A name the server is reached by besides localhost (repeatable); without accounts, only these "
            "and localhost, 127.0.0.1 and [::1] are answered.",
        ),
    ] = None,
    behind_proxy: Annotated[
        str | None,
        typer.Option(
            "--behind-proxy",
            metavar="ADDRESSES",
            help="Served through a proxy at these addresses (comma-separated, or '*'): trust its X-Forwarded-* "
            "headers, so that behind HTTPS cookies are Secure and HSTS is sent.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes answering on the port (any answers any request); for many users on PostgreSQL.",
        ),
    ] = 1,
) -> None:
    """Serve the phone pages and the JSON API (/api/v1, documented at /docs).

    On 127.0.0.1 it is a single-user app with no login, offering the plans import-text made too.
    On any other address, or with --multi-user, everyone registers and signs in and sees only
    their own training.
    """
    accounts = multi_user or not is_loopback(host)
    if accounts:
        shown = f"[{host}]" if ":" in host else host
        Console().print(f"Accounts are on: create one at http://{shown}:{port}/register, then sign in.", soft_wrap=True)
    # Plans made by import-text are this machine's user's: offered only when the app has no accounts.
    saved = [] if accounts else sorted(user_plans_dir().glob("*.toml"))
    settings = AppSettings(
        ctx.obj.db_url or default_database_url(),
        accounts=accounts,
        plan_files=tuple(str(path) for path in [*(plan_files or ()), *saved]),
        plans_dir=None if accounts else str(user_plans_dir()),
        allowed_hosts=tuple(allowed_hosts or ()),
    )
    # Built here whatever the number of processes, so a bad plan file is said once, before any starts. Several
    # processes find the schema migrated here, by one process, not raced by all of them at start-up.
    app_ = build(settings)
    if workers > 1:
        open_store(settings.database_url).close()
        os.environ[SETTINGS_VARIABLE] = settings.to_json()
    # Without --access-log only start-up, errors and warnings are printed: a line per request is noise for
    # one person's taps, and with it the API benchmark's sets missed their latency target more often.
    # X-Forwarded-* are believed only from a proxy named with --behind-proxy (uvicorn trusts 127.0.0.1 by default).
    uvicorn.run(
        app_ if workers == 1 else FACTORY,
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
        proxy_headers=behind_proxy is not None,
        forwarded_allow_ips=behind_proxy or "",
    )
