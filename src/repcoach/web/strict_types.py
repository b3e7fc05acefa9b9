"""Types of the API's bodies and queries that take what their OpenAPI schema says, and nothing looser.

A JSON Schema ``integer`` holds ``8.0`` as well as ``8`` (the same number), never ``false`` nor ``"8"``;
a time is ISO 8601 text with its zone, never a number of seconds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, WithJsonSchema

YEARS = "^(19|2[0-9])[0-9]{2}-"
"""The API takes times written in the years 1900-2999: no set is older, and times at the ends of the calendar
overflow in arithmetic (28 days before 0001-01-08). As a pattern, the schema states it."""


def _whole(value: object) -> object:
    """``8.0`` is the whole number 8, as JSON Schema counts it; anything else goes to the strict check as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iso_only(value: object) -> object:
    """Refuse a bare number, which would be read as seconds since 1970 (``until=0.5``)."""
    if isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdecimal():
        raise ValueError("a time is written in ISO 8601 with its zone, e.g. 2026-12-01T00:00:00Z")
    return value


def _in_our_times(value: datetime) -> datetime:
    """The year as written (its zone may put it a few hours into the next or last)."""
    if not 1900 <= value.year <= 2999:
        raise ValueError("a time is between the years 1900 and 2999")
    return value


AS_WHOLE_NUMBER = BeforeValidator(_whole)
"""Put after a strict ``int`` with its range, ``Annotated[int, Field(strict=True, ge=0, le=9), AS_WHOLE_NUMBER]``:
a JSON integer (``8`` or ``8.0``, not a flag nor text), in a range the schema states (constraints put outside
the annotation reach the schema as unknown keywords)."""
IsoTime = Annotated[
    AwareDatetime,
    BeforeValidator(_iso_only),
    AfterValidator(_in_our_times),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": YEARS}),
]
"""A time with its zone, in ISO 8601, between the years 1900 and 2999."""
