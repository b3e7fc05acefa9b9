"""A block: moves done together (a superset, a circuit) or one move for straight sets."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from repcoach.limits import MAX_ROUNDS, MAX_SET_SECONDS
from repcoach.plan.move import Move
from repcoach.plan.quantities import format_seconds, parse_seconds

BlockKind = Literal["superset", "circuit", "straight"]

Seconds = Annotated[int, BeforeValidator(parse_seconds), Field(ge=0, le=MAX_SET_SECONDS)]
"""Whole seconds, written ``90``, ``"90 s"``, ``"1:30"`` or ``"2 min"``."""


class Block(BaseModel):
    """Moves done back to back within a round.

    In a superset or circuit each move is done once per set of the block, one after the
    other with ``rest_between_moves`` (0 for a superset); after the block's last set comes
    ``rest_after``. A straight block holds one move done ``sets`` times with
    ``rest_between_sets`` in between.

    With ``every``, the block is done on the clock (EMOM, "every minute on the minute"): each
    set of a superset or straight block, each move of a circuit, starts ``every`` seconds after
    the one before, and the rest is what is left of its interval. With ``time_cap`` it is an
    AMRAP: its moves go round, set after set, until the time is up.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    """As the article names it: ``Superset 1``."""
    kind: BlockKind
    moves: tuple[Move, ...] = Field(min_length=1)
    sets: int = Field(default=1, ge=1, le=MAX_ROUNDS)
    """Times the block is done in a row within one round."""
    rest_between_moves: Seconds = 0
    rest_between_sets: Seconds = 0
    rest_after: Seconds = 0
    """Rest after the block in a round; the plan's ``rest_after_round`` replaces it for the last block."""
    every: Seconds = 0
    """Above 0, an interval block: the seconds from the start of one interval to the next. An
    interval is a set of a superset or straight block, or one move of a circuit (alternating
    EMOM). Work that runs over its interval leaves no rest; the next starts at once."""
    time_cap: Seconds = 0
    """Above 0, an AMRAP ("as many rounds as possible in 12 minutes"): the moves go round, set
    after set, until this many seconds have gone since the block began; the set being done when
    time is up is the last. ``sets`` is then left at 1: the number of rounds is what the user does."""

    @model_validator(mode="after")
    def _moves_fit_kind(self) -> Block:
        if self.kind == "straight" and len(self.moves) != 1:
            raise ValueError(f"a straight block holds exactly one move, this one has {len(self.moves)}")
        if self.kind in ("superset", "circuit") and len(self.moves) < 2:
            raise ValueError(f'a {self.kind} needs at least two moves; use kind = "straight" for one')
        if self.kind == "superset" and self.rest_between_moves:
            raise ValueError('a superset has no rest between its moves; use kind = "circuit" for that')
        if self.time_cap and (self.every or self.sets > 1 or self.rest_between_sets):
            raise ValueError("an AMRAP goes round until its time is up: leave out every, sets and rest_between_sets")
        if self.every and (self.rest_between_moves or self.rest_between_sets):
            raise ValueError(
                "a block done every so many seconds rests what is left of each interval; "
                "leave out rest_between_moves and rest_between_sets"
            )
        return self

    @property
    def intervals(self) -> int:
        """How many intervals an interval block has: its sets, times its moves for a circuit."""
        return self.sets * (len(self.moves) if self.kind == "circuit" else 1)

    @property
    def timing(self) -> str:
        """``every 1 min for 10 min`` for an interval block, ``as many rounds as possible in 12 min``
        for an AMRAP, as a person reads it; empty for other blocks."""
        if self.time_cap:
            return f"as many rounds as possible in {format_seconds(self.time_cap)}"
        if not self.every:
            return ""
        return f"every {format_seconds(self.every)} for {format_seconds(self.every * self.intervals)}"
