"""The one error path of the web app: every failure is JSON ``{"error": {...}}`` with a fitting status.

Pages a browser navigates to get the same error as an HTML page (or, when a sign-in is needed,
a redirect to the login page).

Shape: ``{"error": {"type": "invalid_input", "message": "...", "problems": [{"field": ..., "message": ...}]}}``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from repcoach.errors import (
    Collision,
    InvalidInput,
    NameTaken,
    Problem,
    RepcoachError,
    SessionOpen,
    StoreError,
    UnknownName,
)
from repcoach.service.accounts import SignInFailed
from repcoach.session import EngineError
from repcoach.validation import field_name, sentence
from repcoach.web.templating import templates


class Conflict(RepcoachError):
    """The request does not fit the state things are in (no profile yet, a session still open, ...)."""


class Forbidden(RepcoachError):
    """The request is refused whoever sends it (a forged form)."""


class SignInRequired(RepcoachError):
    """The server has accounts and the request carries no valid login."""


class TooManyAttempts(RepcoachError):
    """Sign-in attempts are being throttled."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


_STATUS: list[tuple[type[RepcoachError], int, str]] = [
    (InvalidInput, 422, "invalid_input"),
    (UnknownName, 404, "not_found"),
    (EngineError, 409, "not_now"),
    (StoreError, 503, "store_unavailable"),
    (Conflict, 409, "conflict"),
    (NameTaken, 409, "name_taken"),
    (SessionOpen, 409, "conflict"),
    (Collision, 409, "collision"),
    (Forbidden, 403, "forbidden"),
    (SignInRequired, 401, "sign_in_required"),
    (SignInFailed, 401, "sign_in_failed"),
    (TooManyAttempts, 429, "too_many_attempts"),
]


def error_body(kind: str, message: str, problems: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"error": {"type": kind, "message": message, "problems": problems or []}}


def _respond(request: Request, status: int, body: dict[str, Any]) -> Response:
    """The error as JSON, or as a page when a browser navigated to a page (not the API)."""
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(body, status_code=status)
    if status == 401:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return templates.TemplateResponse(request, "error.html", {"error": body["error"]}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Route domain errors, request validation and HTTP errors through the one shape."""

    @app.exception_handler(RepcoachError)
    async def domain_error(request: Request, error: RepcoachError) -> Response:
        for kind, status, name in _STATUS:
            if isinstance(error, kind):
                problems = (
                    [{"field": p.field, "message": p.message} for p in error.problems]
                    if isinstance(error, InvalidInput)
                    else None
                )
                response = _respond(request, status, error_body(name, str(error), problems))
                if isinstance(error, TooManyAttempts):
                    response.headers["Retry-After"] = str(error.retry_after)
                return response
        return _respond(request, 400, error_body("error", str(error)))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        problems = [
            Problem(
                sentence(detail), field=field_name([part for part in detail["loc"] if part not in ("body", "query")])
            )
            for detail in error.errors()
        ]
        return await domain_error(request, InvalidInput(problems))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        kind = "not_found" if error.status_code == 404 else "http_error"
        return _respond(request, error.status_code, error_body(kind, str(error.detail)))
