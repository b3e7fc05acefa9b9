"""The bell shown at each step of a session: advice from history, then round by round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.coach.history import LoggedSet
from repcoach.plan.builtins import get_builtin_plan
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.live_session import LiveSession
from repcoach.session import EndRest, FakeClock, Program, Rest, SetDone, WorkStep

START = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def earlier_session(exercise: str, reps: int, rir: int, kg: float, rounds: int = 3) -> list[LoggedSet]:
    day = START - timedelta(days=3)
    return [
        LoggedSet(exercise, "before", day + timedelta(minutes=r), reps, rir, kg, round=r) for r in range(1, rounds + 1)
    ]


@pytest.fixture
def live(store) -> LiveSession:
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16])
    return LiveSession.start(
        store, profile, Program.compose(get_builtin_plan("kettlebell-back")), FakeClock(), lambda: START
    )


def steps_of(live: LiveSession, exercise: str, advisor: BellAdvisor, reps: int, rir: int, rounds: int):
    """Log every step at ``reps``/``rir`` with the advised bell; return the bells advised for ``exercise``."""
    seen = []
    while len(seen) < rounds:
        state = live.state
        if isinstance(state, Rest):
            live.apply(EndRest())
            continue
        assert isinstance(state, WorkStep)
        choice = advisor.advise(state, live)
        if state.move.exercise == exercise:
            seen.append((state.round, choice.weight_kg))
        live.apply(SetDone(reps=reps, rir=rir, weight_kg=choice.weight_kg))
    return seen


def test_a_move_topped_out_last_time_moves_up_for_every_round_when_the_next_bell_is_close(live):
    live.store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 14, 16])
    history = earlier_session("romanian-deadlift", 10, 2, 12.0, rounds=3)  # 14 kg predicts 6 reps: within 6-10
    advisor = BellAdvisor(live.store.get_profile(), history, START)
    assert steps_of(live, "romanian-deadlift", advisor, reps=7, rir=1, rounds=3) == [(1, 14.0), (2, 14.0), (3, 14.0)]


def test_mixed_rounds_use_the_heavier_bell_for_round_1_only(live):
    # Five easy rounds with 12 kg and no 14 kg owned: 16 kg for round 1 (both arms), 12 kg after it.
    history = earlier_session("single-arm-row", 10, 2, 12.0, rounds=5)
    advisor = BellAdvisor(live.store.get_profile(), history, START)
    bells = steps_of(live, "single-arm-row", advisor, reps=8, rir=1, rounds=4)
    assert bells == [(1, 16.0), (1, 16.0), (2, 12.0), (2, 12.0)]
