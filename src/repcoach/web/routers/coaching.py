"""Coaching over the API: the next session and each move's bell, and the sets logged."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel, BeforeValidator

from repcoach.coach.schedule import next_session, sessions_from_sets
from repcoach.errors import InvalidInput, Problem
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import preferences, recent_history
from repcoach.service.live_session import utc_now
from repcoach.store import SetRecord
from repcoach.web.deps import PlansDep, ProfileDep, StoreDep

router = APIRouter(tags=["coaching"])

MAX_SPAN = timedelta(days=366)


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


@router.get("/recommendations")
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


def _iso_only(value: object) -> object:
    """Refuse a bare number, which would be read as seconds since 1970 (``until=0.5``)."""
    if isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdigit():
        raise ValueError("a time is written in ISO 8601 with its zone, e.g. 2026-12-01T00:00:00Z")
    return value


IsoTime = Annotated[AwareDatetime, BeforeValidator(_iso_only)]


@router.get("/sets")
def list_sets(
    store: StoreDep,
    profile: ProfileDep,
    since: Annotated[IsoTime | None, Query(description="From (inclusive), ISO 8601; default 28 days ago.")] = None,
    until: Annotated[IsoTime | None, Query(description="To (exclusive), ISO 8601; default now.")] = None,
) -> list[SetRecord]:
    """Every set logged in the period, oldest first, in kg, at most a year at a time."""
    end = until or utc_now()
    start = since or end - timedelta(days=28)
    if not start < end:
        raise InvalidInput([Problem("since must be before until", field="since")])
    if end - start > MAX_SPAN:
        raise InvalidInput([Problem("ask for at most 366 days at a time", field="since")])
    return store.sets_between(profile.id, start, end)
