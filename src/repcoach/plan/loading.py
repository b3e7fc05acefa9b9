"""Reading plan files (TOML or YAML) into validated Plans, every problem located by line and field."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from repcoach.errors import InvalidInput, Problem
from repcoach.library import Catalogue, load_catalogue
from repcoach.plan.plan import Plan
from repcoach.sourcemap import SourceMap

PLAN_SUFFIXES = (".toml", ".yaml", ".yml")

_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def load_plan_file(path: Path, known_plan_ids: Collection[str] = ()) -> Plan:
    """Read and validate a plan file; the format follows the suffix.

    Raises:
        InvalidInput: the file is missing, unreadable, not TOML/YAML, or not a valid plan.
    """
    source = str(path)
    if path.suffix.lower() not in PLAN_SUFFIXES:
        raise InvalidInput([Problem(f"a plan file ends in {', '.join(PLAN_SUFFIXES)}", source=source)])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput([Problem(f"cannot read the file: {_reason(error)}", source=source)]) from None
    return parse_plan(text, source, yaml_format=path.suffix.lower() != ".toml", known_plan_ids=known_plan_ids)


def parse_plan(text: str, source: str, *, yaml_format: bool = False, known_plan_ids: Collection[str] = ()) -> Plan:
    """Validate plan text; ``source`` names it in messages.

    Beyond the plan's own shape, every exercise must be in the library and every plan it
    names (warm-up, pairings) must be one of ``known_plan_ids`` or the plan itself.
    """
    data, source_map = _parse_yaml(text, source) if yaml_format else _parse_toml(text, source)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        details = _without_echoes(error.errors())
        problems = [_problem(detail, source, source_map.line_of) for detail in details]
        raise InvalidInput(sorted(problems, key=_in_file_order)) from None
    problems = [
        Problem(message, source=source, line=source_map.line_of(path), field=field_name(path))
        for path, message in unknown_references(plan, load_catalogue(), {*known_plan_ids, plan.id})
    ]
    if problems:
        raise InvalidInput(sorted(problems, key=_in_file_order))
    return plan


def _in_file_order(problem: Problem) -> int:
    return problem.line if problem.line is not None else 0


def unknown_references(
    plan: Plan, catalogue: Catalogue, plan_ids: Collection[str]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each exercise or plan the plan names that does not exist, with the field and a suggestion."""
    for b, block in enumerate(plan.blocks):
        for m, move in enumerate(block.moves):
            if move.exercise in catalogue:
                continue
            known = catalogue.find(move.exercise)
            closest = catalogue.suggest(move.exercise)
            if known:
                hint = f"write its id '{known.id}'"
            elif closest:
                hint = f"did you mean {', '.join(closest)}?"
            else:
                hint = "'repcoach exercises' lists the library"
            yield ("blocks", b, "moves", m, "exercise"), f"unknown exercise '{move.exercise}'; {hint}"
    named: list[tuple[tuple[str | int, ...], str]] = [(("warmup",), plan.warmup)] if plan.warmup else []
    named += [(("pairs_with", i), other) for i, other in enumerate(plan.pairs_with)]
    for path, other in named:
        if other not in plan_ids:
            yield path, f"unknown plan '{other}'; known plans: {', '.join(sorted(plan_ids))}"


def field_name(path: Sequence[str | int]) -> str:
    """``("blocks", 0, "moves", 1, "reps")`` → ``blocks[0].moves[1].reps``."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _parse_toml(text: str, source: str) -> tuple[dict[str, Any], SourceMap]:
    try:
        return tomllib.loads(text), SourceMap.of_toml(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = int(position[1]) if position else None
        message = _TOML_POSITION.sub("", message).strip()
        raise InvalidInput([Problem(f"not valid TOML: {message}", source=source, line=line)]) from None


def _parse_yaml(text: str, source: str) -> tuple[Any, SourceMap]:
    try:
        data = yaml.safe_load(text)
        source_map = SourceMap.of_yaml(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise InvalidInput([Problem(f"not valid YAML: {error.problem}", source=source, line=line)]) from None
    except yaml.YAMLError as error:
        raise InvalidInput([Problem(f"not valid YAML: {error}", source=source)]) from None
    if not isinstance(data, dict):
        raise InvalidInput([Problem("a plan file holds a mapping of fields (id, title, blocks, …)", source=source)])
    return data, source_map


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


def _problem(detail: ErrorDetails, source: str, line_of: Callable[[Sequence[str | int]], int | None]) -> Problem:
    path = [part for part in detail["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
    return Problem(_sentence(detail), source=source, line=line_of(path), field=field_name(path) or None)


def _sentence(detail: ErrorDetails) -> str:
    """Pydantic's message, reworded where it speaks like a programmer."""
    kind, loc = detail["type"], detail["loc"]
    last = loc[-1] if loc else ""
    if kind == "missing":
        return f"the required field '{last}' is missing"
    if kind == "extra_forbidden":
        return f"'{last}' is not a field here (check its spelling)"
    if kind == "too_short":
        return f"give at least {detail.get('ctx', {}).get('min_length', 1)} item(s) here"
    if kind == "string_pattern_mismatch":
        return f"use lower-case words joined by hyphens, like 'my-back-day' (got {detail['input']!r})"
    if kind == "greater_than_equal":
        return f"must be {detail.get('ctx', {}).get('ge')} or more (got {detail['input']!r})"
    message = detail["msg"].removeprefix("Value error, ")
    if kind.endswith(("_type", "_parsing", "literal_error", "greater_than", "string_too_short")):
        message += f" (got {detail['input']!r})"
    return message


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
