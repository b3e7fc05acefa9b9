"""Weights are stored in kilograms and shown in the user's unit."""

from __future__ import annotations

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
