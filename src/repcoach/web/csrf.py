"""Cross-site request forgery defences, in two layers.

1. Every state-changing request that a browser marks as coming from another site (``Sec-Fetch-Site``,
   or failing that an ``Origin`` that is not this server) is refused before it reaches a router.
2. HTML forms carry a token that must equal a cookie only this site can set (double submit): the
   middleware gives each browser a random token cookie (HttpOnly, SameSite=Strict) with the first page
   it opens and puts the same token in ``request.state.csrf_token`` for the templates;
   :func:`check_csrf` compares them.

The JSON API needs no token: FastAPI reads a body only when it is declared ``application/json``, which
a page on another site cannot send here without a CORS preflight this server never grants.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Form, Request
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from repcoach.web.errors import Forbidden, error_body

CSRF_COOKIE = "repcoach_csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
NO_FORMS = ("/api/", "/static/", "/sw.js", "/manifest.webmanifest", "/favicon.ico", "/apple-touch-icon.png")
"""Paths that never serve a form, so never hand out the form token's cookie."""
_TOKEN_LENGTH = 43
"""Length of ``secrets.token_urlsafe(32)``."""


def check_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """A dependency for HTML form handlers: the form's token must match the browser's cookie.

    Raises:
        Forbidden: the token is missing or wrong (a forged form, or a page kept open past a cookie reset).
    """
    expected = request.cookies.get(CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected.encode(), csrf_token.encode()):
        raise Forbidden("This form has expired or did not come from repcoach: reload the page and send it again.")


class CsrfGuard:
    """ASGI middleware: refuses cross-site writes and hands each browser its form token."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if request.method not in SAFE_METHODS and _cross_site(request):
            refusal = JSONResponse(error_body("forbidden", "Cross-site requests are refused."), status_code=403)
            await refusal(scope, receive, send)
            return
        # Only pages hold forms: the API and static files need no token, and a set logged is not a
        # response to hand a cookie with.
        if scope["path"].startswith(NO_FORMS):
            await self.app(scope, receive, send)
            return
        token = request.cookies.get(CSRF_COOKIE, "")
        fresh = len(token) != _TOKEN_LENGTH
        if fresh:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_token"] = token
        if not fresh:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                if request.url.scheme == "https":
                    cookie += "; Secure"
                MutableHeaders(scope=message).append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _cross_site(request: Request) -> bool:
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}"
