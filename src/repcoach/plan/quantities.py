"""Parsing of the small quantities plan files are written in: ranges (``6-10``) and durations (``2 min``).

Plan files are written by people, so a rest may be ``90``, ``"90 s"``, ``"1:30"`` or ``"2 min"``;
everything is held as whole seconds.
"""

from __future__ import annotations

import re
from typing import Any

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes)?\s*$")
_CLOCK = re.compile(r"^\s*(\d+):([0-5]\d)\s*$")
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$")


def parse_seconds(value: Any) -> Any:
    """Turn ``90``, ``"90 s"``, ``"1:30"`` or ``"2 min"`` into whole seconds.

    Values it does not recognise are returned unchanged, so that pydantic reports them
    with the field they belong to.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (int, float)):
        return value
    if clock := _CLOCK.match(value):
        return int(clock[1]) * 60 + int(clock[2])
    if duration := _DURATION.match(value):
        amount = float(duration[1])
        unit = (duration[2] or "s").lower()
        seconds = amount * 60 if unit.startswith("m") else amount
        return int(seconds) if seconds == int(seconds) else seconds
    return value


def parse_range(value: Any, *, unit_pattern: str = "") -> Any:
    """Turn ``"6-10"``, ``"6 to 10"``, ``8`` or ``[6, 10]`` into ``{"low": .., "high": ..}``.

    ``unit_pattern`` is a regex of a unit word allowed after the numbers (``"s|sec|seconds"``).
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"low": value, "high": value}
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return {"low": value[0], "high": value[1]}
    if isinstance(value, str):
        text = value
        if unit_pattern:
            text = re.sub(rf"\s*(?:{unit_pattern})\s*$", "", text, flags=re.IGNORECASE)
        if matched := _RANGE.match(text):
            return {"low": int(matched[1]), "high": int(matched[2])}
        if text.strip().isdecimal():
            return {"low": int(text), "high": int(text)}
    return value


def format_seconds(seconds: int) -> str:
    """Show a duration as a person says it: ``45 s``, ``90 s``, ``2 min``, ``2 min 30 s``."""
    if seconds < 60 or (seconds < 120 and seconds % 60):
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
