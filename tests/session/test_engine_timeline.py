"""The planned order of work and rest: the reference routine, composition, straight sets and circuits."""

from __future__ import annotations

import pytest

from repcoach.plan import Block
from repcoach.session import (
    TRANSITION_REST_SECONDS,
    EngineError,
    FakeClock,
    Program,
    Rest,
    RoundChoice,
    SessionEngine,
    WorkStep,
)

from .builders import builtin_plan, compact, legs_plan, move, plan_of, warmup_plan


def one_round(r: int) -> list[tuple[object, ...]]:
    return [
        ("renegade-row", None, r),
        ("romanian-deadlift", None, r),
        ("rest", 90, "after Superset 1"),
        ("halo", None, r),
        ("single-arm-row", "left", r),
        ("single-arm-row", "right", r),
    ]


def test_three_rounds_of_the_reference_routine_run_in_order_with_rests_of_0_90_and_120_s(engine):
    assert compact(engine.timeline()) == [
        *one_round(1),
        ("rest", 120, "after round 1"),
        *one_round(2),
        ("rest", 120, "after round 2"),
        *one_round(3),
        ("choice", 3),
    ]


def test_five_rounds_offer_a_choice_after_rounds_3_and_4_and_stop_after_5(engine):
    assert compact(engine.timeline({0: 5})) == [
        *one_round(1),
        ("rest", 120, "after round 1"),
        *one_round(2),
        ("rest", 120, "after round 2"),
        *one_round(3),
        ("choice", 3),
        ("rest", 120, "after round 3"),
        *one_round(4),
        ("choice", 4),
        ("rest", 120, "after round 4"),
        *one_round(5),
    ]


def test_a_choice_tells_the_round_rest_that_would_follow(engine):
    [choice] = [item for item in engine.timeline() if isinstance(item, RoundChoice)]
    assert (choice.round, str(choice.rounds), choice.rest_seconds, choice.segment_title) == (
        3,
        "3-5",
        120,
        "Kettlebell back workout",
    )


def test_warmup_main_and_paired_plans_run_in_that_order_with_transition_rests(back):
    program = Program.compose(back, warmup_plan(), [legs_plan()])
    items = compact(SessionEngine(program, FakeClock()).timeline())
    assert items == [
        ("arm-circles", None, 1),
        ("rest", 10, "between moves"),
        ("around-the-world", "left", 1),
        ("around-the-world", "right", 1),
        ("rest", 10, "between moves"),
        ("kettlebell-deadlift", None, 1),
        ("rest", TRANSITION_REST_SECONDS, "before Kettlebell back workout"),
        *one_round(1),
        ("rest", 120, "after round 1"),
        *one_round(2),
        ("rest", 120, "after round 2"),
        *one_round(3),
        ("choice", 3),
        ("rest", TRANSITION_REST_SECONDS, "before Kettlebell legs and glutes"),
        *[
            *[("goblet-squat", None, 1), ("reverse-lunge", "left", 1), ("reverse-lunge", "right", 1)],
            ("rest", 90, "after round 1"),
            *[("goblet-squat", None, 2), ("reverse-lunge", "left", 2), ("reverse-lunge", "right", 2)],
            ("rest", 90, "after round 2"),
            *[("goblet-squat", None, 3), ("reverse-lunge", "left", 3), ("reverse-lunge", "right", 3)],
        ],
        ("choice", 3),
    ]


def test_the_built_in_warmup_back_and_legs_plans_compose_in_that_order(back):
    program = Program.compose(back, builtin_plan("upper-body-warmup"), [builtin_plan("legs-glutes")])
    items = SessionEngine(program, FakeClock()).timeline()
    titles = list(dict.fromkeys(item.segment_title for item in items if isinstance(item, WorkStep)))
    assert titles == ["Upper-body warm-up", "Kettlebell back workout", "Kettlebell legs and glutes"]
    transitions = [item for item in items if isinstance(item, Rest) and item.reason.startswith("before")]
    assert [(rest.seconds, rest.reason, rest.next.segment_index, rest.next.round) for rest in transitions] == [
        (60, "before Kettlebell back workout", 1, 1),
        (60, "before Kettlebell legs and glutes", 2, 1),
    ]


def test_a_segment_run_for_more_rounds_is_followed_by_the_next_one_after_the_transition(back):
    program = Program.compose(back, paired=[legs_plan()])
    items = compact(SessionEngine(program, FakeClock()).timeline({0: 4, 1: 4}))
    transition = items.index(("rest", 60, "before Kettlebell legs and glutes"))
    assert items[transition - 2 : transition + 2] == [
        ("single-arm-row", "right", 4),
        ("choice", 4),
        ("rest", 60, "before Kettlebell legs and glutes"),
        ("goblet-squat", None, 1),
    ]
    assert items[-1] == ("reverse-lunge", "right", 4)  # 4 is the legs' maximum: no choice after it


def test_straight_sets_rest_between_sets_and_after_the_block():
    squats = Block(
        name="Squats",
        kind="straight",
        moves=(move("goblet-squat"),),
        sets=3,
        rest_between_sets=60,
        rest_after=120,
    )
    swings = Block(name="Swings", kind="straight", moves=(move("kettlebell-swing"),), sets=2, rest_between_sets=30)
    items = SessionEngine(Program.compose(plan_of(squats, swings)), FakeClock()).timeline()
    assert compact(items) == [
        ("goblet-squat", None, 1),
        ("rest", 60, "between sets of Squats"),
        ("goblet-squat", None, 1),
        ("rest", 60, "between sets of Squats"),
        ("goblet-squat", None, 1),
        ("rest", 120, "after Squats"),
        ("kettlebell-swing", None, 1),
        ("rest", 30, "between sets of Swings"),
        ("kettlebell-swing", None, 1),
    ]
    assert [(item.set_number, item.sets) for item in items if isinstance(item, WorkStep)] == [
        (1, 3),
        (2, 3),
        (3, 3),
        (1, 2),
        (2, 2),
    ]


def test_a_circuit_rests_between_moves_and_between_its_sets():
    circuit = Block(
        name="Circuit",
        kind="circuit",
        sets=2,
        rest_between_moves=15,
        rest_between_sets=45,
        moves=(move("goblet-squat"), move("single-arm-row", per_side=True), move("push-up")),
    )
    items = SessionEngine(Program.compose(plan_of(circuit)), FakeClock()).timeline()
    one_set = [
        ("goblet-squat", None, 1),
        ("rest", 15, "between moves"),
        ("single-arm-row", "left", 1),
        ("single-arm-row", "right", 1),
        ("rest", 15, "between moves"),
        ("push-up", None, 1),
    ]
    assert compact(items) == [*one_set, ("rest", 45, "between sets of Circuit"), *one_set]


@pytest.mark.parametrize(
    ("rest_after_round", "rest_after", "expected"),
    [
        (120, 45, ("rest", 120, "after round 1")),  # the round rest replaces the last block's rest
        (None, 45, ("rest", 45, "after round 1")),  # no round rest: the last block's own rest
        (0, 45, None),  # a round rest of 0: no rest at all
        (None, 0, None),
    ],
)
def test_between_rounds_comes_the_round_rest_or_else_the_last_blocks_rest(rest_after_round, rest_after, expected):
    block = Block(name="Pair", kind="superset", moves=(move("goblet-squat"), move("push-up")), rest_after=rest_after)
    plan = plan_of(block, rounds="2", rest_after_round=rest_after_round)
    items = compact(SessionEngine(Program.compose(plan), FakeClock()).timeline())
    between = [items[2]] if expected else []
    assert between == ([expected] if expected else [])
    assert items[-2:] == [("goblet-squat", None, 2), ("push-up", None, 2)]  # no rest after the final round


def test_every_step_of_a_session_has_its_own_key(back):
    program = Program.compose(back, warmup_plan(), [legs_plan()])
    steps = [item for item in SessionEngine(program, FakeClock()).timeline({1: 5, 2: 4}) if isinstance(item, WorkStep)]
    assert len({step.key for step in steps}) == len(steps)
    assert steps[0].key == "0/r1/b0/s1/m0"
    assert [step.key for step in steps if step.round == 2 and step.move.exercise == "single-arm-row"] == [
        "1/r2/b1/s1/m1/left",
        "1/r2/b1/s1/m1/right",
    ]


@pytest.mark.parametrize(
    ("rounds", "message"),
    [
        ({0: 6}, "Kettlebell back workout runs 3-5 rounds, not 6."),
        ({0: 2}, "Kettlebell back workout runs 3-5 rounds, not 2."),
        ({1: 3}, "There is no segment 1; this session has segments 0 to 0."),
    ],
)
def test_a_timeline_outside_the_plans_rounds_is_refused(engine, rounds, message):
    with pytest.raises(EngineError) as caught:
        engine.timeline(rounds)
    assert str(caught.value) == message


def test_round_labels_read_as_a_person_says_them(engine):
    labels = [item.round_label for item in engine.timeline({0: 4}) if isinstance(item, WorkStep)]
    assert labels[0] == "Round 1 of 3-5"
    assert labels[-1] == "Round 4 of 3-5"
