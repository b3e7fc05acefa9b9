"""The reference routine and a hand-moved clock for every session test."""

from __future__ import annotations

import pytest

from repcoach.plan import Plan
from repcoach.session import FakeClock, Program, SessionEngine

from .builders import builtin_plan


@pytest.fixture
def back() -> Plan:
    return builtin_plan("kettlebell-back")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine(back: Plan, clock: FakeClock) -> SessionEngine:
    """The reference routine alone, at its first step."""
    return SessionEngine(Program.compose(back), clock)
