"""The plans that ship with repcoach, read once from the package's ``builtin/`` folder."""

from __future__ import annotations

from functools import cache
from importlib import resources

from repcoach.plan.loading import parse_plan
from repcoach.plan.plan import Plan
from repcoach.plan.shelf import PlanShelf


@cache
def builtin_plans() -> dict[str, Plan]:
    """Every built-in plan by id, in id order."""
    files = [
        entry for entry in (resources.files("repcoach.plan") / "builtin").iterdir() if entry.name.endswith(".toml")
    ]
    ids = [entry.name.removesuffix(".toml") for entry in files]
    plans = [
        parse_plan(entry.read_text(encoding="utf-8"), f"built-in {entry.name}", known_plan_ids=ids) for entry in files
    ]
    return {plan.id: plan for plan in sorted(plans, key=lambda plan: plan.id)}


def builtin_shelf() -> PlanShelf:
    """The built-in plans as a shelf, to which a user's plan files can be added."""
    return PlanShelf(builtin_plans())


def get_builtin_plan(plan_id: str) -> Plan:
    """The built-in plan ``plan_id``.

    Raises:
        UnknownName: no such plan, with the closest ids as suggestions.
    """
    return builtin_shelf().get(plan_id)
