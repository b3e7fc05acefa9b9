"""Weights are stored in kilograms and shown in the user's unit."""

from __future__ import annotations

import re
from typing import Literal

Unit = Literal["kg", "lb"]
KG_PER_LB = 0.45359237
"""Exact, by the international yard and pound agreement."""


def to_kg(value: float, unit: Unit) -> float:
    """Convert a weight in ``unit`` to kilograms."""
    return value * KG_PER_LB if unit == "lb" else value


def from_kg(kg: float, unit: Unit) -> float:
    """Convert kilograms to ``unit``."""
    return kg / KG_PER_LB if unit == "lb" else kg


def format_weight(kg: float, unit: Unit) -> str:
    """Show a weight the way a gym label does: ``16 kg``, ``35 lb``, ``17.5 kg``."""
    value = round(from_kg(kg, unit), 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"


_WEIGHT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(kg|kgs|lb|lbs)?\s*$", re.IGNORECASE)


def parse_weight(text: str, unit: Unit) -> float:
    """A weight typed by a user, ``12``, ``12kg``, ``26.5 lb``, in kilograms.

    A bare number is in ``unit``; a unit written after it wins.

    Raises:
        ValueError: not a positive weight, with a sentence saying what is allowed.
    """
    matched = _WEIGHT.match(text)
    if not matched or float(matched[1].replace(",", ".")) <= 0:
        raise ValueError(f"'{text.strip()}' is not a weight; write a number above 0, like 12 or 12kg or 26 lb")
    written = (matched[2] or unit).lower().rstrip("s")
    return to_kg(float(matched[1].replace(",", ".")), "lb" if written == "lb" else "kg")


def parse_weights(text: str, unit: Unit) -> list[float]:
    """A list of weights typed as ``8 12 16`` or ``8, 12, 16 kg``, sorted, in kilograms."""
    parts = [part for part in re.split(r"[,\s]+", text.strip()) if part]
    if parts and parts[-1].lower() in ("kg", "kgs", "lb", "lbs"):
        suffix = parts.pop()
        parts = [part + suffix for part in parts]
    return sorted({parse_weight(part, unit) for part in parts})
