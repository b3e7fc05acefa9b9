"""What the OpenAPI schema says of the API's errors: each status a route can answer, with the one error shape.

Statuses that any route of ``/api/`` can answer (a refused Host, a cross-site write, no sign-in on a
multi-user server, a body or query that does not fit, the database out of reach) are added to every
operation by :func:`document_common_errors`; a route names its own (404, 409, 429) with
``responses=errors(...)``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel


class ProblemView(BaseModel):
    field: str | None
    message: str


class ErrorDetail(BaseModel):
    type: str
    message: str
    problems: list[ProblemView]
    """What was wrong with which field (for 422)."""


class ErrorView(BaseModel):
    """Every error answer: ``{"error": {"type", "message", "problems"}}``."""

    error: ErrorDetail


MEANINGS = {
    400: "This server does not answer to that Host name.",
    401: "Sign in first (a multi-user server), or the name or password is wrong.",
    403: "A write that came from another site.",
    404: "There is no such thing (or it is another user's), or no accounts on a single-user server.",
    409: "It does not fit the state things are in: no profile yet, a session still open or finished, a name taken.",
    422: "A field is missing, of the wrong type or out of its range: the problems name it.",
    429: "Too many sign-in attempts; Retry-After says how long to wait.",
    503: "The database cannot be reached.",
}
OPEN_TO_ALL = {("post", "/api/v1/account"), ("post", "/api/v1/login"), ("post", "/api/v1/logout")}
"""Operations that need no sign-in."""


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route that can answer ``statuses`` too."""
    return {status: {"model": ErrorView, "description": MEANINGS[status]} for status in statuses}


def document_common_errors(app: FastAPI) -> None:
    """Make the app's OpenAPI schema name, for every API operation, the statuses every one of them can answer."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        reference = {"$ref": "#/components/schemas/ErrorView"}
        shapes = schema.setdefault("components", {}).setdefault("schemas", {})
        if "ErrorView" not in shapes:  # no route named an error of its own
            shape = ErrorView.model_json_schema(ref_template="#/components/schemas/{model}")
            shapes.update(shape.pop("$defs"))
            shapes["ErrorView"] = shape
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                common = [400, 503]
                common += [] if (method, path) in OPEN_TO_ALL else [401]
                common += [] if method == "get" else [403]
                common += [422] if "422" in operation["responses"] or operation.get("requestBody") else []
                for status in common:
                    content = {"application/json": {"schema": reference}}
                    operation["responses"][str(status)] = {"description": MEANINGS[status], "content": content}
        _no_nul_in_texts(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


NO_NUL = "^[^\\u0000]*$"
"""The pattern of a text with no NUL character, which no request may hold (web/nul_guard.py)."""


def _no_nul_in_texts(schema: dict[str, Any]) -> None:
    """State the edge's rule in the schema: every text of a request (body, path, query) that has no form of its
    own holds no NUL character."""
    waiting: list[Any] = [schema]
    while waiting:
        node = waiting.pop()
        if isinstance(node, dict):
            plain = node.get("type") == "string" and not {"pattern", "enum", "const"} & node.keys()
            if plain:
                node["pattern"] = NO_NUL
            waiting += node.values()
        elif isinstance(node, list):
            waiting += node
