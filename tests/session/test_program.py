"""A program: the session's segments in order, kept with the session exactly as it started."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from repcoach.session import FakeClock, Program, SessionEngine

from .builders import builtin_plan, legs_plan, warmup_plan


def test_a_program_is_warmup_then_main_then_each_paired_plan(back):
    program = Program.compose(back, warmup_plan(), [legs_plan(), builtin_plan("legs-glutes")])
    assert program.plan_ids == ["warmup", "kettlebell-back", "legs", "legs-glutes"]
    assert program.title == (
        "Upper-body warm-up + Kettlebell back workout + Kettlebell legs and glutes + Kettlebell legs and glutes"
    )


def test_a_program_without_warmup_or_pairing_is_the_main_plan_alone(back):
    program = Program.compose(back)
    [segment] = program.segments
    assert (segment.plan_id, str(segment.rounds), segment.rest_after_round, segment.round_rest) == (
        "kettlebell-back",
        "3-5",
        120,
        120,
    )


@pytest.mark.parametrize(
    "compose",
    [
        lambda back: Program.compose(back),
        lambda back: Program.compose(back, warmup_plan(), [legs_plan()]),
        lambda back: Program.compose(
            back, builtin_plan("upper-body-warmup"), [builtin_plan("legs-glutes")]
        ),  # loads, holds, per-side moves
    ],
)
def test_a_program_survives_json_and_back_exactly(back, compose):
    program = compose(back)
    data = json.loads(json.dumps(program.to_dict()))
    assert Program.from_dict(data) == program
    assert Program.from_dict(data).to_dict() == program.to_dict()


def test_a_stored_program_runs_the_same_session_whatever_the_plan_files_say_later(back):
    stored = json.dumps(Program.compose(back).to_dict())
    program = Program.from_dict(json.loads(stored))
    live = SessionEngine(Program.compose(back), FakeClock()).timeline({0: 5})
    assert SessionEngine(program, FakeClock()).timeline({0: 5}) == live


def test_a_stored_program_that_is_not_one_is_refused(back):
    data = Program.compose(back).to_dict()
    data["segments"][0]["rounds"] = {"low": 0, "high": 2}
    with pytest.raises(ValidationError, match="rounds must start at 1 or more"):
        Program.from_dict(data)
