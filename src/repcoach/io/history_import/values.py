"""The values of an export's cells as the apps write them, each refused with a sentence when wrong.

Every parser raises :class:`BadValue`; the reader adds the line and column it came from.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from functools import lru_cache
from typing import TypeVar

from repcoach.units import to_metres

NOISE_DIGITS = 3
"""Strong writes 150 lb as 149.99999999999997; three decimals keep every real plate (1.125 kg) and drop that."""

WEIGHT_UNITS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}


class BadValue(ValueError):
    """A cell that cannot be read, with a sentence saying what was expected."""


_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


def number(text: str, what: str) -> float | None:
    """``62.5``, ``62,5`` (a decimal comma), ``5.0``; None for an empty cell; float noise rounded away."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        if not _DECIMAL_COMMA.fullmatch(cleaned):
            raise BadValue(f"the {what} '{cleaned}' is not a number") from None
        value = float(cleaned.replace(",", "."))
    if not math.isfinite(value):
        raise BadValue(f"the {what} '{cleaned}' is not a number")
    return round(value, NOISE_DIGITS)


def count(text: str, what: str) -> int | None:
    """A whole, non-negative number such as reps, written ``8`` or ``8.0``; None when empty."""
    value = number(text, what)
    if value is None:
        return None
    if value < 0 or value != int(value):
        raise BadValue(f"the {what} '{text.strip()}' is not a whole number of 0 or more")
    return int(value)


Amount = TypeVar("Amount", int, float)


def positive(value: Amount | None) -> Amount | None:
    """Weights, distances and times of 0 mean "none" in every app's export."""
    return value if value is not None and value > 0 else None


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d %b %Y, %H:%M",  # Hevy: 8 Apr 2026, 16:50
    "%d %B %Y, %H:%M",
    "%b %d, %Y, %H:%M",
    "%Y-%m-%d",  # FitNotes: a day, no time
)


@lru_cache(maxsize=4096)
def local_time(text: str) -> datetime:
    """A date and time as the apps write them, naive (in the user's time zone).

    Cached: a workout's rows repeat its start, and a long history is tens of thousands of rows.
    """
    cleaned = " ".join(text.replace("Sept ", "Sep ").split())
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, layout)
        except ValueError:
            continue
    raise BadValue(f"'{text.strip()}' is not a date; expected one like 2026-04-08 16:50:00 or 8 Apr 2026, 16:50")


_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")


def duration(text: str, what: str) -> int | None:
    """Seconds from ``1h 5m``, ``45m``, ``30s`` (Strong), ``1:05:00`` or ``5:30`` (FitNotes) or ``3900``."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if cleaned.isdecimal():
        return int(cleaned)
    if clock := _CLOCK.match(cleaned):
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return hours * 3600 + minutes * 60 + seconds
    spelled = _DURATION.match(cleaned)
    if spelled and any(spelled.groups()):
        hours, minutes, seconds = (int(part or 0) for part in spelled.groups())
        return hours * 3600 + minutes * 60 + seconds
    plain = number(cleaned, what)
    if plain is None or plain < 0:
        raise BadValue(f"the {what} '{cleaned}' is not a duration like 1h 5m, 1:05:00 or 3900")
    return int(plain)


def weight_unit(text: str, what: str) -> str | None:
    """``kg``, ``lbs`` and their spellings; None for an empty cell."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned not in WEIGHT_UNITS:
        raise BadValue(f"the {what} '{text.strip()}' is not kg or lbs")
    return WEIGHT_UNITS[cleaned]


@lru_cache(maxsize=4096)
def metres(value: float | None, unit: str, what: str) -> float | None:
    """A distance in ``unit`` (m, km, mi, ft, yd, in any spelling) in metres; a distance of 0 is none, in any unit.

    Cached: it is asked on every row, mostly of none.
    """
    if not value:
        return None
    found = to_metres(value, unit)
    if found is None:
        raise BadValue(f"the {what} '{unit.strip()}' is not one of m, km, mi, ft, yd")
    return found
