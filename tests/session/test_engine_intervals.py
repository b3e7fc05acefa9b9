"""Blocks on the clock: interval blocks (EMOM), whose rest is what is left of each interval, and AMRAPs."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from repcoach.plan import Block
from repcoach.session import FakeClock, Pause, Program, Resume, SessionEngine, SetDone, Skip, event_to_dict

from .builders import amrap_plan, emom_plan, move, plan_of, where


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def straight_emom(clock: FakeClock, rest_after_round: int | None = None) -> SessionEngine:
    """Ten swings every minute on the minute for 3 minutes."""
    block = Block(name="EMOM", kind="straight", every=60, sets=3, moves=(move("kettlebell-swing", "10"),))
    return SessionEngine(Program.compose(plan_of(block, rounds="1-2", rest_after_round=rest_after_round)), clock)


def test_the_rest_is_what_is_left_of_the_minute_and_the_next_set_starts_on_it(clock):
    engine = straight_emom(clock)
    clock.advance(20)
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("rest", 40, 40.0, "kettlebell-swing")
    assert engine.state.reason == "until the interval ends"
    clock.advance(40 + 15)  # the rest ran out by itself at the minute; this set takes 15 s
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("rest", 45, 45.0, "kettlebell-swing")


def test_work_that_runs_over_its_interval_leaves_no_rest_and_the_next_starts_at_once(clock):
    engine = straight_emom(clock)
    clock.advance(70)
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("work", 1, "kettlebell-swing", None)
    clock.advance(50)  # the new interval started when the last one was done, 50 s ago
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("rest", 10, 10.0, "kettlebell-swing")


def test_a_superset_interval_holds_all_its_moves_and_a_circuit_gives_each_move_its_own(clock):
    engine = SessionEngine(Program.compose(emom_plan()), clock)
    for exercise, side in (("kettlebell-press", "left"), ("kettlebell-press", "right")):
        clock.advance(10)
        engine.apply(SetDone(reps=5))
        assert where(engine) == ("work", 1, exercise, side)
    clock.advance(10)
    engine.apply(SetDone(reps=5))
    assert where(engine) == ("rest", 30, 30.0, "kettlebell-swing")  # 60 s from the swing's start
    clock.advance(30)
    for _ in range(3):  # the second interval of EMOM A: swing, press left, press right
        engine.apply(SetDone(reps=5))
    # the block's last interval: what is left of it (60 s), then the block's own 30 s
    assert where(engine) == ("rest", 90, 90.0, "goblet-squat")
    assert engine.state.reason == "after EMOM A"
    clock.advance(90 + 20)
    engine.apply(SetDone(reps=8))
    assert where(engine) == ("rest", 25, 25.0, "push-up")  # EMOM B: one move per 45 s interval


def test_the_round_rest_follows_the_end_of_the_round_s_last_interval(clock):
    engine = straight_emom(clock, rest_after_round=60)
    for _ in range(2):
        clock.advance(10)
        engine.apply(SetDone(reps=10))
        clock.advance(50)
    clock.advance(10)
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("choice", 1, 110.0)  # 50 s left of the minute, then the 60 s round rest


def test_a_pause_stops_the_interval_s_clock_too(clock):
    engine = straight_emom(clock)
    clock.advance(10)
    engine.apply(Pause())
    clock.advance(300)
    engine.apply(Resume())
    clock.advance(10)
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("rest", 40, 40.0, "kettlebell-swing")


def test_a_skipped_move_ends_its_interval_too_and_a_replay_gives_the_same_rest(clock):
    engine = straight_emom(clock)
    clock.advance(25)
    engine.apply(Skip())
    clock.advance(5)
    engine.apply(Skip())  # the rest ended early: the next interval starts now
    clock.advance(12)
    engine.apply(SetDone(reps=9))
    stored = [event_to_dict(event) for event in engine.history]
    assert stored[0] == {"kind": "skip", "interval_left": 35.0}
    assert stored[-1]["interval_left"] == 48.0
    clock.advance(8)  # the session stops here, 8 s into that rest, and is resumed
    restored = SessionEngine.restore(engine.program, stored, FakeClock(), rest_elapsed=8)
    assert where(restored) == where(engine) == ("rest", 48, 40.0, "kettlebell-swing")


def test_an_interval_block_with_fixed_rests_is_refused_and_its_timing_reads_as_said():
    with pytest.raises(ValidationError, match="rests what is left of each interval"):
        Block(name="EMOM", kind="straight", every=60, sets=3, rest_between_sets=30, moves=(move("halo"),))
    together, alternating = emom_plan().blocks
    assert together.timing == "every 1 min for 2 min"
    assert alternating.timing == "every 45 s for 3 min"


def amrap(clock: FakeClock) -> SessionEngine:
    return SessionEngine(Program.compose(amrap_plan()), clock)


def test_an_amrap_goes_round_while_time_is_left_and_shows_what_is_left(clock):
    engine = amrap(clock)
    assert engine.state.time_left == 300.0
    clock.advance(20)
    engine.apply(SetDone(reps=10))
    assert where(engine) == ("rest", 10, 10.0, "kettlebell-press")  # its rest between moves
    clock.advance(10 + 15)
    engine.apply(SetDone(reps=5))
    clock.advance(15)
    engine.apply(SetDone(reps=5))  # the lap's last move: round again, straight away
    state = engine.state
    assert (state.move.exercise, state.set_number, state.time_left) == ("kettlebell-swing", 2, 240.0)


def test_the_set_being_done_when_time_is_up_is_the_last_then_the_block_s_rest(clock):
    engine = amrap(clock)
    clock.advance(310)
    engine.apply(SetDone(reps=7))
    assert where(engine) == ("rest", 30, 30.0, "halo")
    assert engine.state.reason == "after AMRAP 5"
    assert [event_to_dict(event) for event in engine.history] == [
        {"kind": "set_done", "reps": 7, "rir": None, "weight_kg": None, "hold_seconds": None, "interval_left": -10.0}
    ]


def test_the_block_after_an_amrap_of_several_laps_is_its_own_first_set(clock):
    engine = amrap(clock)
    for _ in range(3):  # a lap: the swing, the press each side; its rests run out at once
        engine.apply(SetDone(reps=10))
        clock.advance(10)
    assert (engine.state.move.exercise, engine.state.set_number) == ("kettlebell-swing", 2)
    clock.advance(300)
    engine.apply(SetDone(reps=6))  # time is up: the last set of the AMRAP
    clock.advance(30)
    halo = engine.state
    assert (halo.move.exercise, halo.set_number, halo.key) == ("halo", 1, "0/r1/b1/s1/m0")


def test_a_pause_stops_the_amrap_clock_and_a_resumed_session_has_the_same_time_left(clock):
    engine = amrap(clock)
    clock.advance(30)
    engine.apply(Pause())
    clock.advance(600)
    engine.apply(Resume())
    clock.advance(30)
    engine.apply(SetDone(reps=10))
    clock.advance(10)  # its rest between moves runs out by itself
    assert engine.state.time_left == 230.0
    stored = [event_to_dict(event) for event in engine.history]
    clock.advance(5)  # the session stops here, 15 s after its last event, and is resumed
    restored = SessionEngine.restore(engine.program, stored, FakeClock(), rest_elapsed=15)
    assert (restored.state.move.exercise, restored.state.time_left) == ("kettlebell-press", 225.0)
    assert engine.state.time_left == 225.0


def test_an_amrap_has_no_sets_or_interval_of_its_own():
    with pytest.raises(ValidationError, match="an AMRAP goes round until its time is up"):
        Block(name="AMRAP", kind="circuit", time_cap=600, sets=3, moves=(move("halo"), move("push-up")))
    assert amrap_plan().blocks[0].timing == "as many rounds as possible in 5 min"
