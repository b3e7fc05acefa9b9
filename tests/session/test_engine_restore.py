"""A stored session replays to exactly where it stopped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repcoach.plan.builtins import get_builtin_plan
from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    EngineError,
    FakeClock,
    Program,
    Rest,
    SessionEngine,
    SetDone,
    Skip,
    Undo,
    event_from_dict,
    event_to_dict,
)

PROGRAM = Program.compose(
    get_builtin_plan("kettlebell-back"), get_builtin_plan("upper-body-warmup"), [get_builtin_plan("legs-glutes")]
)

events = st.lists(
    st.one_of(
        st.builds(
            SetDone,
            reps=st.integers(0, 20),
            rir=st.none() | st.integers(0, 5),
            weight_kg=st.none() | st.sampled_from([8.0, 12.0, 16.0]),
        ),
        st.just(Skip()),
        st.just(EndRest()),
        st.just(Undo()),
        st.just(AnotherRound()),
        st.just(EndRounds()),
    ),
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(events, st.lists(st.floats(0, 200), max_size=80))
def test_any_sequence_of_events_replays_to_the_same_step(sequence, gaps):
    clock = FakeClock()
    engine = SessionEngine(PROGRAM, clock)
    last_stored_at = clock.now()
    for index, event in enumerate(sequence):
        clock.advance(gaps[index] if index < len(gaps) else 0)
        try:
            engine.apply(event)
        except EngineError:
            continue
        last_stored_at = clock.now()
    stored = [event_to_dict(event) for event in engine.history]
    # As a resume does: the time since the last stored event has passed.
    restored = SessionEngine.restore(PROGRAM, stored, clock, rest_elapsed=clock.now() - last_stored_at)
    live, again = engine.state, restored.state
    if isinstance(live, Rest) and isinstance(again, Rest):
        assert (live.next, live.reason, live.seconds) == (again.next, again.reason, again.seconds)
    else:
        assert again == live


def test_a_session_stopped_in_a_rest_resumes_with_the_time_already_gone():
    clock = FakeClock()
    engine = SessionEngine(PROGRAM.model_copy(update={"segments": PROGRAM.segments[1:2]}), clock)
    engine.apply(SetDone(reps=8))
    engine.apply(SetDone(reps=8))
    restored = SessionEngine.restore(engine.program, engine.history, FakeClock(), rest_elapsed=30)
    state = restored.state
    assert isinstance(state, Rest) and state.remaining == 60.0


@given(
    st.builds(
        SetDone,
        reps=st.none() | st.integers(0, 50),
        rir=st.none() | st.integers(0, 10),
        weight_kg=st.none() | st.floats(0.5, 100),
        hold_seconds=st.none() | st.integers(0, 600),
    )
)
def test_an_event_survives_its_dict_form(event):
    assert event_from_dict(event_to_dict(event)) == event


def test_the_program_survives_its_dict_form():
    assert Program.from_dict(PROGRAM.to_dict()) == PROGRAM
