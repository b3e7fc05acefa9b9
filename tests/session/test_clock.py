"""The clocks: the real monotonic one, a faster one for demos and tests, and one moved by hand."""

from __future__ import annotations

import pytest

from repcoach.session import FakeClock, MonotonicClock, ScaledClock, clock_speed


def test_the_monotonic_clock_never_goes_back():
    clock = MonotonicClock()
    readings = [clock.now() for _ in range(1000)]
    assert readings == sorted(readings)


def test_a_fake_clock_moves_only_when_advanced():
    clock = FakeClock(start=10.0)
    assert clock.now() == clock.now() == 10.0
    clock.advance(89)
    clock.advance(1)
    assert clock.now() == 100.0


def test_a_fake_clock_cannot_go_back():
    with pytest.raises(ValueError, match=r"a monotonic clock cannot go back \(advance by -1\)"):
        FakeClock().advance(-1)


@pytest.mark.parametrize(
    ("factor", "base_seconds", "clock_seconds"),
    [
        (1.0, 2.0, 2.0),
        (100.0, 0.9, 90.0),  # REPCOACH_TIME_SCALE=100: a 90 s rest in 0.9 s
        (0.5, 10.0, 5.0),  # slower than real time, for a slow-motion demo
    ],
)
def test_a_scaled_clock_runs_factor_times_faster_than_its_base(factor, base_seconds, clock_seconds):
    base = FakeClock(start=50.0)
    clock = ScaledClock(factor, base)
    start = clock.now()
    base.advance(base_seconds)
    assert clock.now() - start == pytest.approx(clock_seconds)


def test_a_scaled_clock_starts_at_its_bases_reading():
    assert ScaledClock(10, FakeClock(start=123.0)).now() == 123.0


def test_a_scaled_clock_runs_on_the_real_clock_by_default():
    clock = ScaledClock(1000)
    start = clock.now()
    assert isinstance(clock.base, MonotonicClock)
    assert clock.now() >= start


@pytest.mark.parametrize("factor", [0, -2, float("nan")])
def test_a_time_scale_must_be_above_zero(factor):
    with pytest.raises(ValueError, match="a time scale must be above 0"):
        ScaledClock(factor, FakeClock())


def test_the_speed_of_nested_scaled_clocks_multiplies():
    assert clock_speed(FakeClock()) == 1.0
    assert clock_speed(ScaledClock(4, ScaledClock(25, FakeClock()))) == 100.0
