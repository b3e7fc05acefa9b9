"""Waiting for a cue's deadline: sleep most of the way, close in with short sleeps, never return early."""

from __future__ import annotations

import pytest

from repcoach.session import FakeClock, ScaledClock, wait_until
from repcoach.session.deadline import COARSE_MARGIN, FINE_STEP


class Sleeper:
    """A sleep that moves a fake clock, optionally waking late, and notes every nap."""

    def __init__(self, clock: FakeClock, late: float = 0.0) -> None:
        self.clock, self.late, self.naps = clock, late, []

    def __call__(self, seconds: float) -> None:
        self.naps.append(seconds)
        self.clock.advance(seconds + self.late)


def test_waiting_sleeps_most_of_the_way_then_in_short_steps_and_never_returns_early():
    clock = FakeClock(start=0.0)
    sleep = Sleeper(clock)
    assert wait_until(clock, 2.0, sleep) >= 2.0
    assert sleep.naps[0] == pytest.approx(2.0 - COARSE_MARGIN)
    assert all(nap <= FINE_STEP for nap in sleep.naps[1:])
    assert len(sleep.naps) <= 1 + COARSE_MARGIN / FINE_STEP + 1


@pytest.mark.parametrize("start", [0.0, 1000.1, 123456.789])
def test_float_rounding_never_makes_the_wait_return_before_the_deadline(start):
    clock = FakeClock(start=start)
    deadline = start + 87.3
    assert wait_until(clock, deadline, Sleeper(clock)) >= deadline


def test_a_sleep_that_wakes_late_costs_only_the_lateness_of_the_last_short_sleep():
    clock = FakeClock(start=0.0)
    fired = wait_until(clock, 10.0, Sleeper(clock, late=0.0001))
    assert 10.0 <= fired <= 10.0 + FINE_STEP + 0.0001


def test_a_deadline_already_past_returns_at_once_without_sleeping():
    clock = FakeClock(start=5.0)
    sleep = Sleeper(clock)
    assert wait_until(clock, 4.0, sleep) == 5.0
    assert sleep.naps == []


def test_on_a_scaled_clock_the_real_sleep_is_shorter_by_the_scale():
    real = FakeClock(start=0.0)
    clock = ScaledClock(100, real)
    sleep = Sleeper(real)
    assert wait_until(clock, clock.now() + 90, sleep) >= 90
    assert sleep.naps[0] == pytest.approx(0.9 - COARSE_MARGIN)
