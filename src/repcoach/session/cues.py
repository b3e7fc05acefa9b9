"""When a rest's beeps are due: a countdown before the end, and the end itself."""

from __future__ import annotations

COUNTDOWN_BEEPS = (3, 2, 1)
"""Seconds before the end of a rest at which a countdown beep sounds; the end beep comes at 0."""


def cue_deadlines(rest_end: float, now: float) -> list[float]:
    """The clock readings of a rest's beeps still to come, earliest first.

    The last one, when present, is always the end beep at ``rest_end``.

    Args:
        rest_end: the clock reading at which the rest ends.
        now: the current reading; beeps at or before it are left out.
    """
    times = [rest_end - before for before in COUNTDOWN_BEEPS] + [rest_end]
    return [time for time in times if time > now]
