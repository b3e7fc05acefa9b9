"""``repcoach serve``: the web app and its JSON API on this machine."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer
import uvicorn

from repcoach.cli.app import app
from repcoach.errors import InvalidInput, Problem
from repcoach.store import default_database_url
from repcoach.web import create_app


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
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the JSON API (/api/v1, documented at /docs) for this machine only."""
    if not is_loopback(host):
        raise InvalidInput(
            [
                Problem(
                    f"'{host}' would open your training log to the network, and accounts (logins) are not built yet; "
                    "serve on 127.0.0.1",
                    field="--host",
                )
            ]
        )
    uvicorn.run(create_app(ctx.obj.db_url or default_database_url()), host=host, port=port, log_level="info")
