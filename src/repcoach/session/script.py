"""One round of a segment, flattened into the work and rests it consists of.

Worked example, the reference back routine (Superset 1: renegade row, Romanian deadlift, rest
90 s; Superset 2: halo, single-arm row per side; 2 min between rounds)::

    renegade row                      (superset: no rest between moves)
    Romanian deadlift
    rest 90 s "after Superset 1"
    halo
    single-arm row, left              (a per-side move is two steps, no rest between)
    single-arm row, right
    -- end of round: 2 min rest before the next round (the last block's own rest is replaced)

The script stops at the end of a round; what comes next (another round, a choice, the next
segment) is the engine's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from repcoach.session.program import Segment
from repcoach.session.steps import Side


@dataclass(frozen=True)
class WorkItem:
    """A work step's place within a round."""

    block_index: int
    set_number: int
    move_index: int
    side: Side | None


@dataclass(frozen=True)
class RestItem:
    """A rest inside a round."""

    seconds: int
    reason: str


ScriptItem = WorkItem | RestItem


def round_script(segment: Segment) -> tuple[ScriptItem, ...]:
    """The items of one round of ``segment``; rests of 0 s are left out."""
    items: list[ScriptItem] = []
    for b, block in enumerate(segment.blocks):
        for set_number in range(1, block.sets + 1):
            for m, move in enumerate(block.moves):
                sides: tuple[Side | None, ...] = ("left", "right") if move.per_side else (None,)
                items.extend(WorkItem(b, set_number, m, side) for side in sides)
                if m < len(block.moves) - 1 and block.rest_between_moves:
                    items.append(RestItem(block.rest_between_moves, "between moves"))
            if set_number < block.sets and block.rest_between_sets:
                items.append(RestItem(block.rest_between_sets, f"between sets of {block.name}"))
        if b < len(segment.blocks) - 1 and block.rest_after:
            items.append(RestItem(block.rest_after, f"after {block.name}"))
    return tuple(items)
