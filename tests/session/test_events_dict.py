"""Events as dicts for the store: what goes in comes back, and what is not an event is named."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    EventFormatError,
    FinishSession,
    Pause,
    Resume,
    SetDone,
    Skip,
    Undo,
    event_from_dict,
    event_to_dict,
)

counts = st.none() | st.integers(0, 10_000)
events = st.one_of(
    st.builds(
        SetDone,
        reps=counts,
        rir=counts,
        weight_kg=st.none() | st.floats(0.5, 500, allow_nan=False),
        hold_seconds=counts,
        distance_m=st.none() | st.floats(1, 100_000, allow_nan=False),
    ),
    st.sampled_from([Skip(), EndRest(), Undo(), Pause(), Resume(), AnotherRound(), EndRounds(), FinishSession()]),
)


@given(events)
def test_every_event_survives_its_dict_form_through_json(event):
    data = event_to_dict(event)
    assert event_from_dict(json.loads(json.dumps(data))) == event


@pytest.mark.parametrize(
    ("event", "data"),
    [
        (SetDone(8, 2, 16.0), {"kind": "set_done", "reps": 8, "rir": 2, "weight_kg": 16.0, "hold_seconds": None}),
        (
            SetDone(distance_m=400.0),
            {
                "kind": "set_done",
                "reps": None,
                "rir": None,
                "weight_kg": None,
                "hold_seconds": None,
                "distance_m": 400.0,
            },
        ),
        (Skip(), {"kind": "skip"}),
        (EndRest(), {"kind": "end_rest"}),
        (FinishSession(), {"kind": "finish_session"}),
    ],
)
def test_the_dict_form_names_the_kind_and_every_field(event, data):
    assert event_to_dict(event) == data


def test_missing_fields_are_none_and_a_whole_weight_is_a_float():
    assert event_from_dict({"kind": "set_done", "weight_kg": 16}) == SetDone(weight_kg=16.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reps": 8}, "Unknown event kind None; the kinds are set_done, skip, end_rest, undo, pause, resume, "),
        ({"kind": "skip", "reps": 8}, "A skip event has no field reps; its fields are interval_left."),
        (
            {"kind": "set_done", "sets": 3},
            "A set_done event has no field sets; its fields are reps, rir, weight_kg, hold_seconds, distance_m,"
            " interval_left.",
        ),
        ({"kind": "set_done", "reps": "8"}, "A set_done event's reps is a whole number or null, not '8'."),
        ({"kind": "set_done", "rir": True}, "A set_done event's rir is a whole number or null, not True."),
        ({"kind": "set_done", "weight_kg": "16 kg"}, "A set_done event's weight_kg is a number or null, not '16 kg'."),
    ],
)
def test_a_dict_that_is_not_an_event_is_refused_naming_the_problem(data, message):
    with pytest.raises(EventFormatError) as caught:
        event_from_dict(data)
    assert str(caught.value).startswith(message)
