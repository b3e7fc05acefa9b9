"""Dependencies the routers share, as ``Annotated`` aliases.

Those that read nothing from the database are ``async``: FastAPI runs a plain function in its thread
pool, and each such hand-over cost a logged set about half a millisecond.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from repcoach.plan.shelf import PlanShelf
from repcoach.service.kept_plans import with_kept_plans
from repcoach.store import ProfileRecord, Store
from repcoach.web.auth import Owner, accounts_required, owner_of
from repcoach.web.errors import Conflict
from repcoach.web.live_sessions import LiveSessions


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_live_sessions(request: Request) -> LiveSessions:
    """Sessions in progress, kept between requests."""
    sessions: LiveSessions = request.app.state.live_sessions
    return sessions


async def get_owner(request: Request, store: Annotated[Store, Depends(get_store)]) -> Owner:
    """Nobody in the single-user app; else the signed-in account, whose login is read in the thread pool."""
    if not accounts_required(request):
        return Owner(None)
    return await run_in_threadpool(owner_of, request, store)


async def get_plans(
    request: Request, store: Annotated[Store, Depends(get_store)], owner: Annotated[Owner, Depends(get_owner)]
) -> PlanShelf:
    """The built-in plans and the ones the server was started with; on a multi-user server, with the
    plans the signed-in account kept (one read of the database, in the thread pool)."""
    plans: PlanShelf = request.app.state.plans
    if owner.account_id is None:
        return plans
    return await run_in_threadpool(_with_kept_plans, plans, store, owner.account_id)


def _with_kept_plans(plans: PlanShelf, store: Store, account_id: int) -> PlanShelf:
    return with_kept_plans(plans, store.kept_plans.of_account(account_id))


def get_profile(
    store: Annotated[Store, Depends(get_store)], owner: Annotated[Owner, Depends(get_owner)]
) -> ProfileRecord:
    return profile_of(store, owner)


def profile_of(store: Store, owner: Owner) -> ProfileRecord:
    """The owner's profile (for an endpoint that reads it in its own thread-pool call, not as a dependency).

    Raises:
        Conflict: there is none yet.
    """
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
