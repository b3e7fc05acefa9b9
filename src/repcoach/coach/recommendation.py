"""What progression advice looks like, and the small helpers its rules share: sessions, checks, wording."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from repcoach.coach.bell_sizes import SAME_BELL
from repcoach.coach.e1rm import check_reps_and_rir, reps_at, set_e1rm
from repcoach.coach.history import LoggedSet
from repcoach.plan import IntRange, Move
from repcoach.units import Unit, format_weight

Action = Literal["start", "up", "hold", "down", "lever"]
"""First bell; heavier bell; same bell, more reps; lighter bell; same bell, the next lever of the ladder."""
ACTIONS: tuple[Action, ...] = ("start", "up", "hold", "down", "lever")

DEFAULT_RIR = IntRange(low=0, high=2)
"""A move without an RIR target aims for the reference routine's: the last two reps very hard."""
CLEARLY_EASY = 2
"""A set ending this many reps above the RIR target's top (4+ for a 0-2 target) clearly missed it."""
TEMPO_LEVER = "3-second lowering and a pause at the top"
"""The lever that needs no heavier bell."""


@dataclass(frozen=True)
class Recommendation:
    """What to do next time (or next round) for one move, and why."""

    exercise_id: str
    action: Action
    weight_kg: float | None
    """Always a bell the user owns; None for bodyweight moves or a user with no bells."""
    target_reps: IntRange | None
    """Reps to aim for in each set; None for timed moves."""
    rounds: int | None
    """How many rounds to do; None when the plan gives no rounds."""
    reason: str
    """One sentence a user reads, with the numbers."""
    lever: str | None = None
    """For ``lever``: what changes with the same bell ("add a round", "heavier bell for round 1 only", …)."""
    first_round_kg: float | None = None
    """For mixed rounds: the heavier owned bell for round 1 only."""
    buy_next_kg: float | None = None
    """The size to buy when the next one up is not owned."""
    buy_reason: str | None = None
    """One sentence on ``buy_next_kg``."""


def sets_of(move: Move, sets: Sequence[LoggedSet]) -> list[LoggedSet]:
    """The counted sets of ``move``, in the order done, after checking their values.

    Raises:
        ValueError: negative reps, a negative RIR or a bell of 0 kg or less, named with the value.
    """
    mine = [logged for logged in sets if logged.exercise_id == move.exercise and coached_on(logged)]
    for logged in mine:
        check_reps_and_rir(logged.reps, logged.rir)
        if logged.weight_kg is not None and logged.weight_kg <= 0:
            raise ValueError(f"a {logged.weight_kg:g} kg bell is impossible; log a bell above 0 kg or none")
    return sorted((logged for logged in mine if logged.reps is not None), key=lambda s: (s.finished_at, s.round))


def coached_on(logged: LoggedSet) -> bool:
    """Warm-ups say nothing of the working bell; a move done with a barbell or dumbbells in another
    app says nothing of the kettlebell (repcoach's own sets carry no equipment: they are kettlebell sets)."""
    return logged.kind != "warmup" and logged.equipment in (None, "kettlebell")


def same_bell(a: float | None, b: float | None) -> bool:
    """Whether two logged weights are the same bell (both None for bodyweight)."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(a, b) * SAME_BELL


def reps(logged: LoggedSet) -> int:
    """A counted set's reps (``sets_of`` keeps only those)."""
    assert logged.reps is not None
    return logged.reps


def lowest_e1rm(sets: Sequence[LoggedSet]) -> float | None:
    """The most cautious estimate among ``sets``: one set's rating is noisy, so advice leans on the weakest."""
    return min((value for value in map(set_e1rm, sets) if value is not None), default=None)


def reps_predicted(sets: Sequence[LoggedSet], bell_kg: float | None, rir: int) -> int | None:
    """Whole reps Epley predicts with ``bell_kg`` stopping at ``rir``, from the weakest of ``sets``.

    None when there is no bell to try or no set to estimate from.
    """
    estimate = lowest_e1rm(sets)
    if bell_kg is None or estimate is None:
        return None
    return math.floor(reps_at(estimate, bell_kg, rir) + 1e-9)


def describe(sets: Sequence[LoggedSet], weight_kg: float | None, unit: Unit) -> str:
    """``All 3 sets of 10 reps at RIR 3 with 12 kg`` or ``3 sets of 8, 9 and 7 reps at RIR 1-2 with 12 kg``."""
    counts = [reps(logged) for logged in sets]
    if len(counts) == 1:
        text = f"1 set of {counts[0]} reps"
    elif len(set(counts)) == 1:
        text = f"All {len(counts)} sets of {counts[0]} reps"
    else:
        text = f"{len(counts)} sets of {', '.join(map(str, counts[:-1]))} and {counts[-1]} reps"
    rated = [logged.rir for logged in sets if logged.rir is not None]
    if rated:
        low, high = min(rated), max(rated)
        text += f" at RIR {low}" if low == high else f" at RIR {low}-{high}"
    return text + (f" with {format_weight(weight_kg, unit)}" if weight_kg is not None else "")
