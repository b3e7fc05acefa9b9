"""The session's errors: one for events that do not fit, one for stored events that do not parse."""

from __future__ import annotations

from repcoach.errors import RepcoachError


class EngineError(RepcoachError):
    """An event that does not fit the current step; the message is a sentence a user can read."""


class EventFormatError(EngineError, ValueError):
    """A stored event (a dict) that is not a valid event: unknown kind, unknown field or wrong type."""
