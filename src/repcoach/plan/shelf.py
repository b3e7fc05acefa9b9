"""The plans a user can run: the built-in ones, any plan files they add, and the plans they kept."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from repcoach.errors import InvalidInput, Problem, UnknownName
from repcoach.plan.loading import load_plan_file
from repcoach.plan.plan import Plan


@dataclass(frozen=True)
class PlanShelf:
    plans: Mapping[str, Plan]
    """By id."""
    kept: frozenset[str] = frozenset()
    """Ids of the plans among them that the user kept (on a multi-user server), which they may replace or delete."""

    def get(self, plan_id: str) -> Plan:
        """The plan ``plan_id``.

        Raises:
            UnknownName: no such plan, with the closest ids as suggestions.
        """
        if plan_id in self.plans:
            return self.plans[plan_id]
        raise UnknownName("plan", plan_id, difflib.get_close_matches(plan_id, self.plans, n=3, cutoff=0.4))

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans.values())

    def with_files(self, paths: Iterable[Path]) -> PlanShelf:
        """This shelf plus the plans in ``paths`` (which may name this shelf's plans as warm-ups or pairings).

        Raises:
            InvalidInput: a file is not a valid plan, or its id is already taken.
        """
        plans = dict(self.plans)
        for path in paths:
            plan = load_plan_file(path, known_plan_ids=plans)
            if plan.id in plans:
                raise InvalidInput([Problem(f"the plan id '{plan.id}' is already taken", source=str(path), field="id")])
            plans[plan.id] = plan
        return PlanShelf(plans, self.kept)

    def with_kept(self, kept: Iterable[Plan]) -> PlanShelf:
        """This shelf plus the plans a user kept; one whose id is taken here already is left out (the shelf's wins)."""
        added = {plan.id: plan for plan in kept if plan.id not in self.plans}
        return PlanShelf({**self.plans, **added}, self.kept | added.keys())
