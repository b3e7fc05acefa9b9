"""Uploaded history files waiting for the user to confirm the preview.

A browser cannot send a chosen file twice, so the preview keeps the upload here under a random
token, which the confirm form sends back. Bounded in number and age, since they sit in memory,
and bound to their owner, so a token from one account is useless to another.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from repcoach.io.history_import import Source
from repcoach.units import Unit

MAX_PENDING = 16
"""Uploads kept at once; the oldest goes first."""
MAX_AGE_SECONDS = 30 * 60


@dataclass(frozen=True)
class PendingImport:
    owner: int | None
    """The account that uploaded it (None in the single-user app)."""
    file_name: str
    data: bytes
    source: Source | None
    unit: Unit | None
    created: float


class PendingImports:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._items: OrderedDict[str, PendingImport] = OrderedDict()

    def keep(self, owner: int | None, file_name: str, data: bytes, source: Source | None, unit: Unit | None) -> str:
        """Keep an upload; the token to confirm it with."""
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._forget_old()
            self._items[token] = PendingImport(owner, file_name, data, source, unit, self._clock())
            while len(self._items) > MAX_PENDING:
                self._items.popitem(last=False)
        return token

    def take(self, token: str, owner: int | None) -> PendingImport | None:
        """The upload under ``token`` if it is ``owner``'s and still fresh, removed so it is stored once."""
        with self._lock:
            self._forget_old()
            pending = self._items.get(token)
            if pending is None or pending.owner != owner:
                return None
            del self._items[token]
            return pending

    def _forget_old(self) -> None:
        now = self._clock()
        for token in [token for token, item in self._items.items() if now - item.created > MAX_AGE_SECONDS]:
            del self._items[token]
