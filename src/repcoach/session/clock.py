"""Where session time comes from: injected, so the engine is tested by moving a clock by hand.

Only :class:`MonotonicClock` reads the real time; everything else in ``session/`` asks a
:class:`Clock`. Readings are seconds; only differences between two readings mean anything.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds."""

    def now(self) -> float:
        """The current reading, in seconds; never smaller than an earlier reading."""
        ...


class MonotonicClock:
    """The real clock: ``time.monotonic()``, which never jumps when the wall clock is changed."""

    def now(self) -> float:
        """Seconds since an arbitrary fixed point."""
        return time.monotonic()


class ScaledClock:
    """Time running ``factor`` times faster than ``base``: for demos and end-to-end tests.

    ``REPCOACH_TIME_SCALE=100`` makes a 90 s rest last 0.9 real seconds. Readings start at
    ``base``'s reading when the clock is made and move ``factor`` seconds per ``base`` second.
    """

    def __init__(self, factor: float, base: Clock | None = None) -> None:
        """Make the clock.

        Args:
            factor: how many times faster than ``base`` time runs; above 0.
            base: the clock to speed up; a :class:`MonotonicClock` when not given.

        Raises:
            ValueError: ``factor`` is not above 0.
        """
        if not factor > 0:
            raise ValueError(f"a time scale must be above 0, got {factor}")
        self.factor = factor
        """Clock seconds per ``base`` second."""
        self.base: Clock = base if base is not None else MonotonicClock()
        self._start = self.base.now()

    def now(self) -> float:
        """The scaled reading."""
        return self._start + (self.base.now() - self._start) * self.factor


class FakeClock:
    """A clock that moves only when told to, for tests."""

    def __init__(self, start: float = 1000.0) -> None:
        """Start at ``start`` seconds."""
        self._now = start

    def now(self) -> float:
        """The reading set by the last :meth:`advance`."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds``.

        Raises:
            ValueError: ``seconds`` is negative (a monotonic clock never goes back).
        """
        if seconds < 0:
            raise ValueError(f"a monotonic clock cannot go back (advance by {seconds})")
        self._now += seconds


def clock_speed(clock: Clock) -> float:
    """Clock seconds per real second: the (compounded) factor of a :class:`ScaledClock`, else 1.

    A waiter needs it to turn a wait on the clock into a real sleep.
    """
    speed = 1.0
    while isinstance(clock, ScaledClock):
        speed *= clock.factor
        clock = clock.base
    return speed
