"""Plans: the built-in routines."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from repcoach.plan.builtins import builtin_plans, get_builtin_plan

router = APIRouter(tags=["plans"])


class PlanSummary(BaseModel):
    id: str
    title: str
    summary: str
    rounds: str


@router.get("/plans")
def list_plans() -> list[PlanSummary]:
    """The built-in plans."""
    return [
        PlanSummary(id=p.id, title=p.title, summary=p.summary, rounds=str(p.rounds)) for p in builtin_plans().values()
    ]


@router.get("/plans/{plan_id}")
def show_plan(plan_id: str) -> dict[str, Any]:
    """One plan in full, as its plan file would hold it."""
    return get_builtin_plan(plan_id).model_dump(mode="json")
