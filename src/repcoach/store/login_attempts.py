"""Sign-in attempts counted per key in the database: one atomic step per attempt, for every server process."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, bindparam, case, delete, update
from sqlalchemy.dialects import postgresql, sqlite

from repcoach.store.models import LoginAttempts, UTCDateTime

_STALE_BEFORE = bindparam("stale_before", type_=UTCDateTime())
_NOW = bindparam("now", type_=UTCDateTime())


class LoginAttemptRepository:
    """Counts of sign-in attempts, each key's in a window that starts at its first attempt."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        upsert = (postgresql if engine.dialect.name == "postgresql" else sqlite).insert(LoginAttempts)
        stale = LoginAttempts.window_start <= _STALE_BEFORE
        self._count = (
            upsert.values(key=bindparam("key"), window_start=_NOW, count=1)
            .on_conflict_do_update(
                index_elements=[LoginAttempts.key],
                set_={
                    "count": case((stale, 1), else_=LoginAttempts.count + 1),
                    "window_start": case((stale, _NOW), else_=LoginAttempts.window_start),
                },
            )
            .returning(LoginAttempts.count, LoginAttempts.window_start)
        )

    def count(self, key: str, now: datetime, window: timedelta) -> tuple[int, datetime]:
        """Count an attempt against ``key``; its attempts in its window with this one, and when the window began.

        A window over (begun ``window`` or longer before ``now``) starts again at ``now``. The count is one
        statement, so two attempts at once are counted one after the other, never both as the same number.
        Windows over for every key are forgotten in the same transaction, so the table stays small.
        """
        times = {"now": now, "stale_before": now - window}
        with self._engine.begin() as connection:
            connection.execute(delete(LoginAttempts).where(LoginAttempts.window_start <= _STALE_BEFORE), times)
            count, began = connection.execute(self._count, {"key": key, **times}).one()
        return int(count), began

    def take_back(self, key: str) -> None:
        """Count one attempt against ``key`` less (a right password from an address)."""
        with self._engine.begin() as connection:
            connection.execute(
                update(LoginAttempts).where(LoginAttempts.key == key).values(count=LoginAttempts.count - 1)
            )

    def clear(self, key: str) -> None:
        """Forget ``key``'s attempts (a right password for a name)."""
        with self._engine.begin() as connection:
            connection.execute(delete(LoginAttempts).where(LoginAttempts.key == key))
