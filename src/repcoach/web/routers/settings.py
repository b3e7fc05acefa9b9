"""The settings page: units, bells owned, level, training days, time and zone; also where history comes in and goes out.

A new user lands here first (the home page links to it); a wrong value re-renders the form with
the sentence under its field and status 422, keeping what was typed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from repcoach.errors import InvalidInput
from repcoach.service.settings import DEFAULT_BELLS, WEEKDAYS, read_settings, save_settings
from repcoach.store import ProfileRecord
from repcoach.store.records import DEFAULT_DAYS, DEFAULT_TIME
from repcoach.units import from_kg
from repcoach.web.auth import Owner
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import OwnerDep, StoreDep
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

Field = Annotated[str, Form(max_length=200)]


def settings_page(
    request: Request, owner: Owner, values: dict[str, Any], status: int = 200, **context: Any
) -> HTMLResponse:
    """The settings form showing ``values``; ``context`` adds ``problems``, ``saved`` or an import's outcome."""
    defaults = {
        "owner": owner,
        "problems": {},
        "saved": False,
        "weekdays": WEEKDAYS,
        "values": values,
        "import_problems": [],
    }
    return templates.TemplateResponse(request, "settings.html", defaults | context, status_code=status)


def current_values(profile: ProfileRecord | None) -> dict[str, Any]:
    """What the form shows: the profile's settings, or a new user's defaults (zone filled in by the browser)."""
    if profile is None:
        return {
            "units": "kg",
            "bells": DEFAULT_BELLS["kg"],
            "experience": "beginner",
            "days": list(DEFAULT_DAYS),
            "time": DEFAULT_TIME,
            "zone": "",
            "new": True,
        }
    bells = " ".join(f"{round(from_kg(kg, profile.units), 1):g}" for kg in profile.bells_kg)
    return {
        "units": profile.units,
        "bells": bells,
        "experience": profile.experience,
        "days": list(profile.preferred_days),
        "time": profile.preferred_time,
        "zone": profile.time_zone,
        "new": False,
    }


@router.get("/settings", response_class=HTMLResponse)
def show_settings(request: Request, store: StoreDep, owner: OwnerDep, saved: bool = False) -> HTMLResponse:
    return settings_page(request, owner, current_values(store.get_profile(owner.account_id)), saved=saved)


@router.post("/settings", dependencies=[Depends(check_csrf)])
def change_settings(
    request: Request,
    store: StoreDep,
    owner: OwnerDep,
    units: Field,
    bells: Field,
    experience: Field,
    time: Field,
    zone: Field,
    days: Annotated[list[int], Form(max_length=7)] = [],  # noqa: B006 (FastAPI copies form defaults)
) -> Response:
    """Save the settings (creating the profile for a new user), or show the form again with what is wrong."""
    is_new = store.get_profile(owner.account_id) is None
    try:
        settings = read_settings(units=units, bells=bells, experience=experience, days=days, time=time, zone=zone)
    except InvalidInput as error:
        typed = {"units": units, "bells": bells, "experience": experience, "days": days, "time": time, "zone": zone}
        problems = {problem.field: problem.message for problem in error.problems}
        return settings_page(request, owner, typed | {"new": is_new}, 422, problems=problems)
    save_settings(store, owner.account_id, settings)
    return RedirectResponse("/" if is_new else "/settings?saved=true", status_code=303)
