"""Login rate limiting: a few wrong passwords per name and address, then a wait.

Pure and in memory (one server process): it takes the time from the caller, so tests step it.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field

WINDOW_SECONDS = 15 * 60.0
FAILURES_PER_ACCOUNT = 5
"""Wrong passwords for one username from one address within the window."""
FAILURES_PER_ADDRESS = 20
"""Wrong passwords from one address across usernames (guessing many names) within the window."""
MAX_TRACKED = 10_000
"""Keys remembered at most, oldest forgotten first, so a flood of names cannot exhaust memory."""


@dataclass
class LoginThrottle:
    window: float = WINDOW_SECONDS
    per_account: int = FAILURES_PER_ACCOUNT
    per_address: int = FAILURES_PER_ADDRESS
    _failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)

    def wait_seconds(self, username: str, address: str, now: float) -> float:
        """How long this address must wait before trying ``username`` again; 0 when it may try now."""
        waits = [
            self._wait(key, limit, now)
            for key, limit in ((_account_key(username, address), self.per_account), (address, self.per_address))
        ]
        return max(waits)

    def failed(self, username: str, address: str, now: float) -> None:
        for key in (_account_key(username, address), address):
            times = self._failures.pop(key, deque())
            times.append(now)
            self._failures[key] = times
        while len(self._failures) > MAX_TRACKED:
            self._failures.popitem(last=False)

    def succeeded(self, username: str, address: str) -> None:
        """A right password clears that name's failures (not the address's)."""
        self._failures.pop(_account_key(username, address), None)

    def _wait(self, key: str, limit: int, now: float) -> float:
        times = self._failures.get(key)
        if not times:
            return 0.0
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < limit:
            return 0.0
        return times[-limit] + self.window - now


def _account_key(username: str, address: str) -> str:
    return f"{username.strip().lower()}\n{address}"
