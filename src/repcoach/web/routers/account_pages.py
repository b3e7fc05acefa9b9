"""Sign-in, registration and sign-out pages (multi-user servers only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from repcoach.errors import InvalidInput, NameTaken
from repcoach.service.accounts import SignInFailed, register, sign_out
from repcoach.service.live_session import utc_now
from repcoach.web.auth import SESSION_COOKIE, accounts_required, attempt_sign_in, clear_login_cookie, set_login_cookie
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import StoreDep
from repcoach.web.errors import TooManyAttempts
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

Text = Annotated[str, Form(max_length=1000)]


def _accounts_on(request: Request) -> None:
    if not accounts_required(request):
        raise HTTPException(404, "This is a single-user server: there is nothing to sign in to.")


def _safe_next(target: str) -> str:
    """Only a path on this site, so a crafted link cannot send the user elsewhere after signing in."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _form(request: Request, mode: str, status: int = 200, **context: object) -> HTMLResponse:
    defaults = {"mode": mode, "username": "", "problems": {}, "message": "", "next": "/", "takes_history": False}
    return templates.TemplateResponse(request, "account.html", defaults | context, status_code=status)


@router.get("/login", response_class=HTMLResponse, dependencies=[Depends(_accounts_on)])
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return _form(request, "login", next=_safe_next(next))


@router.post("/login", dependencies=[Depends(_accounts_on), Depends(check_csrf)])
def login(request: Request, store: StoreDep, username: Text, password: Text, next: Text = "/") -> Response:
    try:
        signed = attempt_sign_in(request, store, username, password)
    except (SignInFailed, TooManyAttempts) as error:
        status = 429 if isinstance(error, TooManyAttempts) else 401
        return _form(request, "login", status, username=username, message=str(error), next=_safe_next(next))
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_login_cookie(request, response, signed)
    return response


@router.get("/register", response_class=HTMLResponse, dependencies=[Depends(_accounts_on)])
def register_page(request: Request, store: StoreDep) -> HTMLResponse:
    return _form(request, "register", takes_history=store.accounts.single_user_history_unclaimed())


@router.post("/register", dependencies=[Depends(_accounts_on), Depends(check_csrf)])
def create_account(request: Request, store: StoreDep, username: Text, password: Text) -> Response:
    try:
        login = register(store, username, password, utc_now())
    except InvalidInput as error:
        problems = {problem.field: problem.message for problem in error.problems}
        return _form(request, "register", 422, username=username, problems=problems)
    except NameTaken as error:
        return _form(request, "register", 409, username=username, problems={"username": str(error)})
    response = RedirectResponse("/history?claimed=true" if login.took_history else "/settings", status_code=303)
    set_login_cookie(request, response, login)
    return response


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request, store: StoreDep) -> Response:
    if token := request.cookies.get(SESSION_COOKIE):
        sign_out(store, token)
    response = RedirectResponse("/login" if accounts_required(request) else "/", status_code=303)
    clear_login_cookie(response)
    # Nothing of this user stays on a shared phone: the pages kept offline, the outbox (the page asked first
    # when it held sets not yet sent) and the service worker, which the next page installs again.
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response
