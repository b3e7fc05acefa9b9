"""Reading plan files (TOML or YAML) into validated Plans, every problem located by line and field."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from pydantic import ValidationError

from repcoach.errors import InvalidInput, Problem
from repcoach.library import Catalogue, load_catalogue
from repcoach.plan.plan import Plan
from repcoach.validation import field_name, in_file_order, located_problems, parse_toml, parse_yaml, without_nul

PLAN_SUFFIXES = (".toml", ".yaml", ".yml")


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
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise InvalidInput([Problem(f"cannot read the file: {reason}", source=source)]) from None
    return parse_plan(text, source, yaml_format=path.suffix.lower() != ".toml", known_plan_ids=known_plan_ids)


def parse_plan(text: str, source: str, *, yaml_format: bool = False, known_plan_ids: Collection[str] = ()) -> Plan:
    """Validate plan text; ``source`` names it in messages.

    Beyond the plan's own shape, every exercise must be in the library and every plan it
    names (warm-up, pairings) must be one of ``known_plan_ids`` or the plan itself.
    """
    try:
        data, source_map = parse_yaml(text, source) if yaml_format else parse_toml(text, source)
        if not isinstance(data, dict):
            raise InvalidInput([Problem("a plan file holds a mapping of fields (id, title, blocks, …)", source=source)])
        without_nul(data, source, source_map)
        plan = Plan.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(located_problems(error, source, source_map)) from None
    except RecursionError:
        # The parsers recurse per level: thousands of nested brackets are no plan, and must not be a traceback.
        message = "lists or tables are nested thousands of levels deep; a plan needs no more than a few"
        raise InvalidInput([Problem(message, source=source)]) from None
    problems = [
        Problem(message, source=source, line=source_map.line_of(path), field=field_name(path))
        for path, message in unknown_references(plan, load_catalogue(), {*known_plan_ids, plan.id})
    ]
    if problems:
        raise InvalidInput(in_file_order(problems))
    return plan


def unknown_references(
    plan: Plan, catalogue: Catalogue, plan_ids: Collection[str]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each exercise or plan the plan names that does not exist, with the field and a suggestion;
    and each of the plan's own exercises that the library already has (one id, one move)."""
    for exercise_id in plan.exercises:
        if exercise_id in catalogue:
            yield ("exercises", exercise_id), f"'{exercise_id}' is in the library already; use it without describing it"
    for b, block in enumerate(plan.blocks):
        for m, move in enumerate(block.moves):
            if move.exercise in catalogue or move.exercise in plan.exercises:
                continue
            known = catalogue.find(move.exercise)
            closest = catalogue.suggest(move.exercise)
            if known:
                hint = f"write its id '{known.id}'"
            elif closest:
                hint = f"did you mean {', '.join(closest)}? If not, describe it under [exercises.{move.exercise}]"
            else:
                hint = f"'repcoach exercises' lists the library, or describe it under [exercises.{move.exercise}]"
            yield ("blocks", b, "moves", m, "exercise"), f"unknown exercise '{move.exercise}'; {hint}"
    named: list[tuple[tuple[str | int, ...], str]] = [(("warmup",), plan.warmup)] if plan.warmup else []
    named += [(("pairs_with", i), other) for i, other in enumerate(plan.pairs_with)]
    for path, other in named:
        if other not in plan_ids:
            yield path, f"unknown plan '{other}'; known plans: {', '.join(sorted(plan_ids))}"
