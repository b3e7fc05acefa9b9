"""The plans page: the plans on offer, and a box to paste a workout article into, read as ``import-text`` reads it.

A plan made from an article is kept beside the others: in the single-user app as a file in the
folder ``repcoach import-text`` uses; with accounts in the database, for the signed-in account
only, which may replace it (keeping another plan under its id) or delete it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from repcoach.errors import InvalidInput
from repcoach.io.article.extract import extract
from repcoach.io.user_plans import PLAN_ID_LENGTH, plan_id_for
from repcoach.library import load_catalogue
from repcoach.plan.plan import Plan
from repcoach.plan.shelf import PlanShelf
from repcoach.plan.writing import plan_to_toml
from repcoach.service.kept_plans import BUILT_IN_NAME, keep_plan
from repcoach.service.live_session import utc_now
from repcoach.store import Store
from repcoach.web.auth import Owner, accounts_required
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import OwnerDep, PlansDep, ProfileDep, StoreDep
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

ArticleText = Annotated[str, Form(max_length=50_000)]
PlanName = Annotated[str, Form(max_length=PLAN_ID_LENGTH)]


def _page(request: Request, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    defaults: dict[str, Any] = {"text": "", "name": "", "problems": [], "found": None, "kept": frozenset()}
    defaults["saving"] = accounts_required(request) or _plans_dir(request) is not None
    return templates.TemplateResponse(request, "plans.html", defaults | context, status_code=status)


@router.get("/plans", response_class=HTMLResponse)
def plans_page(request: Request, owner: OwnerDep, plans: PlansDep) -> HTMLResponse:
    return _page(request, {"owner": owner, "plans": list(plans), "kept": plans.kept})


@router.post("/plans/from-text", dependencies=[Depends(check_csrf)])
def from_text(
    request: Request,
    store: StoreDep,
    owner: OwnerDep,
    plans: PlansDep,
    text: ArticleText,
    name: PlanName = "",
    save: Annotated[bool, Form()] = False,
) -> Response:
    """Show what the text says as a plan; with ``save``, keep it and go home, where it can be started."""
    plan_id = plan_id_for(name)
    context: dict[str, Any] = {"owner": owner, "plans": list(plans), "kept": plans.kept, "text": text, "name": name}
    try:
        found = extract(text, load_catalogue(), plan_id=plan_id, title=name or "From an article", source="the text")
    except InvalidInput as error:
        return _page(request, context | {"problems": [problem.message for problem in error.problems]}, 422)
    context |= {"found": found, "moves": found.plan.exercise_lookup(), "plan_id": plan_id}
    if not save:
        return _page(request, context | {"replacing": plan_id in plans.kept})
    if owner.account is not None:
        return _keep_for_account(request, store, owner, plans, found.plan, context)
    folder = _plans_dir(request)
    if folder is None:
        return _page(request, context)
    if plan_id in _builtin_ids(plans, folder):
        return _page(request, context | {"problems": [BUILT_IN_NAME.format(plan_id)]}, 422)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{plan_id}.toml").write_text(plan_to_toml(found.plan), encoding="utf-8")
    request.app.state.plans = PlanShelf({**plans.plans, plan_id: found.plan})
    return RedirectResponse("/", status_code=303)


@router.post("/plans/{plan_id}/delete", dependencies=[Depends(check_csrf)])
def delete_plan(plan_id: str, store: StoreDep, profile: ProfileDep) -> RedirectResponse:
    """Forget a plan the account kept; sessions done with it stay in the history."""
    if not store.kept_plans.remove(profile.id, plan_id):
        raise HTTPException(404, f"You have kept no plan '{plan_id}'.")
    return RedirectResponse("/plans", status_code=303)


def _keep_for_account(
    request: Request, store: Store, owner: Owner, plans: PlanShelf, plan: Plan, context: dict[str, Any]
) -> Response:
    """Keep the plan in the database for the signed-in account, or say why not."""
    profile = store.get_profile(owner.account_id)
    if profile is None:
        problem = "Set up your profile first (on the settings page): your plans are kept with it."
        return _page(request, context | {"problems": [problem]}, 409)
    try:
        keep_plan(store, profile.id, plan, plans, utc_now())
    except InvalidInput as error:
        return _page(request, context | {"problems": [problem.message for problem in error.problems]}, 422)
    return RedirectResponse("/", status_code=303)


def _plans_dir(request: Request) -> Path | None:
    folder: Path | None = request.app.state.plans_dir
    return folder


def _builtin_ids(plans: PlanShelf, folder: Path) -> set[str]:
    """Plan ids a saved plan may not take: every plan on offer that is not one of the saved files."""
    return {plan_id for plan_id in plans.plans if not (folder / f"{plan_id}.toml").exists()}
