"""Where session time comes from: injected, so the engine is tested by moving a clock by hand."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds; only differences between two readings mean anything."""

    def now(self) -> float:
        """The current reading."""
        ...


class MonotonicClock:
    """The real clock: never jumps when the wall clock is changed."""

    def now(self) -> float:
        return time.monotonic()


class ScaledClock:
    """Time running ``factor`` times faster than ``base``, for demos and end-to-end tests."""

    def __init__(self, factor: float, base: Clock | None = None) -> None:
        if factor <= 0:
            raise ValueError(f"a time scale must be above 0, got {factor}")
        self.factor = factor
        self._base = base or MonotonicClock()
        self._start = self._base.now()

    def now(self) -> float:
        return self._start + (self._base.now() - self._start) * self.factor


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds``."""
        self._now += seconds
