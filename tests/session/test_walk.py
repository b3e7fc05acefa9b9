"""The walk a phone follows alone: every state the engine can reach, and what each event leads to."""

from __future__ import annotations

from pathlib import Path

import pytest

from repcoach.plan import Plan
from repcoach.plan.loading import load_plan_file
from repcoach.session import FakeClock, Program, SessionEngine
from repcoach.session.steps import state_key
from repcoach.session.walk import WALKED, NotWalkable, Undone, compile_walk

AMRAP = Path(__file__).parents[1] / "web" / "data" / "quick-amrap.toml"


def follow(walk, kinds: list[str], start: str | None = None) -> list[str]:
    at = start or walk.current
    seen = [at]
    for kind in kinds:
        at = walk.nodes[at].on[kind].to
        seen.append(at)
    return seen


def test_the_reference_routine_walks_supersets_rests_rounds_and_the_choice_as_the_engine_does(back: Plan):
    walk = compile_walk(Program.compose(back), [])
    assert walk.current == "work:0/r1/b0/s1/m0" and walk.undo == ()
    one_round = follow(walk, ["set_done", "set_done", "end_rest", "set_done", "set_done", "set_done"])
    assert one_round == [
        "work:0/r1/b0/s1/m0",  # renegade row
        "work:0/r1/b0/s1/m1",  # Romanian deadlift, no rest inside the superset
        "rest:0/r1/b1/s1/m0",  # 90 s after Superset 1
        "work:0/r1/b1/s1/m0",  # halo
        "work:0/r1/b1/s1/m1/left",  # single-arm row, each side
        "work:0/r1/b1/s1/m1/right",
        "rest:0/r2/b0/s1/m0",  # 2 min after round 1
    ]
    rest = walk.nodes["rest:0/r1/b1/s1/m0"].state
    assert (rest.seconds, rest.reason) == (90, "after Superset 1")
    assert walk.nodes["rest:0/r2/b0/s1/m0"].state.seconds == 120
    round_three_end = "work:0/r3/b1/s1/m1/right"
    assert follow(walk, ["set_done"], round_three_end)[-1] == "choice:0/r3"  # 3 rounds at least
    choice = walk.nodes["choice:0/r3"].on
    assert choice["another_round"].to == "rest:0/r4/b0/s1/m0" and choice["another_round"].from_round_end
    assert choice["end_rounds"].to == "finished"
    assert walk.nodes["finished"].on == {}
    assert "choice:0/r5" not in walk.nodes  # 5 is the most: after round 5 the session ends
    assert follow(walk, ["set_done"], "work:0/r5/b1/s1/m1/right")[-1] == "finished"


def test_every_state_the_engine_reaches_is_a_node_and_every_edge_leads_where_the_engine_goes(back: Plan):
    program = Program.compose(back)
    walk = compile_walk(program, [])
    assert len(walk.nodes) == 25 + 5 + 4 + 2 + 1  # work steps, rests after Superset 1, round rests, choices, the end
    engine = SessionEngine(program, FakeClock())
    for turn in range(80):
        at = state_key(engine.state)
        if at == "finished":
            break
        allowed = list(walk.nodes[at].on)
        kind = allowed[turn % len(allowed)]
        engine.apply(WALKED[kind])
        assert walk.nodes[at].on[kind].to == state_key(engine.state)
    assert state_key(engine.state) == "finished"


def test_a_walk_stands_where_the_stored_events_left_it_with_what_each_undo_takes_back(back: Plan):
    history = [{"kind": "set_done", "reps": 8}, {"kind": "skip"}, {"kind": "end_rest"}]
    walk = compile_walk(Program.compose(back), history)
    assert walk.current == "work:0/r1/b1/s1/m0"
    assert walk.undo == (Undone("work:0/r1/b0/s1/m0", set_done=True), Undone("work:0/r1/b0/s1/m1", set_done=False))


def test_a_session_with_an_amrap_is_not_walkable_its_laps_need_the_server_clock():
    with pytest.raises(NotWalkable, match="an AMRAP"):
        compile_walk(Program.compose(load_plan_file(AMRAP)), [])
