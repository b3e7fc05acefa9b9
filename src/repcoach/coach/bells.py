"""Which of the user's own bells a move starts with.

Kettlebells come in fixed sizes, so advice is always one of the bells the user owns. A move
the user has done before keeps its last bell (progression from effort ratings refines this);
a new move starts from the plan's load guide ("light-medium: about 5-15 lb"), toward the light
end for a beginner and the heavy end for an advanced lifter, preferring a bell inside the
guide's range to one merely near it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from repcoach.plan import LOAD_CLASSES, LoadClass, LoadGuide
from repcoach.units import Unit, format_weight, from_kg, to_kg

Experience = Literal["beginner", "intermediate", "advanced"]
EXPERIENCE_LEVELS: tuple[Experience, ...] = ("beginner", "intermediate", "advanced")

GUIDE_TOLERANCE = 0.05
"""Guides say "about": a bell within 5 % of a bound (16 kg for "35 lb") counts as inside."""

_POINT_IN_GUIDE: dict[Experience, float] = {"beginner": 0.0, "intermediate": 0.5, "advanced": 1.0}
"""Where in the guide's range each level aims: its low end, middle or high end."""


_LIFTER: dict[Experience, str] = {
    "beginner": "a beginner",
    "intermediate": "an intermediate lifter",
    "advanced": "an advanced lifter",
}


@dataclass(frozen=True)
class BellChoice:
    """A bell for one move and why."""

    weight_kg: float | None
    """An owned bell, or None for bodyweight (or when the user owns no bell)."""
    reason: str
    """One sentence a user can read."""


def choose_bell(
    load: LoadClass | None,
    guide: LoadGuide | None,
    bells_kg: Sequence[float],
    experience: Experience,
    unit: Unit,
    last_used_kg: float | None = None,
) -> BellChoice:
    """The bell to use for a move.

    Args:
        load: the move's load class from the plan; ``bodyweight`` or None needs no bell.
        guide: the plan's weight guide for that class, if it gives one.
        bells_kg: the bells the user owns.
        experience: the user's level, which places a first choice within the guide.
        unit: the user's unit, for the reason's wording.
        last_used_kg: the bell last logged for this move, if any.
    """
    if load in (None, "bodyweight"):
        return BellChoice(None, "bodyweight move")
    if not bells_kg:
        return BellChoice(None, "you have no bells listed; add yours with 'repcoach setup'")
    if last_used_kg is not None:
        return BellChoice(last_used_kg, f"the bell you used last time ({format_weight(last_used_kg, unit)})")
    bells = sorted(bells_kg)
    if guide is not None:
        low, high = to_kg(guide.low, guide.unit), to_kg(guide.high, guide.unit)
        aim = low + (high - low) * _POINT_IN_GUIDE[experience]
        inside = [bell for bell in bells if low * (1 - GUIDE_TOLERANCE) <= bell <= high * (1 + GUIDE_TOLERANCE)]
        pick = min(inside or bells, key=lambda bell: (round(abs(bell - aim), 6), bell))
        shown = guide_in(guide, unit)
        return BellChoice(pick, f"your bell closest to the plan's {load} guide ({shown}) for {_LIFTER[experience]}")
    assert load is not None
    scale = LOAD_CLASSES.index(load) - 1  # "light" is 0, "heavy" is len - 2; between two, the lighter
    position = scale / (len(LOAD_CLASSES) - 2) * (len(bells) - 1)
    pick = bells[math.ceil(position - 0.5)]
    return BellChoice(pick, f"a {load} bell among the ones you own")


def guide_in(guide: LoadGuide, unit: Unit) -> str:
    """A load guide in the user's unit, the plan's own figures beside it when they differ:
    ``about 2.5-7 kg, 5-15 lb in the plan``. Rounded to half units, as bells are sized."""
    if guide.unit == unit:
        return str(guide)
    low, high = (round(from_kg(to_kg(value, guide.unit), unit) * 2) / 2 for value in (guide.low, guide.high))
    return f"about {low:g}-{high:g} {unit}, {guide.low:g}-{guide.high:g} {guide.unit} in the plan"
