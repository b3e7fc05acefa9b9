"""Cue deadlines: beeps 3, 2 and 1 s before a rest ends, and at its end; none outside a running rest."""

from __future__ import annotations

import pytest

from repcoach.session import Pause, Resume, cue_deadlines

from .builders import do_sets


def test_a_rest_has_cues_at_3_2_1_seconds_before_its_end_and_at_the_end(engine, clock):
    do_sets(engine, 2)
    start = clock.now()
    assert engine.cue_times() == [start + 87, start + 88, start + 89, start + 90]


@pytest.mark.parametrize(
    ("elapsed", "left"),
    [
        (50.0, [87, 88, 89, 90]),
        (87.0, [88, 89, 90]),  # a cue at this very moment has fired
        (88.5, [89, 90]),
        (89.999, [90]),
        (90.0, []),  # the rest is over
    ],
)
def test_only_cues_still_to_come_are_given(engine, clock, elapsed, left):
    do_sets(engine, 2)
    start = clock.now()
    clock.advance(elapsed)
    assert engine.cue_times() == [start + offset for offset in left]


def test_a_paused_rest_has_no_cues_and_resuming_moves_them_by_the_pause(engine, clock):
    do_sets(engine, 2)
    start = clock.now()
    clock.advance(10)
    engine.apply(Pause())
    assert engine.cue_times() == []
    clock.advance(300)
    engine.apply(Resume())
    assert engine.cue_times() == [start + 300 + offset for offset in (87, 88, 89, 90)]


def test_work_and_round_choices_have_no_cues(engine):
    assert engine.cue_times() == []


def test_a_rest_shorter_than_the_countdown_beeps_only_for_what_fits():
    assert cue_deadlines(rest_end=102.0, now=100.0) == [101.0, 102.0]
