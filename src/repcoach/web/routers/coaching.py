"""Coaching over the API: the next session and each move's bell, and the sets logged."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from repcoach.coach.schedule import next_session, sessions_from_sets
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import preferences, recent_history
from repcoach.service.live_session import utc_now
from repcoach.store import SetRecord
from repcoach.web.deps import PlansDep, ProfileDep, StoreDep
from repcoach.web.error_docs import errors
from repcoach.web.strict_types import IsoTime

router = APIRouter(tags=["coaching"])

PAGE_MOST = 5000
"""The most sets one answer of ``GET /sets`` holds; the ``Link`` header leads to the next page."""


class NextSessionView(BaseModel):
    allowed_from: datetime
    advised_at: datetime
    reason: str
    allowed_reason: str
    restart_lighter: bool


class MoveAdviceView(BaseModel):
    exercise_id: str
    name: str
    action: Literal["start", "up", "hold", "down", "lever"]
    weight_kg: float | None
    first_round_kg: float | None
    """The heavier bell for round 1 only (mixed rounds), else None."""
    target_reps: str | None
    rounds: int | None
    reason: str
    lever: str | None
    buy_next_kg: float | None
    buy_reason: str | None


class RecommendationsView(BaseModel):
    plan: str
    next_session: NextSessionView
    moves: list[MoveAdviceView]


@router.get("/recommendations", responses=errors(404, 409))
def recommendations(
    store: StoreDep, profile: ProfileDep, plans: PlansDep, plan: str = "kettlebell-back"
) -> RecommendationsView:
    """When to train ``plan`` next, and the bell, reps and rounds for each move, with the reasons."""
    chosen = plans.get(plan)
    now = utc_now()
    sets = recent_history(store, profile.id, now)
    advice = next_session(chosen, sessions_from_sets(sets), preferences(profile), now)
    catalogue = chosen.exercise_lookup()
    moves = [
        MoveAdviceView(
            exercise_id=move.exercise,
            name=catalogue.get(move.exercise).name,
            action=rec.action,
            weight_kg=rec.weight_kg,
            first_round_kg=rec.first_round_kg,
            target_reps=str(rec.target_reps) if rec.target_reps else None,
            rounds=rec.rounds,
            reason=rec.reason,
            lever=rec.lever,
            buy_next_kg=rec.buy_next_kg,
            buy_reason=rec.buy_reason,
        )
        for move, rec in BellAdvisor(profile, sets, now).plan_recommendations(chosen)
    ]
    next_view = NextSessionView(
        allowed_from=advice.allowed_from,
        advised_at=advice.advised_at,
        reason=advice.reason,
        allowed_reason=advice.allowed_reason,
        restart_lighter=advice.restart_lighter,
    )
    return RecommendationsView(plan=chosen.id, next_session=next_view, moves=moves)


@router.get("/sets", responses=errors(409))
def list_sets(
    request: Request,
    response: Response,
    store: StoreDep,
    profile: ProfileDep,
    since: Annotated[IsoTime | None, Query(description="From (inclusive), ISO 8601; default 28 days ago.")] = None,
    until: Annotated[IsoTime | None, Query(description="To (exclusive), ISO 8601; default now.")] = None,
    limit: Annotated[int, Query(ge=1, le=PAGE_MOST, description="Sets per page.")] = 1000,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Sets of the period to pass over.")] = 0,
) -> list[SetRecord]:
    """The sets logged in the period, oldest first, in kg, a page at a time: when there may be more, the
    ``Link`` header (rel="next") gives the address of the next page (the same period, a later offset).
    A period that ends before it begins holds no set."""
    end = until or utc_now()
    start = since or end - timedelta(days=28)
    page = store.sets_between(profile.id, start, end, limit=limit, offset=offset)
    if len(page) == limit:
        period = {"since": start.isoformat(), "until": end.isoformat(), "limit": limit, "offset": offset + limit}
        response.headers["link"] = f'<{request.url.path}?{urlencode(period)}>; rel="next"'
    return page
