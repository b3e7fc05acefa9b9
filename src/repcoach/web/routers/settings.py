"""The settings page: units, bells owned, level, training days, time and zone; also where history comes in and goes out.

A new user lands here first (the home page links to it); a wrong value re-renders the form with
the sentence under its field and status 422, keeping what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from repcoach.coach.bell_sizes import KG_SIZES, SAME_BELL, standard_sizes
from repcoach.errors import InvalidInput
from repcoach.service.settings import DEFAULT_BELLS, WEEKDAYS, read_settings, save_settings
from repcoach.store import ProfileRecord
from repcoach.store.records import DEFAULT_DAYS, DEFAULT_TIME
from repcoach.units import Unit, from_kg, parse_weight, parse_weights
from repcoach.web.auth import Owner
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import LiveSessionsDep, OwnerDep, StoreDep
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


def bell_choices(unit: Unit, bells_kg: Sequence[float]) -> dict[str, Any]:
    """The bells as the form offers them: a toggle per standard size in ``unit``, ticked when one owned
    bell is that size, and the others written out ("other bells")."""
    left = list(bells_kg)
    toggles = []
    for kg in standard_sizes(unit):
        owned = next((bell for bell in left if abs(bell - kg) <= kg * SAME_BELL), None)
        if owned is not None:
            left.remove(owned)
        size = f"{round(from_kg(kg, unit), 1):g}"
        # An owned bell keeps its own weight, so saving the form again never moves it to the size's.
        value = f"{owned:g}kg" if owned is not None else f"{size}{unit}"
        toggles.append({"label": f"{size} {unit}", "value": value, "checked": owned is not None})
    others = " ".join(f"{round(from_kg(kg, unit), 1):g}" for kg in left)
    return {"bell_toggles": toggles, "bells": others}


def current_values(profile: ProfileRecord | None) -> dict[str, Any]:
    """What the form shows: the profile's settings, or a new user's defaults (zone filled in by the browser)."""
    if profile is None:
        return {
            "units": "kg",
            **bell_choices("kg", parse_weights(DEFAULT_BELLS["kg"], "kg")),
            "experience": "beginner",
            "days": list(DEFAULT_DAYS),
            "time": DEFAULT_TIME,
            "zone": "",
            "new": True,
        }
    return {
        "units": profile.units,
        **bell_choices(profile.units, profile.bells_kg),
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
    sessions: LiveSessionsDep,
    units: Field,
    bells: Field,
    experience: Field,
    time: Field,
    zone: Field,
    days: Annotated[list[int], Form(max_length=7)] = [],  # noqa: B006 (FastAPI copies form defaults)
    bell: Annotated[list[str], Form(max_length=len(KG_SIZES))] = [],  # noqa: B006
) -> Response:
    """Save the settings (creating the profile for a new user), or show the form again with what is wrong."""
    is_new = store.get_profile(owner.account_id) is None
    try:
        settings = read_settings(
            units=units, bells=bells, experience=experience, days=days, time=time, zone=zone, bell_sizes=bell
        )
    except InvalidInput as error:
        unit: Unit = "lb" if units == "lb" else "kg"
        ticked = bell_choices(unit, [kg for kg in map(_weight_or_none, bell, repeat(unit)) if kg is not None])
        typed = {"units": units, **ticked, "bells": bells, "experience": experience, "days": days}
        typed |= {"time": time, "zone": zone}
        problems = {problem.field: problem.message for problem in error.problems}
        return settings_page(request, owner, typed | {"new": is_new}, 422, problems=problems)
    sessions.profile_saved(save_settings(store, owner.account_id, settings))
    return RedirectResponse("/" if is_new else "/settings?saved=true", status_code=303)


def _weight_or_none(text: str, unit: Unit) -> float | None:
    try:
        return parse_weight(text, unit)
    except ValueError:
        return None
