"""What a user types after a set: nothing (the default), or ``reps [rir] [@weight]``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from repcoach.units import Unit, parse_weight


@dataclass(frozen=True)
class SetEntry:
    """A set as typed; None fields take the default."""

    amount: int | None = None
    """Reps; seconds for a timed move; metres for a run or a carry."""
    rir: int | None = None
    weight_kg: float | None = None


def parse_set_entry(text: str, unit: Unit) -> SetEntry:
    """Read ``8``, ``8 2``, ``8 2 @12``, ``8 @26lb`` or ``30`` (seconds held).

    Raises:
        ValueError: a sentence saying which part is wrong and what to type instead.
    """
    numbers: list[int] = []
    weight: float | None = None
    for token in text.split():
        if token.startswith("@"):
            weight = parse_weight(token[1:], unit)
        elif token.isdecimal():
            numbers.append(int(token))
        else:
            raise ValueError(
                f"'{token}' is not a number; type reps and RIR like '8 2', add a bell like '@12', or press Enter"
            )
    if len(numbers) > 2:
        raise ValueError("type at most two numbers: reps, then reps in reserve (RIR)")
    if len(numbers) == 2 and numbers[1] > 10:
        raise ValueError(f"RIR {numbers[1]} is more than 10 reps in reserve; RIR is usually 0 to 5")
    return SetEntry(
        amount=numbers[0] if numbers else None,
        rir=numbers[1] if len(numbers) > 1 else None,
        weight_kg=weight,
    )


_SETS_BY_REPS = re.compile(r"^\s*(\d+)\s*[x×*]\s*(\d+)\s*$", re.IGNORECASE)


def parse_sets(text: str) -> list[int]:
    """Reps per set as people write them: ``3x8`` (three sets of eight), ``3×8``, or ``8,8,6``.

    Raises:
        ValueError: a sentence saying what to write instead.
    """
    if matched := _SETS_BY_REPS.match(text):
        count, reps = int(matched[1]), int(matched[2])
        if not 1 <= count <= 50:
            raise ValueError(f"{count} sets is not a workout; write 1 to 50 sets, like 3x8")
        return [reps] * count
    parts = [part.strip() for part in text.split(",")]
    if all(part.isdecimal() for part in parts) and parts:
        return [int(part) for part in parts]
    raise ValueError(f"'{text}' is not a set count; write sets x reps like 3x8, or reps per set like 8,8,6")
