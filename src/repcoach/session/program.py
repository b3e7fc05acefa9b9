"""A session's program: the plans it runs, in order, each as a segment with its own rounds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from repcoach.plan import Block, LoadClass, LoadGuide, Plan
from repcoach.plan.ranges import CountRange

TRANSITION_REST_SECONDS = 60
"""Rest between two segments (warm-up → main work → paired plan): time to get the next bells."""


class Segment(BaseModel):
    """One plan within a session."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan_id: str
    title: str
    blocks: tuple[Block, ...] = Field(min_length=1)
    rounds: CountRange
    rest_after_round: int | None
    loads: dict[LoadClass, LoadGuide] = Field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> Segment:
        """The segment that runs ``plan``."""
        return cls(
            plan_id=plan.id,
            title=plan.title,
            blocks=plan.blocks,
            rounds=plan.rounds,
            rest_after_round=plan.rest_after_round,
            loads=plan.loads,
        )

    @property
    def round_rest(self) -> int:
        """Rest between rounds: the plan's, else the last block's own rest."""
        return self.rest_after_round if self.rest_after_round is not None else self.blocks[-1].rest_after


class Program(BaseModel):
    """What one session runs, kept with the session so a resume runs exactly the same program."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    segments: tuple[Segment, ...] = Field(min_length=1)

    @classmethod
    def compose(cls, main: Plan, warmup: Plan | None = None, paired: Sequence[Plan] = ()) -> Program:
        """Warm-up first, then the main plan, then each paired plan (e.g. legs for a full-body day)."""
        plans = [*([warmup] if warmup else []), main, *paired]
        return cls(segments=tuple(Segment.of(plan) for plan in plans))

    @property
    def title(self) -> str:
        """The session's name: the main plan's title, with what was added to it."""
        return " + ".join(segment.title for segment in self.segments)

    @property
    def plan_ids(self) -> list[str]:
        return [segment.plan_id for segment in self.segments]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form for the store."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Program:
        """The program back from :meth:`to_dict`."""
        return cls.model_validate(data)
