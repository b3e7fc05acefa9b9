"""Weights are stored in kilograms and shown in the user's unit; distances are stored in metres."""

from __future__ import annotations

import re
from typing import Literal

Unit = Literal["kg", "lb"]
KG_PER_LB = 0.45359237
"""Exact, by the international yard and pound agreement."""
DISTANCE_METRES = {
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "km": 1000.0, "kms": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0,
    "mi": 1609.344, "mile": 1609.344, "miles": 1609.344,
    "ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "yd": 0.9144, "yds": 0.9144, "yard": 0.9144, "yards": 0.9144,
}  # fmt: skip
"""Distance units as apps and articles spell them, in lower case, without a final dot (Strong on Android
writes ``mi.``)."""

_DISTANCE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-z]+\.?)?\s*$", re.IGNORECASE)


def to_metres(amount: float, unit: str) -> float | None:
    """``amount`` in ``unit`` (m, km, mi, ft, yd, in any spelling and case, with a final dot or not) in metres,
    to the centimetre; None when ``unit`` is no distance unit."""
    factor = DISTANCE_METRES.get(unit.strip().lower().rstrip("."))
    return None if factor is None else round(amount * factor, 2)


def parse_distance(text: str) -> float:
    """A distance written ``400 m``, ``400m``, ``1.5 km``, ``1 mile`` or ``50 yd``, in metres; a bare number is metres.

    Raises:
        ValueError: not a distance above 0, with a sentence saying how to write one.
    """
    matched = _DISTANCE.match(text)
    amount = float(matched[1].replace(",", ".")) if matched else 0.0
    metres = to_metres(amount, matched[2] or "m") if matched else None
    if metres is None or amount <= 0:
        raise ValueError(f"'{text.strip()}' is not a distance; write a number above 0 and a unit, like 400 m or 1 mile")
    return metres


def format_distance(metres: float) -> str:
    """Show a distance as a workout says it: ``400 m``, ``1.5 km``, ``1 mile`` (for a whole number of miles)."""
    miles = metres / DISTANCE_METRES["mile"]
    if metres >= 1000 and abs(miles - round(miles)) < 0.001:
        return f"{round(miles)} mile" + ("s" if round(miles) > 1 else "")
    if metres >= 1000:
        return f"{metres / 1000:.3g} km"
    return f"{metres:.1f}".rstrip("0").rstrip(".") + " m"


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
