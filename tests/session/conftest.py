"""Plans and engines for session tests, built from the real built-in plans."""

from __future__ import annotations

import pytest

from repcoach.plan import Plan
from repcoach.plan.builtins import get_builtin_plan
from repcoach.session import FakeClock, Program, SessionEngine


@pytest.fixture
def back() -> Plan:
    return get_builtin_plan("kettlebell-back")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine(back: Plan, clock: FakeClock) -> SessionEngine:
    """The reference routine, alone, at its first step."""
    return SessionEngine(Program.compose(back), clock)
