"""Registration, sign-in and sign-out for multi-user servers.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults, RFC 9106's low-memory choice).
A sign-in hands out a random token for the session cookie; the store keeps only its SHA-256, so a
copy of the database signs nobody in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from repcoach.errors import InvalidInput, Problem, RepcoachError
from repcoach.store import Store
from repcoach.store.records import AccountRecord

LOGIN_LIFETIME = timedelta(days=30)
PASSWORD_LENGTH = (8, 256)
"""NIST SP 800-63B: at least 8 characters; the upper bound keeps one hash from costing a second."""
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")

_hasher = PasswordHasher()


class ClaimRefused(RepcoachError):
    """The single-user history cannot go to that account; the message says why."""


class SignInFailed(RepcoachError):
    """Wrong username or password; deliberately not saying which."""

    def __init__(self) -> None:
        super().__init__("Wrong username or password.")


@dataclass(frozen=True)
class Login:
    account: AccountRecord
    token: str
    """The secret for the session cookie; never stored."""
    expires_at: datetime
    took_history: bool = False
    """A first account registered over single-user history: that history is now this account's."""


def token_hash(token: str) -> str:
    """What the store keeps of a login token."""
    return hashlib.sha256(token.encode()).hexdigest()


def register(store: Store, username: str, password: str, now: datetime) -> Login:
    """Create an account and sign it in.

    Raises:
        InvalidInput: the username or password breaks the rules, with the field named.
        NameTaken: the username belongs to someone else.
    """
    name = username.strip().lower()
    problems = []
    if not USERNAME.fullmatch(name):
        problems.append(
            Problem(
                "a username is 3-32 letters, digits, '.', '_' or '-', starting with a letter or digit",
                field="username",
            )
        )
    low, high = PASSWORD_LENGTH
    if not low <= len(password) <= high:
        problems.append(
            Problem(f"a password has {low} to {high} characters, this one has {len(password)}", field="password")
        )
    if problems:
        raise InvalidInput(problems)
    account = store.accounts.create(name, _hasher.hash(password), now)
    took = store.accounts.claim_single_user_history(account.id, first_account_only=True)
    return replace(_open_login(store, account, now), took_history=took)


def claim_history(store: Store, username: str) -> AccountRecord:
    """Give the single-user app's history to the account ``username`` (``repcoach accounts claim``).

    Raises:
        ClaimRefused: no such account, no unclaimed single-user history, or the account has a profile already.
    """
    stored = store.accounts.find(username.strip())
    if stored is None:
        raise ClaimRefused(f"There is no account '{username}'.")
    if not store.accounts.claim_single_user_history(stored.account.id, first_account_only=False):
        raise ClaimRefused(
            f"Nothing to claim for '{stored.account.username}': there is no single-user history left, "
            "or the account has a profile of its own already (its history stays apart)."
        )
    return stored.account


def sign_in(store: Store, username: str, password: str, now: datetime) -> Login:
    """Check the password and open a login.

    Raises:
        SignInFailed: no such account, or the wrong password (the time taken is the same for both).
    """
    stored = store.accounts.find(username.strip())
    try:
        _hasher.verify(stored.password_hash if stored else _unknown_user_hash(), password)
    except (VerificationError, InvalidHashError):
        raise SignInFailed() from None
    if stored is None:
        raise SignInFailed()
    if _hasher.check_needs_rehash(stored.password_hash):
        store.accounts.replace_password_hash(stored.account.id, _hasher.hash(password))
    return _open_login(store, stored.account, now)


def signed_in(store: Store, token: str, now: datetime) -> AccountRecord | None:
    """The account a cookie's token belongs to, or None (unknown, expired or signed out)."""
    return store.accounts.signed_in(token_hash(token), now)


def sign_out(store: Store, token: str) -> None:
    store.accounts.close_login(token_hash(token))


def _open_login(store: Store, account: AccountRecord, now: datetime) -> Login:
    token = secrets.token_urlsafe(32)
    expires_at = now + LOGIN_LIFETIME
    store.accounts.open_login(account.id, token_hash(token), now, expires_at)
    return Login(account, token, expires_at)


@cache
def _unknown_user_hash() -> str:
    """A hash to check unknown usernames against, so they cost as much time as known ones."""
    return _hasher.hash(secrets.token_hex(16))
