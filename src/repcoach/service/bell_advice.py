"""The bell for each step of a live session: next-weight advice from history, adjusted round by round."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from repcoach.coach import BellChoice, Recommendation, adjust_within_session, recommend_next
from repcoach.coach.history import LoggedSet
from repcoach.plan import LoadGuide, Move, Plan
from repcoach.plan.ranges import IntRange
from repcoach.service.coaching import as_logged
from repcoach.service.live_session import LiveSession
from repcoach.session import WorkStep
from repcoach.store import ProfileRecord


@dataclass
class BellAdvisor:
    """Advises a bell per step: after a round of a move today, the in-session adjustment or the same
    bell; before it, the next-weight recommendation from the history before this session."""

    profile: ProfileRecord
    history: Sequence[LoggedSet]
    """Sets logged before this session."""
    now: datetime
    _advice: dict[Move, Recommendation] = field(default_factory=dict)

    def advise(self, step: WorkStep, live: LiveSession) -> BellChoice:
        """The bell for ``step``, with the reason."""
        move = step.move
        segment = live.engine.program.segments[step.segment_index]
        advice = self.recommendation(move, segment.loads.get(move.load) if move.load else None, segment.rounds)
        mixed = advice.first_round_kg is not None
        today = [as_logged(record) for record in live.sets if record.exercise_id == move.exercise]
        if today:
            adjusted = adjust_within_session(move, today, self.profile.bells_kg, self.profile.units)
            if adjusted is not None:
                return BellChoice(adjusted.weight_kg, adjusted.reason)
            if not (mixed and step.round > 1):
                return BellChoice(today[-1].weight_kg, "the same bell as your last round: it was on target")
        if mixed and step.round == 1:
            return BellChoice(advice.first_round_kg, advice.reason)
        return BellChoice(advice.weight_kg, advice.reason)

    def plan_recommendations(self, plan: Plan) -> list[tuple[Move, Recommendation]]:
        """The next-weight advice for every move of ``plan``, in plan order."""
        return [
            (move, self.recommendation(move, plan.loads.get(move.load) if move.load else None, plan.rounds))
            for block in plan.blocks
            for move in block.moves
        ]

    def recommendation(self, move: Move, guide: LoadGuide | None, rounds: IntRange) -> Recommendation:
        """The next-weight advice for ``move``, worked out once per session."""
        if move not in self._advice:
            self._advice[move] = recommend_next(
                move,
                self.history,
                self.profile.bells_kg,
                self.profile.experience,
                self.profile.units,
                self.now,
                guide,
                rounds,
            )
        return self._advice[move]
