"""The user's profile: units, experience and the bells they own."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from repcoach.errors import InvalidInput, Problem
from repcoach.limits import MAX_WEIGHT_KG
from repcoach.store import ProfileRecord
from repcoach.web.deps import LiveSessionsDep, OwnerDep, ProfileDep, StoreDep
from repcoach.web.error_docs import errors

router = APIRouter(tags=["profile"])


class ProfileBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    units: Literal["kg", "lb"]
    experience: Literal["beginner", "intermediate", "advanced"]
    bells_kg: list[Annotated[float, Field(strict=True, gt=0, le=MAX_WEIGHT_KG)]] = Field(max_length=50)
    """The bells owned, in kg (the store's unit, whatever the user's)."""


class ProfileView(ProfileBody):
    preferred_days: list[int]
    preferred_time: str
    time_zone: str


def _view(profile: ProfileRecord) -> ProfileView:
    return ProfileView(
        units=profile.units,
        experience=profile.experience,
        bells_kg=list(profile.bells_kg),
        preferred_days=list(profile.preferred_days),
        preferred_time=profile.preferred_time,
        time_zone=profile.time_zone,
    )


@router.get("/profile", responses=errors(409))
def read_profile(profile: ProfileDep) -> ProfileView:
    """The profile, or 409 before it is set."""
    return _view(profile)


@router.put("/profile")
def save_profile(body: ProfileBody, store: StoreDep, owner: OwnerDep, sessions: LiveSessionsDep) -> ProfileView:
    """Create or replace the profile."""
    try:
        saved = store.save_profile(
            units=body.units, experience=body.experience, bells_kg=body.bells_kg, account_id=owner.account_id
        )
    except ValueError as error:
        raise InvalidInput([Problem(str(error), field="bells_kg")]) from None
    sessions.profile_saved(saved)
    return _view(saved)
