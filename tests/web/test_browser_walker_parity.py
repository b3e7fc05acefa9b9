"""One set of rules: the page's walker (static/walker.js, in Chromium) and the engine agree, step by step.

For every built-in plan, the reference routine with its warm-up and the legs routine paired, a plan
of interval blocks (EMOM) and one with an AMRAP, generated sequences of events and waits go to the
Python engine (on a hand-moved clock, refusing everything once the session is finished, as the server
does) and to the walker, given the walk the server compiled. After each event both must agree on
whether it was refused, where the session stands, how many sets are logged, the time left of a rest,
a round rest or an AMRAP, and the pause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page
from tests.web.browsing import QUICK_AMRAP, QUICK_EMOM, serving

from repcoach.plan.builtins import builtin_shelf
from repcoach.session import EngineError, FakeClock, Pause, Program, Resume, SessionEngine, Undo
from repcoach.session.steps import Rest, RoundChoice, WorkStep, state_key
from repcoach.session.walk import WALKED

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROGRAMS = {
    "kettlebell-back": {"plan": "kettlebell-back"},
    "legs-glutes": {"plan": "legs-glutes"},
    "upper-body-warmup": {"plan": "upper-body-warmup"},
    "full-body day": {"plan": "kettlebell-back", "warmup": True, "with": ["legs-glutes"]},
    "quick-emom": {"plan": "quick-emom"},  # interval blocks: a superset EMOM and an alternating one
    "quick-amrap": {"plan": "quick-amrap"},  # an AMRAP of 6 s, lap after lap, then a push-up
}
PLAN_FILES = [QUICK_EMOM, QUICK_AMRAP]
KINDS = [*WALKED, "undo", "pause", "resume"]
START = 1000.0

# Runs in the page: the walker over the same actions, the same observations after each.
RUN_WALKER = """
([walk, actions, start]) => {
  let now = start * 1000;
  let state = Walker.begin(walk, now);
  const seen = [];
  for (const [kind, wait] of actions) {
    now += wait * 1000;
    let refused = false;
    try { state = Walker.apply(walk, state, kind, now); } catch (error) { refused = true; }
    const shown = Walker.view(walk, state, now);
    const left = shown.rest ? shown.rest.remaining : shown.choice ? shown.choice.rest_remaining : null;
    const rounded = (time) => (time === null || time === undefined ? null : Math.round(time * 1000) / 1000);
    const cap = shown.work ? shown.work.time_left : null;
    seen.push([refused, shown.at, shown.sets_logged, rounded(left), shown.paused, rounded(cap)]);
  }
  return seen;
}
"""


@pytest.fixture(scope="module")
def walks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    """The served app and, by program, the walk it compiles for a new session of it."""
    with serving(tmp_path_factory.mktemp("parity") / "r.db", PLAN_FILES) as base:
        compiled = {}
        for name, body in PROGRAMS.items():
            session = httpx.post(f"{base}/api/v1/sessions", json=body).json()["id"]
            walk = httpx.get(f"{base}/api/v1/sessions/{session}/walk").json()
            # the reference engine starts at its time zero: so does the walk (fetched a moment after the start)
            compiled[name] = walk | {"interval_elapsed": None if walk["interval_elapsed"] is None else 0}
            httpx.post(f"{base}/api/v1/sessions/{session}/events", json={"kind": "finish_session"}).raise_for_status()
        yield base, compiled


@pytest.fixture(scope="module")
def walker_page(browser: Browser, walks: tuple[str, dict[str, Any]]) -> Iterator[Page]:
    page = browser.new_page()
    page.goto(f"{walks[0]}/static/app.css")
    page.add_script_tag(url="/static/walker.js")
    yield page
    page.close()


def program_of(name: str) -> Program:
    shelf, body = builtin_shelf().with_files(PLAN_FILES), PROGRAMS[name]
    warm = shelf.get("upper-body-warmup") if body.get("warmup") else None
    return Program.compose(shelf.get(body["plan"]), warm, [shelf.get(other) for other in body.get("with", [])])


class Reference:
    """The engine as the server runs it: on a hand-moved clock, taking nothing once the session is finished."""

    EVENTS = {**WALKED, "undo": Undo(), "pause": Pause(), "resume": Resume()}

    def __init__(self, program: Program) -> None:
        self.clock = FakeClock(START)
        self.engine = SessionEngine(program, self.clock)

    @property
    def at(self) -> str:
        return state_key(self.engine.state)

    def step(self, kind: str, wait: float) -> list[Any]:
        """Wait, send ``kind``, and say what the walker must show after it."""
        self.clock.advance(wait)
        refused = self.at == "finished"
        if not refused:
            try:
                self.engine.apply(self.EVENTS[kind])
            except EngineError:
                refused = True
        state = self.engine.state
        left = None
        if isinstance(state, Rest):
            left = state.remaining
        elif isinstance(state, RoundChoice):
            left = state.rest_remaining
        sets = self.engine.progress.done_sets
        cap = state.time_left if isinstance(state, WorkStep) else None
        rounded = [None if time is None else round(time, 3) for time in (left, cap)]
        return [refused, self.at, sets, rounded[0], self.engine.paused, rounded[1]]


def run_engine(program: Program, actions: list[tuple[str, float]]) -> list[list[Any]]:
    reference = Reference(program)
    return [reference.step(kind, wait) for kind, wait in actions]


# Waits that land before, on and after the 90 s and 120 s rests, the 45 s and 60 s intervals and the 6 s AMRAP.
WAIT = st.sampled_from([0, 0, 0, 1, 2, 5.5, 6, 15, 30, 45, 59.5, 60, 89.5, 90, 95, 120, 200])


@pytest.mark.parametrize("name", PROGRAMS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_walker_in_chromium_agrees_with_the_engine_after_every_event(name, data, walks, walker_page):
    """Mostly events that fit where the session stands (so sessions get far: rounds, choices, the
    end), sometimes any event at all (which both must refuse alike)."""
    walk = walks[1][name]
    reference = Reference(program_of(name))
    actions, expected = [], []
    for _ in range(data.draw(st.integers(1, 120), label="length")):
        node = walk["nodes"].get(reference.at) or walk["nodes"][re.sub(r"/s\d+/", "/s*/", reference.at)]  # a lap
        fitting = [*node["on"], "undo", "pause", "resume"]
        kind = data.draw(st.sampled_from(KINDS) if data.draw(st.integers(0, 9)) == 0 else st.sampled_from(fitting))
        wait = data.draw(WAIT)
        actions.append((kind, wait))
        expected.append(reference.step(kind, wait))
    assert walker_page.evaluate(RUN_WALKER, [walk, actions, START]) == expected


def test_the_whole_reference_routine_walks_alike_to_the_end(walks, walker_page):
    done = ("set_done", 0)
    first = [done, done, ("set_done", 95), done, done]  # the 90 s rest ran out unattended
    second = [("set_done", 130), done, ("end_rest", 10), done, done, done]  # the round rest ran out; one cut short
    third = [("skip", 50), done, done, ("set_done", 95), done, done]  # a skip in a rest ends it
    finish = [("pause", 5), ("resume", 60), ("another_round", 30), ("undo", 0), ("end_rounds", 0)]
    sequence = first + second + third + finish
    seen = walker_page.evaluate(RUN_WALKER, [walks[1]["kettlebell-back"], sequence, START])
    assert seen == run_engine(program_of("kettlebell-back"), sequence)
    assert not any(step[0] for step in seen)
    assert seen[-6][1:3] == ["choice:0/r3", 15]
    # another round: 120 s from the round's end, 35 s of them gone (the 60 s paused do not count)
    assert seen[-3][1] == "rest:0/r4/b0/s1/m0" and seen[-3][3] == 85
    assert seen[-1][1:3] == ["finished", 15]


def test_an_amrap_walks_alike_lap_after_lap_across_a_pause_and_an_undo_to_the_set_after_time_is_gone(
    walks, walker_page
):
    done = ("set_done", 0.5)
    laps = [done] * 6 + [("undo", 0), done, ("pause", 1), ("resume", 30), done]  # the pause stops the clock
    ending = [done, ("set_done", 1), ("skip", 0)]  # the time goes during the fifth halo: it is the AMRAP's last set
    sequence = laps + ending
    seen = walker_page.evaluate(RUN_WALKER, [walks[1]["quick-amrap"], sequence, START])
    assert seen == run_engine(program_of("quick-amrap"), sequence)
    assert not any(step[0] for step in seen)
    assert [step[1] for step in seen[5:8]] == ["work:0/r1/b0/s4/m0", "work:0/r1/b0/s3/m1", "work:0/r1/b0/s4/m0"]
    assert seen[9][1] == "work:0/r1/b0/s4/m0" and seen[9][5] == 1.5  # 30 s paused do not count
    assert seen[11][1] == "work:0/r1/b0/s5/m0" and seen[11][5] == 0.5
    assert seen[-2][1:3] == ["work:0/r1/b1/s1/m0", 9] and seen[-2][5] is None  # the push-up
    assert seen[-1][1:3] == ["finished", 9]
