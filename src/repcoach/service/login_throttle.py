"""Login rate limiting: a few wrong passwords per name and address, then a wait.

Every attempt is counted in the database before its password is checked (the count and the check
are one step, :class:`~repcoach.store.login_attempts.LoginAttemptRepository`), so parallel attempts
cannot all pass, and every server process shares the counts. A right password clears its name's
count and takes its attempt back from the address's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from repcoach.store import Store

WINDOW = timedelta(minutes=15)
FAILURES_PER_ACCOUNT = 5
"""Wrong passwords for one username from one address within the window."""
FAILURES_PER_ADDRESS = 20
"""Wrong passwords from one address across usernames (guessing many names) within the window."""
MAX_NAME_IN_KEY = 64
"""Characters of a typed username kept in its key (longer names are no account's)."""


@dataclass(frozen=True)
class LoginThrottle:
    window: timedelta = WINDOW
    per_account: int = FAILURES_PER_ACCOUNT
    per_address: int = FAILURES_PER_ADDRESS

    def admit(self, store: Store, username: str, address: str, now: datetime) -> float:
        """Count this attempt; 0 when it may check its password, else the seconds to wait before trying again."""
        attempts = store.login_attempts
        for key, limit in (
            (_account_key(username, address), self.per_account),
            (_address_key(address), self.per_address),
        ):
            count, began = attempts.count(key, now, self.window)
            if count > limit:
                return max(1.0, (began + self.window - now).total_seconds())
        return 0.0

    def succeeded(self, store: Store, username: str, address: str) -> None:
        """A right password clears that name's failures, and is not held against the address."""
        store.login_attempts.clear(_account_key(username, address))
        store.login_attempts.take_back(_address_key(address))


def _account_key(username: str, address: str) -> str:
    return f"name {address} {username.strip().lower()[:MAX_NAME_IN_KEY]}"


def _address_key(address: str) -> str:
    return f"address {address}"
