"""The order of work and rest: the reference routine, composition, straight sets and circuits."""

from __future__ import annotations

from repcoach.plan import Block, Move, Plan
from repcoach.plan.builtins import get_builtin_plan
from repcoach.session import TRANSITION_REST_SECONDS, FakeClock, Program, Rest, RoundChoice, SessionEngine, WorkStep

ROUND = [
    ("renegade-row", None),
    ("romanian-deadlift", None),
    ("rest", 90, "after Superset 1"),
    ("halo", None),
    ("single-arm-row", "left"),
    ("single-arm-row", "right"),
]


def compact(items: list[WorkStep | Rest | RoundChoice]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for item in items:
        if isinstance(item, WorkStep):
            out.append((item.move.exercise, item.side))
        elif isinstance(item, Rest):
            out.append(("rest", item.seconds, item.reason))
        else:
            out.append(("choice", item.round))
    return out


def test_three_rounds_of_the_reference_routine_run_in_order_with_rests_of_0_90_and_120_s(engine):
    expected = [
        *ROUND,
        ("rest", 120, "after round 1"),
        *ROUND,
        ("rest", 120, "after round 2"),
        *ROUND,
        ("choice", 3),
    ]
    assert compact(engine.timeline()) == expected


def test_five_rounds_offer_a_choice_after_rounds_3_and_4_and_stop_after_5(engine):
    items = engine.timeline({0: 5})
    assert [item.round for item in items if isinstance(item, RoundChoice)] == [3, 4]
    assert compact(items)[-6:] == ROUND
    assert sorted({item.round for item in items if isinstance(item, WorkStep)}) == [1, 2, 3, 4, 5]


def test_a_superset_has_no_rest_between_its_moves(engine):
    items = compact(engine.timeline())
    assert items[0:2] == [("renegade-row", None), ("romanian-deadlift", None)]


def test_warmup_main_and_paired_plans_run_in_that_order_with_transition_rests(back):
    warmup, legs = get_builtin_plan("upper-body-warmup"), get_builtin_plan("legs-glutes")
    engine = SessionEngine(Program.compose(back, warmup, [legs]), FakeClock())
    items = engine.timeline()
    titles = list(dict.fromkeys(item.segment_title for item in items if isinstance(item, WorkStep)))
    assert titles == ["Upper-body warm-up", "Kettlebell back workout", "Kettlebell legs and glutes"]
    transitions = [item for item in items if isinstance(item, Rest) and item.reason.startswith("before")]
    assert [(rest.seconds, rest.reason, rest.next.move.exercise) for rest in transitions] == [
        (TRANSITION_REST_SECONDS, "before Kettlebell back workout", "renegade-row"),
        (TRANSITION_REST_SECONDS, "before Kettlebell legs and glutes", "goblet-squat"),
    ]
    warmup_rests = {item.seconds for item in items if isinstance(item, Rest) and item.reason == "between moves"}
    assert warmup_rests == {10}


def plan_of(*blocks: Block, rounds: str = "2", rest_after_round: int | None = None) -> Plan:
    return Plan(id="t", title="T", rounds=rounds, rest_after_round=rest_after_round, blocks=blocks)


def test_straight_sets_rest_between_sets_and_after_the_block():
    squat = Block(
        name="Squats",
        kind="straight",
        moves=(Move(exercise="goblet-squat", reps="5"),),
        sets=3,
        rest_between_sets=60,
        rest_after=120,
    )
    swing = Block(name="Swings", kind="straight", moves=(Move(exercise="kettlebell-swing", reps="15"),))
    engine = SessionEngine(Program.compose(plan_of(squat, swing, rounds="1")), FakeClock())
    assert compact(engine.timeline()) == [
        ("goblet-squat", None),
        ("rest", 60, "between sets of Squats"),
        ("goblet-squat", None),
        ("rest", 60, "between sets of Squats"),
        ("goblet-squat", None),
        ("rest", 120, "after Squats"),
        ("kettlebell-swing", None),
    ]
    assert [item.set_number for item in engine.timeline() if isinstance(item, WorkStep)] == [1, 2, 3, 1]


def test_a_circuit_rests_between_moves_and_without_a_round_rest_uses_its_own_rest_between_rounds():
    circuit = Block(
        name="Circuit",
        kind="circuit",
        rest_between_moves=15,
        rest_after=45,
        moves=(Move(exercise="goblet-squat", reps="10"), Move(exercise="push-up", reps="10")),
    )
    engine = SessionEngine(Program.compose(plan_of(circuit)), FakeClock())
    assert compact(engine.timeline()) == [
        ("goblet-squat", None),
        ("rest", 15, "between moves"),
        ("push-up", None),
        ("rest", 45, "after round 1"),
        ("goblet-squat", None),
        ("rest", 15, "between moves"),
        ("push-up", None),
    ]


def test_round_labels_read_as_a_person_says_them(engine):
    assert engine.state.round_label == "Round 1 of 3-5"
