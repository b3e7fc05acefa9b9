"""The walk a phone follows alone: every state the engine can reach, and what each event leads to."""

from __future__ import annotations

from pathlib import Path

from repcoach.plan import Plan
from repcoach.plan.loading import load_plan_file
from repcoach.session import FakeClock, Program, SessionEngine
from repcoach.session.steps import state_key
from repcoach.session.walk import WALKED, Edge, Undone, compile_walk, node_at

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


def test_an_amrap_walks_its_first_lap_then_one_node_for_every_later_lap_and_leaves_when_time_is_gone():
    walk = compile_walk(walk_program(), [])
    first, squat = walk.nodes["work:0/r1/b0/s1/m0"], walk.nodes["work:0/r1/b0/s1/m1"]
    assert first.starts_interval and first.time_cap == 6 and not first.lapped  # its first step starts the clock
    assert squat.on["set_done"] == Edge("work:0/r1/b0/s*/m0", next_lap=True)
    later = walk.nodes["work:0/r1/b0/s*/m0"]
    assert later.lapped and not later.starts_interval and later.time_cap == 6
    assert walk.nodes["work:0/r1/b0/s*/m1"].on["set_done"] == Edge("work:0/r1/b0/s*/m0", next_lap=True)
    for node in (first, squat, later):  # the set done once time is gone is the last: on to the push-up
        assert node.capped["set_done"].to == node.capped["skip"].to == "work:0/r1/b1/s1/m0"
    finisher = walk.nodes["work:0/r1/b1/s1/m0"]
    assert finisher.time_cap == 0 and finisher.capped == {} and finisher.on["set_done"].to == "finished"
    assert len(walk.nodes) == 6  # two moves in the first lap, two in every later one, the push-up, the end
    assert node_at(walk.nodes, "work:0/r1/b0/s4/m1") is walk.nodes["work:0/r1/b0/s*/m1"]
    assert node_at(walk.nodes, "work:0/r1/b1/s2/m0") is None  # the push-up has no second set


def test_a_walk_in_a_later_lap_stands_at_its_node_with_the_lap_and_what_each_undo_takes_back():
    walk = compile_walk(walk_program(), [{"kind": "set_done", "reps": 5}] * 5)
    assert (walk.current, walk.lap) == ("work:0/r1/b0/s*/m1", 2)  # the goblet squat of the third lap
    assert [(undone.to, undone.lap) for undone in walk.undo] == [
        ("work:0/r1/b0/s1/m0", 0),
        ("work:0/r1/b0/s1/m1", 0),
        ("work:0/r1/b0/s*/m0", 1),
        ("work:0/r1/b0/s*/m1", 1),
        ("work:0/r1/b0/s*/m0", 2),
    ]
    time_gone = [{"kind": "set_done", "reps": 5}, {"kind": "set_done", "reps": 5, "interval_left": 0}]
    assert compile_walk(walk_program(), time_gone).current == "work:0/r1/b1/s1/m0"


def walk_program() -> Program:
    return Program.compose(load_plan_file(AMRAP))
