"""The bell shown at each step of a session: advice from history, then round by round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.coach.history import LoggedSet
from repcoach.plan.builtins import get_builtin_plan
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import ENOUGH_SETS, advice_history, recent_history
from repcoach.service.live_session import LiveSession
from repcoach.session import EndRest, FakeClock, Program, Rest, SetDone, WorkStep
from repcoach.store import NewSet

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


def test_the_advice_read_from_each_moves_last_session_is_the_advice_from_twelve_weeks(store):
    """A session's start reads each move's newest sets only (advice_history), not weeks of them."""
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16, 20])
    program = Program.compose(get_builtin_plan("kettlebell-back"), get_builtin_plan("upper-body-warmup"))
    for week in range(10):
        day = START - timedelta(days=70 - 7 * week)
        sets = [
            NewSet(
                move.exercise,
                "kettlebell-back",
                "Superset",
                round_number,
                None,
                6 + (week + round_number) % 5,
                None,
                None,
                None,
                8.0 + 4 * (week % 3),
                week % 3,
                day + timedelta(minutes=5 * round_number),
                kind="warmup" if round_number == 1 and week % 2 else "normal",
                equipment="barbell" if week == 9 else None,
            )
            for round_number in range(1, 4)
            for move in program.moves
            if move.reps is not None
        ]
        store.record_workout(profile.id, "Back", sets, day, day + timedelta(hours=1))

    read = advice_history(store, profile.id, program.moves, START)
    everything = recent_history(store, profile.id, START)
    assert len(read) < len(everything) / 3
    from_read, from_all = BellAdvisor(profile, read, START), BellAdvisor(profile, everything, START)
    for segment in program.segments:
        for move in (move for block in segment.blocks for move in block.moves):
            guide = segment.loads.get(move.load) if move.load else None
            assert from_read.recommendation(move, guide, segment.rounds) == from_all.recommendation(
                move, guide, segment.rounds
            )


def test_a_timed_move_reads_back_to_its_last_bell_past_the_sets_read_first(store):
    """The first read gives each move its newest ENOUGH_SETS sets; a timed move done without a bell for longer
    than that is read again, whole, so its advice still finds the bell it last held."""
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16])
    program = Program.compose(get_builtin_plan("upper-body-warmup"))
    [circles] = [move for move in program.moves if move.exercise == "arm-circles"]
    day = START - timedelta(days=20)
    sets = [
        NewSet("arm-circles", "upper-body-warmup", "Warm-up", 1, None, None, None, None, 30,
               12.0 if index == 0 else None, None, day + timedelta(minutes=index))
        for index in range(ENOUGH_SETS + 11)
    ]  # fmt: skip
    store.record_workout(profile.id, "Warm-up", sets, day, day + timedelta(hours=2))

    read = advice_history(store, profile.id, [circles], START)

    assert len(read) == ENOUGH_SETS + 11
    assert read[0].weight_kg == 12.0
