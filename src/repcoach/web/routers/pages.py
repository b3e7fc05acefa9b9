"""The phone-sized pages: home (what is next, with bells and why) and the guided session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from repcoach.coach.schedule import next_session, sessions_from_sets
from repcoach.errors import SessionOpen
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import preferences, recent_history
from repcoach.service.live_session import LiveSession, utc_now
from repcoach.session import MonotonicClock, Program
from repcoach.units import format_weight
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import OwnerDep, PlansDep, ProfileDep, StoreDep
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

HOME_PLAN = "kettlebell-back"


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, owner: OwnerDep, plans: PlansDep) -> HTMLResponse:
    """The next session due and why, the advised bell per move, the last session, a Start button."""
    profile = store.get_profile(owner.account_id)
    context: dict[str, Any] = {"profile": profile, "owner": owner}
    if profile is not None:
        now = utc_now()
        sets = recent_history(store, profile.id, now)
        plan = plans.get(HOME_PLAN)
        warmups = {other.warmup for other in plans if other.warmup}
        advisor = BellAdvisor(profile, sets, now)
        catalogue = plan.exercise_lookup()
        prefs = preferences(profile)
        bells = [
            {
                "name": catalogue.get(move.exercise).name,
                "bell": format_weight(advice.weight_kg, profile.units) if advice.weight_kg else "no bell",
                "reason": advice.reason,
            }
            for move, advice in advisor.plan_recommendations(plan)
        ]
        recent = store.list_sessions(profile.id, limit=1)
        last = recent[0] if recent else None
        context |= {
            "plan": plan,
            "other_plans": [other for other in plans if other.id != HOME_PLAN and other.id not in warmups],
            "advice": next_session(plan, sessions_from_sets(sets), prefs, now),
            "bells": bells,
            "open_session": store.unfinished_session(profile.id),
            "last": last
            and {
                "title": last.title,
                "when": f"{last.started_at.astimezone(prefs.tz):%a %d %b %H:%M}",
                "sets": len(last.sets),
                "rounds": max((s.round for s in last.sets), default=0),
            },
        }
    return templates.TemplateResponse(request, "home.html", context)


@router.post("/session", dependencies=[Depends(check_csrf)])
def start(
    store: StoreDep, profile: ProfileDep, plans: PlansDep, plan: Annotated[str, Form(max_length=100)] = HOME_PLAN
) -> RedirectResponse:
    """Start a plan (or go back to the unfinished session) and open its page."""
    record = store.unfinished_session(profile.id)
    if record is None:
        try:
            record = LiveSession.start(store, profile, Program.compose(plans.get(plan)), MonotonicClock()).record
        except SessionOpen as open_one:  # started meanwhile (a second tap, another tab)
            return RedirectResponse(f"/session/{open_one.session_id}", status_code=303)
    return RedirectResponse(f"/session/{record.id}", status_code=303)


@router.get("/session/{session_id}", response_class=HTMLResponse)
def session_page(request: Request, session_id: str, store: StoreDep, profile: ProfileDep) -> HTMLResponse:
    """The guided session; it reads and drives the session through the JSON API."""
    record = store.get_session(session_id)
    if record is None or record.profile_id != profile.id:
        raise HTTPException(404, f"There is no session {session_id}.")
    return templates.TemplateResponse(
        request, "session.html", {"session_id": record.id, "title": record.title, "unit": profile.units}
    )
