"""Events that do not fit the step are refused with a sentence, and change nothing."""

from __future__ import annotations

import pytest

from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    EngineError,
    FinishSession,
    Pause,
    Resume,
    SessionEngine,
    SetDone,
    Skip,
    Undo,
)

from .builders import do_sets


def at_rest(engine: SessionEngine) -> None:
    do_sets(engine, 2)


def at_choice(engine: SessionEngine) -> None:
    for round_number in (1, 2, 3):
        do_sets(engine, 2)
        engine.apply(Skip())  # the 90 s rest
        do_sets(engine, 3)
        if round_number < 3:
            engine.apply(Skip())  # the round rest


def at_start(engine: SessionEngine) -> None:
    pass


def finished(engine: SessionEngine) -> None:
    engine.apply(FinishSession())


def paused(engine: SessionEngine) -> None:
    engine.apply(Pause())


@pytest.mark.parametrize(
    ("prepare", "event", "message"),
    [
        (at_rest, SetDone(reps=8), "You can only log a set at a work step, not during a rest."),
        (
            at_choice,
            SetDone(reps=8),
            "You can only log a set at a work step, not while choosing whether to do another round.",
        ),
        (finished, SetDone(reps=8), "You can only log a set at a work step, not after the session has finished."),
        (at_choice, Skip(), "You can only skip a move or a rest, not while choosing whether to do another round."),
        (at_start, EndRest(), "You can only end a rest during a rest, not at a work step."),
        (at_start, AnotherRound(), "You can only choose another round after finishing a round."),
        (at_rest, AnotherRound(), "You can only choose another round after finishing a round."),
        (at_start, EndRounds(), "You can only end the rounds after finishing a round."),
        (finished, FinishSession(), "The session has already finished."),
        (at_start, Undo(), "There is nothing to undo yet."),
        (finished, Undo(), "You ended the session; that cannot be undone."),
        (finished, Pause(), "The session has finished; there is nothing to pause."),
        (paused, Pause(), "The session is already paused."),
        (at_start, Resume(), "The session is not paused."),
        # amounts
        (at_start, SetDone(reps=-1), "Reps cannot be negative (got -1)."),
        (at_start, SetDone(reps=8, rir=-2), "RIR cannot be negative (got -2)."),
        (at_start, SetDone(hold_seconds=-5), "Hold seconds cannot be negative (got -5)."),
        (
            at_start,
            SetDone(reps=8, weight_kg=0.0),
            "A bell weighs more than 0 kg (got 0.0); leave the weight out for a bodyweight move.",
        ),
        (
            at_start,
            SetDone(reps=8, weight_kg=float("nan")),
            "A bell weighs more than 0 kg (got nan); leave the weight out for a bodyweight move.",
        ),
    ],
)
def test_an_event_that_does_not_fit_is_refused_with_a_sentence_and_changes_nothing(engine, prepare, event, message):
    prepare(engine)
    before = (engine.state, engine.history, engine.paused)
    with pytest.raises(EngineError) as caught:
        engine.apply(event)
    assert str(caught.value) == message
    assert (engine.state, engine.history, engine.paused) == before


def test_a_refused_set_while_paused_leaves_the_pause_in_place(engine, clock):
    at_rest(engine)
    engine.apply(Pause())
    with pytest.raises(EngineError):
        engine.apply(SetDone(reps=8))
    assert engine.paused
