"""Driving the engine: sets, rests on the clock, pause, undo, skip, round choices, errors."""

from __future__ import annotations

import pytest

from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    EngineError,
    Finished,
    FinishSession,
    Pause,
    Rest,
    Resume,
    RoundChoice,
    SetDone,
    Skip,
    Undo,
    WorkStep,
)


def do_sets(engine, count: int) -> None:
    for _ in range(count):
        engine.apply(SetDone(reps=8, rir=2, weight_kg=8.0))


def where(engine) -> tuple[object, ...]:
    state = engine.state
    if isinstance(state, WorkStep):
        return ("work", state.round, state.move.exercise, state.side)
    if isinstance(state, Rest):
        return ("rest", state.seconds, round(state.remaining, 3), state.next.move.exercise)
    if isinstance(state, RoundChoice):
        return ("choice", state.round)
    return ("finished",)


def test_a_rest_ends_exactly_at_its_deadline(engine, clock):
    do_sets(engine, 2)
    assert where(engine) == ("rest", 90, 90.0, "halo")
    clock.advance(89)
    assert where(engine) == ("rest", 90, 1.0, "halo")
    clock.advance(1)
    assert where(engine) == ("work", 1, "halo", None)


def test_a_pause_does_not_eat_rest_time(engine, clock):
    do_sets(engine, 2)
    clock.advance(30)
    engine.apply(Pause())
    clock.advance(300)
    assert where(engine) == ("rest", 90, 60.0, "halo")
    assert engine.cue_times() == []
    engine.apply(Resume())
    clock.advance(59.5)
    assert where(engine) == ("rest", 90, 0.5, "halo")
    clock.advance(0.5)
    assert where(engine)[0] == "work"


def test_cues_are_due_at_3_2_1_seconds_before_the_end_and_at_the_end(engine, clock):
    do_sets(engine, 2)
    start = clock.now()
    assert engine.cue_times() == [start + 87, start + 88, start + 89, start + 90]
    clock.advance(88.5)
    assert engine.cue_times() == [start + 89, start + 90]


def test_undo_returns_to_the_step_of_the_last_set(engine, clock):
    do_sets(engine, 1)
    assert where(engine) == ("work", 1, "romanian-deadlift", None)
    engine.apply(Undo())
    assert where(engine) == ("work", 1, "renegade-row", None)


def test_undo_after_a_rest_has_run_out_returns_to_the_set_before_the_rest(engine, clock):
    do_sets(engine, 2)
    clock.advance(95)
    assert where(engine)[2] == "halo"
    engine.apply(Undo())
    assert where(engine) == ("work", 1, "romanian-deadlift", None)
    assert [type(event).__name__ for event in engine.history] == ["SetDone", "SetDone", "Undo"]


def test_undo_with_nothing_to_undo_says_so(engine):
    with pytest.raises(EngineError, match="There is nothing to undo yet."):
        engine.apply(Undo())


def test_ending_a_rest_goes_straight_to_the_next_move(engine):
    do_sets(engine, 2)
    engine.apply(EndRest())
    assert where(engine) == ("work", 1, "halo", None)


def test_skipping_a_move_moves_on_as_if_it_were_done(engine):
    engine.apply(Skip())
    assert where(engine) == ("work", 1, "romanian-deadlift", None)
    engine.apply(Skip())
    assert where(engine)[0:2] == ("rest", 90)


def test_the_round_rest_follows_the_last_move_of_rounds_1_and_2(engine, clock):
    do_sets(engine, 2)
    engine.apply(EndRest())
    do_sets(engine, 3)
    assert where(engine) == ("rest", 120, 120.0, "renegade-row")
    clock.advance(120)
    assert where(engine) == ("work", 2, "renegade-row", None)


def run_round(engine) -> None:
    do_sets(engine, 2)
    engine.apply(EndRest())
    do_sets(engine, 3)


def test_after_round_3_the_user_chooses_and_the_rest_counts_from_the_end_of_the_round(engine, clock):
    for _ in range(2):
        run_round(engine)
        engine.apply(EndRest())
    run_round(engine)
    assert where(engine) == ("choice", 3)
    clock.advance(20)  # deciding
    engine.apply(AnotherRound())
    assert where(engine) == ("rest", 120, 100.0, "renegade-row")


def test_finishing_after_round_3_ends_the_session(engine):
    for _ in range(2):
        run_round(engine)
        engine.apply(EndRest())
    run_round(engine)
    engine.apply(EndRounds())
    assert where(engine) == ("finished",)


def test_after_round_5_the_session_ends_without_asking(engine):
    for round_number in range(1, 6):
        run_round(engine)
        if round_number in (3, 4):
            assert where(engine) == ("choice", round_number)
            engine.apply(AnotherRound())
        if round_number < 5:
            engine.apply(EndRest())
    assert isinstance(engine.state, Finished)


def test_finish_ends_the_session_at_any_step(engine):
    do_sets(engine, 1)
    engine.apply(FinishSession())
    assert isinstance(engine.state, Finished)
    with pytest.raises(EngineError, match="You cannot log a set after the session has finished."):
        engine.apply(SetDone(reps=8))


@pytest.mark.parametrize(
    ("prepare", "event", "message"),
    [
        (2, SetDone(reps=8), "You cannot log a set during a rest."),
        (0, AnotherRound(), "You can choose another round or finish only after finishing a round."),
        (0, EndRest(), "There is no rest to end now."),
        (0, SetDone(reps=-1), "reps cannot be below 0 (got -1)."),
        (0, SetDone(reps=8, rir=-2), "rir cannot be below 0 (got -2)."),
        (0, SetDone(reps=8, weight_kg=0), "A bell weighs more than 0 kg (got 0)."),
        (0, Resume(), "The session is not paused."),
    ],
)
def test_an_event_that_does_not_fit_the_step_is_refused_with_a_sentence(engine, prepare, event, message):
    do_sets(engine, prepare)
    with pytest.raises(EngineError) as caught:
        engine.apply(event)
    assert str(caught.value) == message


def test_upcoming_shows_what_comes_next_across_rests_and_rounds(engine):
    do_sets(engine, 2)
    assert [step.move.exercise for step in engine.upcoming(2)] == ["halo", "single-arm-row"]
    engine.apply(EndRest())
    do_sets(engine, 2)
    upcoming = engine.upcoming(3)
    assert [(step.round, step.move.exercise, step.side) for step in upcoming] == [
        (1, "single-arm-row", "right"),
        (2, "renegade-row", None),
        (2, "romanian-deadlift", None),
    ]
