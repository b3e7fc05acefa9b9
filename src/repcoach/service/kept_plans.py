"""Plans a user keeps on a multi-user server: stored as plan-file text, read back as validated plans."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from datetime import datetime
from functools import lru_cache

from repcoach.errors import InvalidInput, Problem
from repcoach.plan.loading import parse_plan
from repcoach.plan.plan import Plan
from repcoach.plan.shelf import PlanShelf
from repcoach.plan.writing import plan_to_toml
from repcoach.store import KeptPlanRecord, Store

logger = logging.getLogger(__name__)

BUILT_IN_NAME = "'{}' is a built-in plan's name; choose another"
"""Why a plan may not be kept under an id (format it with the id)."""


def keep_plan(store: Store, profile_id: int, plan: Plan, on_offer: PlanShelf, now: datetime) -> bool:
    """Keep ``plan`` for the user, in place of the plan they kept under its id, if any.

    Args:
        on_offer: the plans the user may run now; ``plan`` may take the id of one they kept, no other.

    Returns:
        Whether it replaced a plan kept before.

    Raises:
        InvalidInput: the id is a built-in plan's (or a plan file's the server was started with).
    """
    if plan.id in on_offer.plans and plan.id not in on_offer.kept:
        raise InvalidInput([Problem(BUILT_IN_NAME.format(plan.id), field="name")])
    return store.kept_plans.keep(profile_id, KeptPlanRecord(plan.id, plan.title, plan_to_toml(plan), now))


def with_kept_plans(shelf: PlanShelf, kept: Iterable[KeptPlanRecord]) -> PlanShelf:
    """``shelf`` plus the user's kept plans, each validated again; one that no longer is (the library
    changed under it) is left out and logged, so the user's other plans stay usable."""
    records = list(kept)
    known = frozenset({*shelf.plans, *(record.plan_id for record in records)})
    plans = []
    for record in records:
        try:
            plans.append(read_kept_plan(record, known))
        except InvalidInput as error:
            logger.warning("The kept plan %s is left out: %s", record.plan_id, error)
    return shelf.with_kept(plans)


def read_kept_plan(record: KeptPlanRecord, known_plan_ids: Collection[str]) -> Plan:
    """The plan a record holds, validated.

    Raises:
        InvalidInput: the text is not a valid plan, or its id is not the record's.
    """
    plan = _parsed(record.toml, record.plan_id, frozenset(known_plan_ids))
    if plan.id != record.plan_id:
        message = f"the plan's id '{plan.id}' is not the id '{record.plan_id}' it is kept under"
        raise InvalidInput([Problem(message, source=f"kept plan {record.plan_id}", field="id")])
    return plan


@lru_cache(maxsize=256)
def _parsed(toml: str, plan_id: str, known_plan_ids: frozenset[str]) -> Plan:
    """Validating a plan takes about half a millisecond; the plans of every request are read so, hence the cache."""
    return parse_plan(toml, f"kept plan {plan_id}", known_plan_ids=known_plan_ids)
