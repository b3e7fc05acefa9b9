"""A countdown in digits five lines tall, readable from across the room."""

from __future__ import annotations

_FONT = {
    "0": ("███", "█ █", "█ █", "█ █", "███"),
    "1": (" █ ", "██ ", " █ ", " █ ", "███"),
    "2": ("███", "  █", "███", "█  ", "███"),
    "3": ("███", "  █", "███", "  █", "███"),
    "4": ("█ █", "█ █", "███", "  █", "  █"),
    "5": ("███", "█  ", "███", "  █", "███"),
    "6": ("███", "█  ", "███", "█ █", "███"),
    "7": ("███", "  █", "  █", "  █", "  █"),
    "8": ("███", "█ █", "███", "█ █", "███"),
    "9": ("███", "█ █", "███", "  █", "███"),
    ":": ("   ", " █ ", "   ", " █ ", "   "),
}


def clock_text(seconds: float) -> str:
    """``m:ss`` for a number of seconds, rounded up so a countdown shows 0:00 only at the end."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


def big(text: str) -> str:
    """``text`` (digits and colons) drawn five lines tall."""
    rows = [" ".join(_FONT[char][row] for char in text) for row in range(5)]
    return "\n".join(rows)
