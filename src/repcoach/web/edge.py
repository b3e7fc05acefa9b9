"""The app's edge: which Host names it answers to, and the security headers on every response.

A single-user app on this machine has no login, so any page the browser opens could otherwise read
and write the log through DNS rebinding (``evil.example`` resolving to 127.0.0.1): such a request
still names ``evil.example`` as its Host, so only loopback names (and those given with
``--allowed-host``) are answered. Every response says that scripts and styles come from this server
only, that it is never framed, that types are not sniffed, and how much of its address to pass on;
served over HTTPS, that it is to be reached over HTTPS only (HSTS).
"""

from __future__ import annotations

import json
from collections.abc import Collection

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from repcoach.web.errors import error_body

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
"""The names this machine answers to, as a Host header writes them."""

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
"""The Content-Security-Policy of the app's own pages and files."""

API_DOCS = ("/docs", "/redoc")
"""FastAPI's interactive API docs load their scripts from a CDN: they get no policy, the rest still applies."""

HSTS = "max-age=31536000"
"""Over HTTPS (behind a proxy that says so, see ``repcoach serve --behind-proxy``): a year of HTTPS only."""

HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def host_name(host: str) -> str:
    """The name in a Host header, without its port: ``127.0.0.1:8000`` -> ``127.0.0.1``, ``[::1]:80`` -> ``[::1]``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0].rstrip(".") if host.count(":") <= 1 else host


class Edge:
    """ASGI middleware: refuses a Host it does not answer to (400), and adds the security headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: Collection[str] | None) -> None:
        """``allowed_hosts``: the Host names answered (without ports), or None for any."""
        self.app = app
        self.allowed = None if allowed_hosts is None else {host_name(host) for host in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None and host_name(Headers(scope=scope).get("host", "")) not in self.allowed:
            await _refuse_host(send)
            return
        documented = scope["path"].startswith(API_DOCS)

        secure = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if not documented:
                    headers.setdefault("content-security-policy", POLICY)
                if secure:
                    headers.setdefault("strict-transport-security", HSTS)
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse_host(send: Send) -> None:
    message = (
        "This server answers only to its own names (localhost, 127.0.0.1, [::1] or one given with --allowed-host)."
    )
    body = json.dumps(error_body("bad_host", message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
