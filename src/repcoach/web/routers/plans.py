"""Plans: the built-in routines."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from repcoach.web.deps import PlansDep
from repcoach.web.error_docs import errors

router = APIRouter(tags=["plans"])


class PlanSummary(BaseModel):
    id: str
    title: str
    summary: str
    rounds: str


@router.get("/plans")
def list_plans(plans: PlansDep) -> list[PlanSummary]:
    """The plans on offer: the built-in ones and the server's plan files."""
    return [PlanSummary(id=p.id, title=p.title, summary=p.summary, rounds=str(p.rounds)) for p in plans]


@router.get("/plans/{plan_id}", responses=errors(404))
def show_plan(plan_id: str, plans: PlansDep) -> dict[str, Any]:
    """One plan in full, as its plan file would hold it."""
    return plans.get(plan_id).model_dump(mode="json")
