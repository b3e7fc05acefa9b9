"""Turning a user's TOML or YAML file into located problems: one path for plan and catalogue files.

Inner code validates with pydantic; this module parses the text, maps pydantic's errors to the
line and field they came from, and rewords the messages that speak like a programmer.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from repcoach.errors import InvalidInput, Problem
from repcoach.sourcemap import SourceMap

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""The form of an id a person writes, a move's or a plan's: lower-case words joined by hyphens."""

FieldPath = tuple[str | int, ...]

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")


def parse_toml(text: str, source: str) -> tuple[dict[str, Any], SourceMap]:
    """The document and where each field is, or the syntax error with its line."""
    try:
        return tomllib.loads(text), SourceMap.of_toml(text)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        message = _TOML_POSITION.sub("", str(error)).strip()
        line = int(position[1]) if position else None
        raise InvalidInput([Problem(f"not valid TOML: {message}", source=source, line=line)]) from None


def parse_yaml(text: str, source: str) -> tuple[Any, SourceMap]:
    """The document and where each field is, or the syntax error with its line."""
    try:
        return yaml.safe_load(text), SourceMap.of_yaml(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise InvalidInput([Problem(f"not valid YAML: {error.problem}", source=source, line=line)]) from None
    except yaml.YAMLError as error:
        raise InvalidInput([Problem(f"not valid YAML: {error}", source=source)]) from None


NUL_MESSAGE = "holds a NUL character (\\u0000), which no text may hold"


def without_nul(data: Any, source: str, lines: SourceMap, *, keys: bool = True) -> None:
    """Refuse a document with a NUL character in any text: no text a person writes holds one, and PostgreSQL
    stores none (SQLite would, and a backup of it could not be restored on PostgreSQL).

    ``keys``: the names of a mapping's fields are texts too (False: only the values are looked at).

    Raises:
        InvalidInput: each text that holds one, by its field.
    """
    found: list[FieldPath] = []
    waiting: list[tuple[FieldPath, Any]] = [((), data)]
    while waiting:  # by hand, not recursion: a document may be deep
        path, value = waiting.pop()
        if isinstance(value, str) and "\x00" in value:
            found.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                if keys and "\x00" in str(key):
                    found.append((*path, str(key)))
                waiting.append(((*path, str(key)), item))
        elif isinstance(value, list):
            waiting += [((*path, index), item) for index, item in enumerate(value)]
    problems = [Problem(NUL_MESSAGE, source, lines.line_of(path), field_name(path)) for path in found]
    if problems:
        raise InvalidInput(in_file_order(problems))


def located_problems(error: ValidationError, source: str, lines: SourceMap, prefix: FieldPath = ()) -> list[Problem]:
    """Each validation error as a sentence with its line and field, in file order.

    ``prefix`` is where the validated value sits in the document (``("exercise", 3)``).
    """
    problems = []
    for detail in _without_echoes(error.errors()):
        path = (*prefix, *(part for part in detail["loc"] if not str(part).startswith("function-")))
        problems.append(Problem(sentence(detail), source=source, line=lines.line_of(path), field=field_name(path)))
    return in_file_order(problems)


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by line, those without a line first."""
    return sorted(problems, key=lambda problem: problem.line or 0)


def field_name(path: Sequence[str | int]) -> str | None:
    """``("blocks", 0, "moves", 1, "reps")`` → ``blocks[0].moves[1].reps``."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or None


def sentence(detail: ErrorDetails) -> str:
    """Pydantic's message, reworded for a person editing the file."""
    kind, ctx, given = detail["type"], detail.get("ctx", {}), detail.get("input")
    field = next((part for part in reversed(detail["loc"]) if isinstance(part, str)), "")
    match kind:
        case "missing":
            return f"the required field '{field}' is missing"
        case "extra_forbidden":
            return f"'{field}' is not a field here (check its spelling)"
        case "model_type" | "model_attributes_type" | "dict_type":
            return f"expected a table of fields here (got {given!r})"
        case "literal_error":
            return f"{given!r} is not allowed here; use one of {ctx['expected']}"
        case "string_pattern_mismatch" if ctx["pattern"] == ID_PATTERN:
            return f"use lower-case words joined by hyphens, like 'kettlebell-back' (got {given!r})"
        case "string_pattern_mismatch":
            return f"must have the form {ctx['pattern']} (got {given!r})"
        case "string_too_short":
            return "must not be empty"
        case "too_short":
            return f"give at least {ctx['min_length']} here"
        case "tuple_type" | "list_type":
            return f'give a list, like ["a", "b"] (got {given!r})'
        case "string_type":
            return f'give text in quotes, like "a" (got {given!r})'
        case "greater_than_equal":
            return f"must be {ctx['ge']:g} or more (got {given!r})"
        case "greater_than":
            return f"must be more than {ctx['gt']:g} (got {given!r})"
    message = detail["msg"].removeprefix("Value error, ")
    return f"{message} (got {given!r})" if kind.endswith(("_type", "_parsing")) else message


def _without_echoes(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop a list's "too short" error when it only echoes failures of its own items.

    Pydantic counts only the items that validated, so one bad move also reports its block's
    ``moves`` (and the plan's ``blocks``) as empty: noise that hides the real problem.
    """

    def echoes(detail: ErrorDetails) -> bool:
        loc = detail["loc"]
        return detail["type"] == "too_short" and any(
            other["loc"][: len(loc)] == loc and len(other["loc"]) > len(loc) for other in details
        )

    return [detail for detail in details if not echoes(detail)]
