"""The bell for each step of a live session, from the user's bells, level and history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from repcoach.coach import BellChoice, choose_bell
from repcoach.service.live_session import LiveSession
from repcoach.session import WorkStep
from repcoach.store import ProfileRecord


@dataclass(frozen=True)
class BellAdvisor:
    """Advises a bell per move: today's last bell for it, else the last one in history, else the guide."""

    profile: ProfileRecord
    history_kg: Mapping[str, float]
    """The bell last logged for each exercise before this session."""

    def advise(self, step: WorkStep, live: LiveSession) -> BellChoice:
        """The bell for ``step``, with the reason."""
        move = step.move
        today = [
            last.weight_kg
            for (exercise, _side), last in live.last_sets.items()
            if exercise == move.exercise and last.weight_kg is not None
        ]
        last_used = today[-1] if today else self.history_kg.get(move.exercise)
        guide = live.engine.program.segments[step.segment_index].loads.get(move.load) if move.load else None
        return choose_bell(
            move.load, guide, self.profile.bells_kg, self.profile.experience, self.profile.units, last_used
        )
