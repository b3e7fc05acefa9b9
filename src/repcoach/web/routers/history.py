"""The history page: past sessions with their sets, push/pull balance, and progress plots served as SVG."""

from __future__ import annotations

from collections import Counter
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from repcoach.coach.balance import balance_reports
from repcoach.coach.history import LoggedSet
from repcoach.errors import InvalidInput, Problem
from repcoach.io.plots import progress_plot
from repcoach.service.coaching import recent_history, session_points, user_catalogue
from repcoach.service.live_session import utc_now
from repcoach.service.session_summary import summarise
from repcoach.web.deps import OwnerDep, ProfileDep, StoreDep
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

PLOT_WEEKS = 26
"""The span of the progress plots: half a year."""
MAX_PLOTS = 4
"""Plots on the page: the moves trained in the most sessions."""


@router.get("/history", response_class=HTMLResponse)
def history_page(
    request: Request,
    store: StoreDep,
    owner: OwnerDep,
    profile: ProfileDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    imported: Annotated[int | None, Query(ge=0)] = None,
    claimed: bool = False,
) -> HTMLResponse:
    """Newest sessions first, each with a line per move; balance warnings; plots of the main moves."""
    now = utc_now()
    zone = ZoneInfo(profile.time_zone)
    catalogue = user_catalogue(store, profile.id)
    sessions = store.list_sessions(profile.id, limit=limit + 1)
    sets = recent_history(store, profile.id, now, weeks=PLOT_WEEKS)
    context = {
        "owner": owner,
        "sessions": [summarise(session, catalogue, profile.units, zone) for session in sessions[:limit]],
        "more": limit * 2 if len(sessions) > limit else None,
        "balance": balance_reports(sets, now, catalogue),
        "plots": [(exercise_id, catalogue.name_of(exercise_id)) for exercise_id in _plotted(sets)],
        "imported": imported,
        "claimed": claimed,
    }
    return templates.TemplateResponse(request, "history.html", context)


@router.get("/history/plots/{exercise_id}.svg")
def plot(exercise_id: str, store: StoreDep, profile: ProfileDep) -> Response:
    """A move's bell and estimated 1RM over time, and rounds per session, as SVG."""
    catalogue = user_catalogue(store, profile.id)
    move = catalogue.find(exercise_id)
    sets = recent_history(store, profile.id, utc_now(), weeks=PLOT_WEEKS)
    points = session_points(
        sets, exercise_id, ZoneInfo(profile.time_zone), move is not None and move.kind == "strength"
    )
    if move is None or not points:
        message = f"no sets of '{exercise_id}' in the last {PLOT_WEEKS} weeks to plot"
        raise InvalidInput([Problem(message, field="exercise_id")])
    svg = progress_plot(move.name, points, profile.units, "svg")
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-cache"})


def _plotted(sets: list[LoggedSet]) -> list[str]:
    """The moves done with a weight in the most sessions (two at least: one point is not a trend)."""
    sessions = Counter(
        exercise_id
        for exercise_id, _ in {(s.exercise_id, s.session_id) for s in sets if s.weight_kg and s.kind != "warmup"}
    )
    ranked = sorted(sessions.items(), key=lambda item: (-item[1], item[0]))
    return [exercise_id for exercise_id, count in ranked[:MAX_PLOTS] if count >= 2]
