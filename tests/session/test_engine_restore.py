"""A stored history replays to exactly the step where the session stopped."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    EngineError,
    Event,
    EventFormatError,
    FakeClock,
    Finished,
    FinishSession,
    Pause,
    Program,
    Rest,
    Resume,
    RoundChoice,
    SessionEngine,
    SetDone,
    Skip,
    State,
    Undo,
    WorkStep,
    event_to_dict,
)

from .builders import amrap_plan, builtin_plan, do_sets, emom_plan, legs_plan, warmup_plan, where

PROGRAM = Program(segments=(*Program.compose(builtin_plan("kettlebell-back"), warmup_plan(), [legs_plan()]).segments,))
PROGRAM = Program(segments=(*Program.compose(amrap_plan(), emom_plan()).segments, *PROGRAM.segments))
"""Blocks on the clock first (an EMOM as the warm-up, then an AMRAP), so that most random sessions reach them."""

set_done = st.builds(
    SetDone,
    reps=st.none() | st.integers(0, 20),
    rir=st.none() | st.integers(0, 5),
    weight_kg=st.none() | st.sampled_from([8.0, 12.0, 16.0]),
)
# Whole and half seconds add up exactly, so remaining times compare exactly.
gaps = st.integers(0, 300).map(lambda halves: halves / 2)
ANY = [SetDone(reps=8), Skip(), EndRest(), Undo(), AnotherRound(), EndRounds(), Pause(), Resume()]


def without_time(state: State) -> State:
    """The state with its running countdown left out: which step it is, not how far it has run."""
    if isinstance(state, WorkStep):
        return replace(state, time_left=None)
    if isinstance(state, Rest):
        return Rest(state.seconds, 0.0, state.reason, state.next)
    if isinstance(state, RoundChoice):
        return RoundChoice(state.segment_index, state.segment_title, state.round, state.rounds, state.rest_seconds, 0.0)
    return state


def mostly(fitting: st.SearchStrategy[Event], pauses: bool) -> st.SearchStrategy[Event]:
    """Mostly events that fit the state, so sessions get deep (round choices, later segments)."""
    unusual = st.sampled_from([event for event in ANY if pauses or not isinstance(event, Pause | Resume)])
    return st.one_of(*[fitting] * 12, unusual)


FITTING: dict[type, st.SearchStrategy[Event]] = {
    Rest: st.sampled_from([Skip(), EndRest(), Undo()]),
    RoundChoice: st.sampled_from([AnotherRound(), AnotherRound(), EndRounds(), Undo()]),
    WorkStep: st.one_of(set_done, set_done, set_done, set_done, st.sampled_from([Skip(), Undo()])),
    Finished: st.just(Undo()),
}
LIKELY = {(kind, pauses): mostly(fitting, pauses) for kind, fitting in FITTING.items() for pauses in (False, True)}


def run_live(data: st.DataObject, clock: FakeClock, *, pauses: bool) -> tuple[SessionEngine, float]:
    """Drive a session with drawn events and gaps, ignoring refused events.

    Also returns the unpaused time since the last stored event: what a resume counts as rest gone.
    """
    engine = SessionEngine(PROGRAM, clock)
    active = 0.0
    length = data.draw(st.integers(0, 160), label="length")
    finish = data.draw(st.booleans(), label="finish with FinishSession")
    for number in range(length):
        gap = data.draw(gaps)
        active += 0 if engine.paused else gap
        clock.advance(gap)
        event = FinishSession() if finish and number == length - 1 else data.draw(LIKELY[type(engine.state), pauses])
        try:
            applied = engine.apply(event)
        except EngineError:
            continue
        if applied.position_changed:
            active = 0.0
    return engine, active


def same_next_step(restored: SessionEngine, live: SessionEngine) -> None:
    """Where exact time cannot be known, the session still goes on at the same step."""
    assert restored.upcoming(2) == live.upcoming(2)
    assert type(restored.state) in (type(live.state), Rest, WorkStep)
    assert without_time(restored.state) == without_time(live.state) or {type(restored.state), type(live.state)} == {
        Rest,
        WorkStep,
    }


@settings(max_examples=120, deadline=None)
@given(st.data(), gaps)
def test_any_history_replays_to_an_equal_state(data, wait):
    clock = FakeClock()
    live, active = run_live(data, clock, pauses=False)
    clock.advance(wait)
    stored = [event_to_dict(event) for event in live.history]
    # As a resume does: the time since the last stored event has gone by.
    restored = SessionEngine.restore(PROGRAM, stored, clock, rest_elapsed=active + wait)
    assert restored.history == live.history
    assert restored.progress == live.progress
    if live.history and live.history[-1] in (AnotherRound(), Undo()):
        # The rest (or choice) counts from the round's end, which the history does not hold.
        same_next_step(restored, live)
    else:
        assert restored.state == live.state


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_with_pauses_a_replay_goes_on_at_the_same_step_and_undoes_the_same_way(data):
    clock = FakeClock()
    live, active = run_live(data, clock, pauses=True)
    restored = SessionEngine.restore(PROGRAM, live.history, clock, rest_elapsed=active)
    same_next_step(restored, live)
    while True:  # taking everything back, step by step, agrees too
        try:
            live.apply(Undo())
        except EngineError as error:
            with pytest.raises(EngineError, match=str(error)):
                restored.apply(Undo())
            break
        restored.apply(Undo())
        same_next_step(restored, live)


def test_a_session_stopped_in_a_rest_resumes_with_the_time_already_gone():
    program = Program.compose(builtin_plan("kettlebell-back"))
    engine = SessionEngine(program, FakeClock())
    do_sets(engine, 2)
    restored = SessionEngine.restore(program, engine.history, FakeClock(start=5.0), rest_elapsed=30)
    assert where(restored) == ("rest", 90, 60.0, "halo")


def test_a_session_stopped_in_a_rest_that_has_since_run_out_resumes_at_the_next_move():
    program = Program.compose(builtin_plan("kettlebell-back"))
    engine = SessionEngine(program, FakeClock())
    do_sets(engine, 2)
    restored = SessionEngine.restore(program, engine.history, FakeClock(), rest_elapsed=600)
    assert where(restored) == ("work", 1, "halo", None)


def test_a_stored_set_after_a_rest_that_ran_out_on_the_clock_replays_as_a_set_not_a_skip():
    clock = FakeClock()
    program = Program.compose(builtin_plan("kettlebell-back"))
    engine = SessionEngine(program, clock)
    do_sets(engine, 2)
    clock.advance(90)  # the rest ends by itself: nothing is stored for it
    engine.apply(Skip())  # halo is skipped
    assert [event_to_dict(event)["kind"] for event in engine.history] == ["set_done", "set_done", "skip"]
    restored = SessionEngine.restore(program, [event_to_dict(event) for event in engine.history], FakeClock())
    assert where(restored) == where(engine) == ("work", 1, "single-arm-row", "left")


def test_pause_and_resume_among_stored_events_are_ignored():
    program = Program.compose(builtin_plan("kettlebell-back"))
    restored = SessionEngine.restore(program, [Pause(), SetDone(reps=8), Resume()], FakeClock())
    assert where(restored) == ("work", 1, "romanian-deadlift", None)
    assert not restored.paused


@pytest.mark.parametrize(
    ("stored", "error", "message"),
    [
        (
            [{"kind": "set_done", "reps": 8}, {"kind": "jump"}],
            EventFormatError,
            "Stored event 2: Unknown event kind 'jump'; the kinds are set_done, skip, end_rest, undo, pause, resume, "
            "another_round, end_rounds, finish_session.",
        ),
        (
            [{"kind": "another_round"}],
            EngineError,
            "Stored event 1 (another_round) does not fit this session: "
            "You can only choose another round after finishing a round.",
        ),
    ],
)
def test_a_history_that_does_not_fit_is_refused_naming_the_event(stored, error, message):
    with pytest.raises(error) as caught:
        SessionEngine.restore(Program.compose(builtin_plan("kettlebell-back")), stored, FakeClock())
    assert str(caught.value) == message


def test_a_negative_rest_elapsed_is_a_mistake():
    with pytest.raises(ValueError, match="rest_elapsed cannot be negative"):
        SessionEngine.restore(Program.compose(builtin_plan("kettlebell-back")), [], FakeClock(), rest_elapsed=-1)
