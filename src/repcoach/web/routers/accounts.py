"""Accounts over the JSON API: register, sign in, sign out (multi-user servers only).

Each sets or clears the same HttpOnly cookie the pages use, so a script or app keeps a cookie jar.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from repcoach.service.accounts import PASSWORD_LENGTH, USERNAME, register, sign_out
from repcoach.service.live_session import utc_now
from repcoach.web.auth import SESSION_COOKIE, accounts_required, attempt_sign_in, clear_login_cookie, set_login_cookie
from repcoach.web.deps import OwnerDep, StoreDep
from repcoach.web.error_docs import errors

router = APIRouter(tags=["accounts"])


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(max_length=100)
    password: str = Field(max_length=1000)


class NewAccount(Credentials):
    """A name and password to register under: the schema states the rules the registration checks."""

    username: str = Field(pattern=f"^{USERNAME.pattern.replace('a-z', 'A-Za-z')}$")
    """Compared without case (stored lower-case)."""
    password: str = Field(min_length=PASSWORD_LENGTH[0], max_length=PASSWORD_LENGTH[1])


class AccountView(BaseModel):
    username: str


class RegisteredView(AccountView):
    took_history: bool
    """The history logged before accounts were turned on became this account's (the first one registered)."""


def _accounts_on(request: Request) -> None:
    if not accounts_required(request):
        raise HTTPException(404, "This is a single-user server: there are no accounts to sign in to.")


@router.post("/account", status_code=201, responses=errors(404, 409))
def create_account(body: NewAccount, request: Request, response: Response, store: StoreDep) -> RegisteredView:
    """Register and sign in; 409 when the username is taken."""
    _accounts_on(request)
    login = register(store, body.username, body.password, utc_now())
    set_login_cookie(request, response, login)
    return RegisteredView(username=login.account.username, took_history=login.took_history)


@router.get("/account", responses=errors(404))
def read_account(request: Request, owner: OwnerDep) -> AccountView:
    """Who is signed in; 401 when nobody is."""
    _accounts_on(request)
    assert owner.account is not None
    return AccountView(username=owner.account.username)


@router.post("/login", responses=errors(401, 404, 429))
def login(body: Credentials, request: Request, response: Response, store: StoreDep) -> AccountView:
    """Sign in; 401 for a wrong name or password, 429 (with Retry-After) after too many."""
    _accounts_on(request)
    signed = attempt_sign_in(request, store, body.username, body.password)
    set_login_cookie(request, response, signed)
    return AccountView(username=signed.account.username)


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, store: StoreDep) -> None:
    """Sign this cookie out (the account's other logins stay)."""
    if token := request.cookies.get(SESSION_COOKIE):
        sign_out(store, token)
    clear_login_cookie(response)
