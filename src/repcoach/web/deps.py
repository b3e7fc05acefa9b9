"""Dependencies the routers share, as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from repcoach.plan.shelf import PlanShelf
from repcoach.store import ProfileRecord, Store
from repcoach.web.auth import Owner, owner_of
from repcoach.web.errors import Conflict
from repcoach.web.live_sessions import LiveSessions


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_plans(request: Request) -> PlanShelf:
    """The built-in plans and the ones the server was started with."""
    plans: PlanShelf = request.app.state.plans
    return plans


def get_live_sessions(request: Request) -> LiveSessions:
    """Sessions in progress, kept between requests."""
    sessions: LiveSessions = request.app.state.live_sessions
    return sessions


def get_owner(request: Request, store: Annotated[Store, Depends(get_store)]) -> Owner:
    return owner_of(request, store)


def get_profile(
    store: Annotated[Store, Depends(get_store)], owner: Annotated[Owner, Depends(get_owner)]
) -> ProfileRecord:
    profile = store.get_profile(owner.account_id)
    if profile is None:
        raise Conflict(
            "Set up your profile first: on the settings page, "
            "or PUT /api/v1/profile with units, experience and bells_kg."
        )
    return profile


StoreDep = Annotated[Store, Depends(get_store)]
PlansDep = Annotated[PlanShelf, Depends(get_plans)]
OwnerDep = Annotated[Owner, Depends(get_owner)]
ProfileDep = Annotated[ProfileRecord, Depends(get_profile)]
LiveSessionsDep = Annotated[LiveSessions, Depends(get_live_sessions)]
