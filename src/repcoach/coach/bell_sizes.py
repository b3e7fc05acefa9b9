"""Kettlebells come in fixed sizes: the standard sizes, the next one up or down, and which owned bell is next.

Sizes go by the user's unit: a kg user steps through 4, 6, 8 … 24 kg in 2 kg steps and then 4 kg steps
(28, 32 … 48 kg); a lb user through 5-lb steps (5 … 100 lb). A usual set jumps 4 kg (or 10 lb) between
bells; anything smaller is an intermediate, and anything larger skips a size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from repcoach.units import Unit, format_weight, to_kg

KG_SIZES: tuple[float, ...] = (4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40, 44, 48)
"""Competition and cast-iron kettlebell sizes sold in kilograms."""
LB_SIZES: tuple[float, ...] = tuple(float(pounds) for pounds in range(5, 105, 5))
"""Kettlebell sizes sold in pounds: 5-lb steps."""
USUAL_STEP: dict[Unit, float] = {"kg": 4.0, "lb": 10.0}
"""The jump between neighbouring bells of a usual set (8, 12, 16, 20 kg; 15, 25, 35 lb), in that unit."""
SAME_BELL = 0.01
"""Bells within 1 % are the same size: 16 kg and "35 lb" (15.9 kg) round to each other's label."""


def owned_bells(bells_kg: Iterable[float]) -> list[float]:
    """The user's bells, lightest first, without repeats.

    Raises:
        ValueError: a bell of 0 or less, named with its value.
    """
    bells = sorted(set(bells_kg))
    for bell in bells:
        if bell <= 0:
            raise ValueError(f"a bell of {bell:g} kg is impossible; list each bell you own as a weight above 0")
    return bells


def standard_sizes(unit: Unit) -> tuple[float, ...]:
    """The standard sizes in the user's unit, in kilograms, lightest first."""
    return tuple(to_kg(size, unit) for size in (KG_SIZES if unit == "kg" else LB_SIZES))


def next_size_up(kg: float, unit: Unit) -> float | None:
    """The smallest standard size heavier than ``kg``, in kilograms; None above the heaviest."""
    return next((size for size in standard_sizes(unit) if size > kg * (1 + SAME_BELL)), None)


def next_size_down(kg: float, unit: Unit) -> float | None:
    """The largest standard size lighter than ``kg``, in kilograms; None below the lightest."""
    return next((size for size in reversed(standard_sizes(unit)) if size < kg * (1 - SAME_BELL)), None)


def heavier_owned(kg: float, bells_kg: Sequence[float]) -> float | None:
    """The lightest owned bell heavier than ``kg``, or None."""
    return min((bell for bell in bells_kg if bell > kg * (1 + SAME_BELL)), default=None)


def lighter_owned(kg: float, bells_kg: Sequence[float]) -> float | None:
    """The heaviest owned bell lighter than ``kg``, or None."""
    return max((bell for bell in bells_kg if bell < kg * (1 - SAME_BELL)), default=None)


def is_usual_step(from_kg_: float, to_kg_: float, unit: Unit) -> bool:
    """Whether ``to_kg_`` is at most one usual set's jump above ``from_kg_`` (16 → 20 kg yes, 12 → 20 kg no).

    A 15 % margin lets a set bought in the other unit count: 25 → 35 lb is 4.5 kg.
    """
    return to_kg_ - from_kg_ <= to_kg(USUAL_STEP[unit], unit) * 1.15


def buy_next_sentence(current_kg: float, buy_kg: float, unit: Unit) -> str:
    """Why to buy ``buy_kg`` next, as one sentence: the next size up (or down) from the bell in use."""
    way = "up" if buy_kg > current_kg else "down"
    return f"Buy a {format_weight(buy_kg, unit)} bell next: the next size {way} from {format_weight(current_kg, unit)}."
