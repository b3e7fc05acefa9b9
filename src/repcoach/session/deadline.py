"""Waiting for a deadline on a session clock without drift: sleep most of the way, then close in.

The engine never sleeps; the edges (CLI beeps, the benchmark) do, through :func:`wait_until`.
A sleep wakes late by an unknown amount, so a long wait sleeps until ``margin`` before the
deadline, then takes short sleeps, re-reading the clock each time, until it is reached: the
lateness is that of one short sleep, not of the long one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from repcoach.session.clock import Clock, clock_speed

COARSE_MARGIN = 0.005
"""Real seconds before a deadline at which the one long sleep stops."""
FINE_STEP = 0.0005
"""The longest of the short sleeps that close in on a deadline, in real seconds."""
_SHORTEST = 1e-6
"""The shortest sleep, in real seconds: float rounding must not leave a fake clock a hair short forever."""

Sleep = Callable[[float], None]
"""Sleeps for the given real seconds: ``time.sleep``, or a fake that moves a FakeClock."""


def wait_until(
    clock: Clock,
    deadline: float,
    sleep: Sleep = time.sleep,
    *,
    margin: float = COARSE_MARGIN,
    step: float = FINE_STEP,
) -> float:
    """Return at ``deadline`` on ``clock`` (just after it), or at once if it has passed.

    Sleeps are in real seconds: on a :class:`ScaledClock` running 100 times faster, a wait of
    10 clock seconds sleeps 0.1 s.

    Args:
        clock: the session clock the deadline is on.
        deadline: the clock reading to wait for.
        sleep: the sleeping function; inject a fake in tests.
        margin: real seconds before the deadline at which the long sleep stops.
        step: the longest of the short sleeps that close in on the deadline, in real seconds.

    Returns:
        The clock reading on return: ``deadline`` or a little after, never before.
    """
    speed = clock_speed(clock)
    while (left := (deadline - clock.now()) / speed) > 0:
        sleep(left - margin if left > margin + step else max(min(left, step), _SHORTEST))
    return clock.now()
