"""The plans page: the plans on offer, and a box to paste a workout article into, read as ``import-text`` reads it.

A plan made from an article is kept beside the others only in the single-user app (in the
folder ``repcoach import-text`` uses); with accounts the preview is shown but not kept, since
plans are not stored per account yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from repcoach.errors import InvalidInput
from repcoach.io.article.extract import extract
from repcoach.io.user_plans import PLAN_ID_LENGTH, plan_id_for
from repcoach.library import load_catalogue
from repcoach.plan.shelf import PlanShelf
from repcoach.plan.writing import plan_to_toml
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import OwnerDep, PlansDep
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

ArticleText = Annotated[str, Form(max_length=50_000)]
PlanName = Annotated[str, Form(max_length=PLAN_ID_LENGTH)]


def _page(request: Request, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    defaults: dict[str, Any] = {"text": "", "name": "", "problems": [], "found": None}
    defaults["saving"] = _plans_dir(request) is not None
    return templates.TemplateResponse(request, "plans.html", defaults | context, status_code=status)


@router.get("/plans", response_class=HTMLResponse)
def plans_page(request: Request, owner: OwnerDep, plans: PlansDep) -> HTMLResponse:
    return _page(request, {"owner": owner, "plans": list(plans)})


@router.post("/plans/from-text", dependencies=[Depends(check_csrf)])
def from_text(
    request: Request,
    owner: OwnerDep,
    plans: PlansDep,
    text: ArticleText,
    name: PlanName = "",
    save: Annotated[bool, Form()] = False,
) -> Response:
    """Show what the text says as a plan; with ``save``, keep it and go home, where it can be started."""
    plan_id = plan_id_for(name)
    context: dict[str, Any] = {"owner": owner, "plans": list(plans), "text": text, "name": name}
    try:
        found = extract(text, load_catalogue(), plan_id=plan_id, title=name or "From an article", source="the text")
    except InvalidInput as error:
        return _page(request, context | {"problems": [problem.message for problem in error.problems]}, 422)
    folder = _plans_dir(request)
    if not save or folder is None or plan_id in _builtin_ids(plans, folder):
        return _page(request, context | {"found": found, "moves": found.plan.exercise_lookup(), "plan_id": plan_id})
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{plan_id}.toml").write_text(plan_to_toml(found.plan), encoding="utf-8")
    request.app.state.plans = PlanShelf({**plans.plans, plan_id: found.plan})
    return RedirectResponse("/", status_code=303)


def _plans_dir(request: Request) -> Path | None:
    folder: Path | None = request.app.state.plans_dir
    return folder


def _builtin_ids(plans: PlanShelf, folder: Path) -> set[str]:
    """Plan ids a saved plan may not take: every plan on offer that is not one of the saved files."""
    return {plan_id for plan_id in plans.plans if not (folder / f"{plan_id}.toml").exists()}
