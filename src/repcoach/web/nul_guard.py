"""No NUL character gets past the edge: not in an address, a query, a form or a JSON body.

No text a person writes holds one, and PostgreSQL stores none: a NUL in a client id or a session's address
was a 500 on PostgreSQL (and a reset connection after it), where SQLite took it. A request with one is a 422
that names where it is. Files sent as uploads are the importers' to judge (repcoach.io), and they refuse
NULs with their own messages.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from repcoach.errors import InvalidInput
from repcoach.sourcemap import SourceMap
from repcoach.validation import NUL_MESSAGE as MESSAGE
from repcoach.validation import without_nul
from repcoach.web.errors import error_body


class NulGuard:
    """ASGI middleware: a request with a NUL in its path, query, form or JSON body is answered 422."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"]:
            await _refusal([{"field": "path", "message": MESSAGE}])(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if b"%00" in query.lower() and (found := _in_pairs(query.decode("latin-1"), "query")):
            await _refusal(found)(scope, receive, send)
            return
        kind = Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
        if kind not in ("application/json", "application/x-www-form-urlencoded"):
            await self.app(scope, receive, send)
            return
        messages, body = await _whole_body(receive)
        found = _in_json(body) if kind == "application/json" else _in_form(body)
        if found:
            await _refusal(found)(scope, receive, send)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


async def _whole_body(receive: Receive) -> tuple[list[Message], bytes]:
    """The request's body messages, as they came, and the body they make."""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break
    return messages, b"".join(message.get("body", b"") for message in messages)


def _in_json(body: bytes) -> list[dict[str, Any]]:
    """Where the JSON body holds a NUL; the quick look (its escape in the bytes) reads the body only on a hit."""
    if b"\\u0000" not in body:
        return []
    try:
        without_nul(json.loads(body), "body", SourceMap({}), keys=False)  # a field no body has is ignored
    except InvalidInput as refused:
        return [{"field": problem.field, "message": problem.message} for problem in refused.problems]
    except (ValueError, RecursionError):
        return []  # not JSON at all: the app says so
    return []


def _in_form(body: bytes) -> list[dict[str, Any]]:
    if b"%00" not in body.lower():
        return []
    return _in_pairs(body.decode("latin-1"), "form")


def _in_pairs(text: str, where: str) -> list[dict[str, Any]]:
    return [
        {"field": f"{where}.{name}", "message": MESSAGE}
        for name, value in parse_qsl(text, keep_blank_values=True)
        if "\x00" in name or "\x00" in value
    ]


def _refusal(problems: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse(error_body("invalid_input", f"{problems[0]['field']}: {MESSAGE}", problems), status_code=422)
