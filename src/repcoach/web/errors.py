"""The one error path of the web app: every failure is JSON ``{"error": {...}}`` with a fitting status.

Shape: ``{"error": {"type": "invalid_input", "message": "...", "problems": [{"field": ..., "message": ...}]}}``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from repcoach.errors import InvalidInput, Problem, RepcoachError, StoreError, UnknownName
from repcoach.session import EngineError
from repcoach.validation import field_name, sentence


class Conflict(RepcoachError):
    """The request does not fit the state things are in (no profile yet, a session still open, ...)."""


_STATUS: list[tuple[type[RepcoachError], int, str]] = [
    (InvalidInput, 422, "invalid_input"),
    (UnknownName, 404, "not_found"),
    (EngineError, 409, "not_now"),
    (StoreError, 503, "store_unavailable"),
    (Conflict, 409, "conflict"),
]


def error_body(kind: str, message: str, problems: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"error": {"type": kind, "message": message, "problems": problems or []}}


def install_error_handlers(app: FastAPI) -> None:
    """Route domain errors, request validation and HTTP errors through the one shape."""

    @app.exception_handler(RepcoachError)
    async def domain_error(_request: Request, error: RepcoachError) -> JSONResponse:
        for kind, status, name in _STATUS:
            if isinstance(error, kind):
                problems = (
                    [{"field": p.field, "message": p.message} for p in error.problems]
                    if isinstance(error, InvalidInput)
                    else None
                )
                return JSONResponse(error_body(name, str(error), problems), status_code=status)
        return JSONResponse(error_body("error", str(error)), status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [
            Problem(sentence(detail), field=field_name([part for part in detail["loc"] if part != "body"]))
            for detail in error.errors()
        ]
        return await domain_error(request, InvalidInput(problems))

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        kind = "not_found" if error.status_code == 404 else "http_error"
        return JSONResponse(error_body(kind, str(error.detail)), status_code=error.status_code)
