"""Who is asking: nobody in particular in the single-user app, a signed-in account on a multi-user server.

The login travels in an HttpOnly, SameSite=Lax cookie holding a random token (see service/accounts.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fastapi import Request, Response

from repcoach.service.accounts import LOGIN_LIFETIME, Login, sign_in, signed_in
from repcoach.service.live_session import utc_now
from repcoach.service.login_throttle import LoginThrottle
from repcoach.store import Store
from repcoach.store.records import AccountRecord
from repcoach.web.errors import SignInRequired, TooManyAttempts

SESSION_COOKIE = "repcoach_login"


@dataclass(frozen=True)
class Owner:
    """Whose data a request may read and write."""

    account: AccountRecord | None
    """None in the single-user app, which has no accounts."""

    @property
    def account_id(self) -> int | None:
        return self.account.id if self.account else None


def accounts_required(request: Request) -> bool:
    return bool(request.app.state.accounts)


def owner_of(request: Request, store: Store) -> Owner:
    """The owner of the request.

    Raises:
        SignInRequired: accounts are on and the request is not signed in (or its login expired).
    """
    if not accounts_required(request):
        return Owner(None)
    token = request.cookies.get(SESSION_COOKIE)
    account = signed_in(store, token, utc_now()) if token else None
    if account is None:
        raise SignInRequired("Sign in first.")
    return Owner(account)


def attempt_sign_in(request: Request, store: Store, username: str, password: str) -> Login:
    """Sign in, unless this address has failed too often for this name (or for any name) lately.

    Raises:
        TooManyAttempts: wait first; the error says how long.
        SignInFailed: wrong username or password.
    """
    throttle: LoginThrottle = request.app.state.login_throttle
    address = request.client.host if request.client else "unknown"
    wait = throttle.admit(store, username, address, utc_now())
    if wait > 0:
        minutes = math.ceil(wait / 60)
        raise TooManyAttempts(
            f"Too many wrong passwords: try again in {minutes} minute{'s' if minutes > 1 else ''}.",
            retry_after=math.ceil(wait),
        )
    login = sign_in(store, username, password, utc_now())
    throttle.succeeded(store, username, address)
    return login


def set_login_cookie(request: Request, response: Response, login: Login) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        login.token,
        max_age=int(LOGIN_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def clear_login_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
