"""Accounts and login sessions, for multi-user servers. Passwords arrive here already hashed."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from repcoach.errors import NameTaken
from repcoach.store.database import one_statement
from repcoach.store.models import Account, LoginSession, Profile
from repcoach.store.records import AccountRecord, StoredLogin

UnitOfWork = Callable[[], AbstractContextManager[Session]]
SIGNED_IN = (
    select(Account.id, Account.username, Account.created_at, LoginSession.expires_at)
    .join(LoginSession, LoginSession.account_id == Account.id)
    .where(LoginSession.token_hash == bindparam("token_hash"))
)


class AccountRepository:
    """Reads and writes of accounts and logins, each one transaction of the store it belongs to."""

    def __init__(self, engine: Engine, unit_of_work: UnitOfWork) -> None:
        self._engine = engine
        self._unit_of_work = unit_of_work

    def create(self, username: str, password_hash: str, at: datetime) -> AccountRecord:
        """A new account under ``username`` (compared without case).

        Raises:
            NameTaken: the name belongs to another account.
        """
        row = Account(username=username.lower(), password_hash=password_hash, created_at=at)
        try:
            with self._unit_of_work() as db:
                db.add(row)
        except IntegrityError:
            raise NameTaken(f"The username '{username}' is taken; choose another.") from None
        return _account_record(row)

    def claim_single_user_history(self, account_id: int, *, first_account_only: bool) -> bool:
        """Give the single-user app's profile (its history, bells and settings) to the account, in one statement.

        Only when no account owns it yet and this account has no profile of its own; with
        ``first_account_only``, only when this is the server's one account. Returns whether it was given.
        """
        single_user = select(func.min(Profile.id)).where(Profile.account_id.is_(None)).scalar_subquery()
        own = select(Profile.id).where(Profile.account_id == account_id).exists()
        claim = update(Profile).where(Profile.id == single_user, ~own).values(account_id=account_id)
        if first_account_only:
            claim = claim.where(select(func.count(Account.id)).scalar_subquery() == 1)
        with self._unit_of_work() as db:
            claimed = cast(CursorResult[Any], db.execute(claim.execution_options(synchronize_session=False)))
            return claimed.rowcount > 0

    def single_user_history_unclaimed(self) -> bool:
        """Whether the single-user app's profile is there for no account yet (and there are no accounts)."""
        with self._unit_of_work() as db:
            accounts = db.scalar(select(func.count(Account.id)))
            return (
                not accounts and db.scalar(select(Profile.id).where(Profile.account_id.is_(None)).limit(1)) is not None
            )

    def find(self, username: str) -> StoredLogin | None:
        """The account called ``username`` with its password hash, for checking a login."""
        with self._unit_of_work() as db:
            row = db.scalars(select(Account).where(Account.username == username.lower())).first()
            return StoredLogin(_account_record(row), row.password_hash) if row else None

    def replace_password_hash(self, account_id: int, password_hash: str) -> None:
        """Store a fresh hash of the same password (when the hashing parameters were raised)."""
        with self._unit_of_work() as db:
            account = db.get(Account, account_id)
            if account is not None:
                account.password_hash = password_hash

    def open_login(self, account_id: int, token_hash: str, at: datetime, expires_at: datetime) -> None:
        with self._unit_of_work() as db:
            db.add(LoginSession(token_hash=token_hash, account_id=account_id, created_at=at, expires_at=expires_at))

    def signed_in(self, token_hash: str, now: datetime) -> AccountRecord | None:
        """The account a login token belongs to, unless it is unknown or expired (then it is removed).

        One statement, with no ORM: every request of a signed-in user asks.
        """
        with one_statement(self._engine) as connection:
            row = connection.execute(SIGNED_IN, {"token_hash": token_hash}).first()
        if row is None:
            return None
        if row.expires_at <= now:
            self.close_login(token_hash)
            return None
        return AccountRecord(id=row.id, username=row.username, created_at=row.created_at)

    def close_login(self, token_hash: str) -> None:
        """Sign the token out; unknown tokens are ignored."""
        with self._unit_of_work() as db:
            db.execute(delete(LoginSession).where(LoginSession.token_hash == token_hash))


def _account_record(row: Account) -> AccountRecord:
    return AccountRecord(id=row.id, username=row.username, created_at=row.created_at)
