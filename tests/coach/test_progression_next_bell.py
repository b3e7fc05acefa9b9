"""The next session's bell for a move, from hand-computed histories of the reference routine (6-10 reps, RIR 0-2)."""

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repcoach.coach import LoggedSet, Recommendation, history_read, recommend_next
from repcoach.coach.bells import guide_in
from repcoach.plan import IntRange, LoadGuide, Move
from repcoach.units import to_kg

NOW = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)
ROW = Move(exercise="renegade-row", reps="6-10", rir="0-2", load="light-medium")
RDL = Move(exercise="romanian-deadlift", reps="6-10", rir="0-2", load="medium-heavy")
ROUNDS = IntRange(low=3, high=5)
MEDIUM_HEAVY_LB = LoadGuide(low=20, high=35, unit="lb")
HALO_HOLD = Move(exercise="renegade-row", hold_seconds="30 s", load="light-medium")
"""A timed move of the same exercise, which reads back to its last bell."""


def session(
    sets: list[tuple[int, int | None, float | None]], days_ago: int = 2, exercise: str = "renegade-row"
) -> list[LoggedSet]:
    """One session's sets, one per round, each ``(reps, rir, kg)``, five minutes apart."""
    start = NOW - timedelta(days=days_ago)
    return [
        LoggedSet(exercise, f"{exercise}-{days_ago}", start + timedelta(minutes=5 * i), reps, rir, kg, round=i + 1)
        for i, (reps, rir, kg) in enumerate(sets)
    ]


def advise(history: list[LoggedSet], bells: list[float], move: Move = ROW, unit: str = "kg") -> Recommendation:
    return recommend_next(move, history, bells, "beginner", unit, NOW, rounds=ROUNDS)  # type: ignore[arg-type]


def test_a_small_owned_jump_that_the_range_absorbs_moves_up_directly():
    # Weakest set 10 @ RIR 2 with 16 kg: e1RM 16 * (1 + 12/30) = 22.4 kg; at 18 kg 30 * (22.4/18 - 1) = 7.3 reps.
    history = session([(10, 2, 16.0), (10, 3, 16.0), (10, 2, 16.0)])
    advice = advise(history, [12.0, 16.0, 18.0])
    assert (advice.action, advice.weight_kg, advice.rounds, advice.target_reps) == (
        "up",
        18.0,
        3,
        IntRange(low=6, high=10),
    )
    assert (
        advice.reason
        == "All 3 sets of 10 reps at RIR 2-3 with 16 kg: move up to 18 kg, where that effort predicts 7 reps."
    )


def test_topping_out_below_the_plans_most_rounds_adds_a_round_before_a_4_kg_jump():
    # e1RM 12 * 1.4 = 16.8 kg predicts 30 * (16.8/16 - 1) = 1.5 reps at 16 kg: too big a jump for 6-10.
    advice = advise(session([(10, 2, 12.0)] * 3), [12.0, 16.0])
    assert (advice.action, advice.lever, advice.weight_kg, advice.rounds) == ("lever", "add a round", 12.0, 4)
    assert (
        advice.reason == "All 3 sets of 10 reps at RIR 2 with 12 kg: add a round (4 of up to 5) before a heavier bell."
    )


def test_topping_out_at_the_most_rounds_brings_the_heavier_bell_into_round_1_only():
    advice = advise(session([(10, 1, 12.0)] * 5), [8.0, 12.0, 16.0])
    assert (advice.action, advice.lever) == ("lever", "heavier bell for round 1 only")
    assert (advice.weight_kg, advice.first_round_kg, advice.rounds) == (12.0, 16.0, 5)
    assert advice.reason == (
        "All 5 sets of 10 reps at RIR 1 with 12 kg: do round 1 with 16 kg and the rest with 12 kg "
        "until round 1 reaches 6 reps."
    )


def test_mixed_rounds_continue_while_round_1_with_the_heavier_bell_is_short_of_the_range():
    history = session([(4, 0, 16.0)] + [(10, 1, 12.0)] * 4)
    advice = advise(history, [12.0, 16.0])
    assert (advice.action, advice.first_round_kg) == ("lever", 16.0)
    assert advice.reason.endswith("until round 1 reaches 6 reps (round 1 reached 4 so far).")
    assert advice.reason.startswith("All 4 sets of 10 reps at RIR 1 with 12 kg")  # the 16 kg set is not a working set


def test_round_1_reaching_the_range_with_the_heavier_bell_moves_every_round_up_and_back_to_3_rounds():
    history = session([(6, 0, 16.0)] + [(10, 1, 12.0)] * 4)
    advice = advise(history, [12.0, 16.0])
    assert (advice.action, advice.weight_kg, advice.rounds, advice.first_round_kg) == ("up", 16.0, 3, None)
    assert advice.reason == (
        "Round 1 reached 6 reps with 16 kg and the other rounds topped out: "
        "move up to 16 kg for every round, from 6 reps."
    )


@pytest.mark.parametrize(
    ("sets", "aim"),
    [
        ([(8, 1, 12.0), (9, 2, 12.0), (7, 1, 12.0)], "9-10"),  # the lower median is 8, so aim for 9
        ([(10, 2, 12.0), (10, 2, 12.0), (9, 1, 12.0)], "10"),  # one set short of the top: not yet
        ([(9, 1, 12.0), (8, 1, 12.0), (5, 0, 12.0)], "9-10"),  # one tired set below the range is noise
        ([(6, None, 12.0), (6, None, 12.0), (6, None, 12.0)], "7-10"),  # unrated sets still count their reps
    ],
)
def test_sets_inside_the_range_keep_the_bell_and_aim_for_one_more_rep_than_the_typical_set(sets, aim):
    advice = advise(session(sets), [8.0, 12.0, 16.0])
    assert (advice.action, advice.weight_kg, advice.rounds, str(advice.target_reps)) == ("hold", 12.0, 3, aim)


@pytest.mark.parametrize(
    ("sets", "bells", "expected_kg"),
    [
        ([(7, 0, 16.0), (5, 0, 16.0), (4, 0, 16.0)], [12.0, 16.0], 12.0),  # two of three below 6 reps
        ([(5, 0, 16.0), (5, 1, 16.0)], [8.0, 12.0, 16.0], 12.0),  # one step down, not to the lightest
        ([(4, 2, 16.0), (9, 1, 16.0)], [14.0, 16.0, 20.0], 14.0),  # half the sets below is enough
    ],
)
def test_sets_below_the_range_move_down_to_the_next_lighter_owned_bell(sets, bells, expected_kg):
    advice = advise(session(sets), bells)
    assert (advice.action, advice.weight_kg, advice.rounds) == ("down", expected_kg, 3)


def test_failing_below_the_range_says_so_with_the_numbers():
    advice = advise(session([(7, 0, 16.0), (5, 0, 16.0), (4, 0, 16.0)]), [12.0, 16.0])
    assert advice.reason == "3 sets of 7, 5 and 4 reps at RIR 0 with 16 kg, below the 6-10 range: move down to 12 kg."


def test_below_the_range_with_the_lightest_owned_bell_keeps_it_and_suggests_the_size_below():
    advice = advise(session([(4, 0, 8.0)] * 3), [8.0, 12.0])
    assert (advice.action, advice.weight_kg, advice.lever, advice.buy_next_kg) == ("hold", 8.0, "longer rests", 6.0)
    assert advice.buy_reason == "Buy a 6 kg bell next: the next size down from 8 kg."


@pytest.mark.parametrize(
    ("bells", "buy_kg"),
    [
        ([12.0], 14.0),  # no heavier bell at all
        ([8.0, 12.0, 20.0], 14.0),  # 20 kg is two sizes up: too far even for round 1
    ],
)
def test_topping_out_when_the_next_size_is_not_owned_slows_the_tempo_and_names_the_bell_to_buy(bells, buy_kg):
    advice = advise(session([(10, 1, 12.0)] * 5), bells)
    assert (advice.action, advice.weight_kg, advice.rounds) == ("lever", 12.0, 5)
    assert advice.lever == "3-second lowering and a pause at the top"
    assert advice.buy_next_kg == buy_kg
    assert advice.reason == (
        "All 5 sets of 10 reps at RIR 1 with 12 kg, and you own no 14 kg bell: "
        "meanwhile keep 12 kg with a 3-second lowering and a pause at the top."
    )
    assert advice.buy_reason == "Buy a 14 kg bell next: the next size up from 12 kg."


def test_a_lb_set_climbs_through_5_lb_sizes():
    bells = [to_kg(pounds, "lb") for pounds in (15, 25, 35)]
    history = session([(10, 1, to_kg(25, "lb"))] * 5)
    mixed = advise(history, bells, unit="lb")  # 35 lb is one usual 10-lb step up
    assert mixed.first_round_kg == pytest.approx(to_kg(35, "lb"))
    assert "do round 1 with 35 lb and the rest with 25 lb" in mixed.reason
    alone = advise(history, bells[:2], unit="lb")
    assert alone.buy_next_kg == pytest.approx(to_kg(30, "lb"))
    assert alone.buy_reason == "Buy a 30 lb bell next: the next size up from 25 lb."


def test_an_adjustable_bell_is_its_list_of_settings():
    # Settings 12, 14, 16 kg: e1RM 12 * (1 + 12/30) = 16.8 kg predicts 30 * (16.8/14 - 1) = 6 reps at 14 kg.
    advice = advise(session([(10, 2, 12.0)] * 3), [12.0, 14.0, 16.0])
    assert (advice.action, advice.weight_kg) == ("up", 14.0)


def test_only_the_last_session_of_the_move_counts():
    older = session([(10, 2, 12.0)] * 3, days_ago=5)
    other_move = session([(3, 0, 24.0)] * 3, days_ago=1, exercise="romanian-deadlift")
    latest = session([(8, 1, 12.0)] * 3, days_ago=3)
    advice = advise(older + latest + other_move, [12.0, 16.0])
    assert (advice.action, str(advice.target_reps)) == ("hold", "9-10")


def test_both_sides_of_a_per_side_move_are_sets_of_the_session():
    move = Move(exercise="single-arm-row", reps="6-10", rir="0-2", per_side=True, load="light-medium")
    start = NOW - timedelta(days=2)
    history = [
        LoggedSet("single-arm-row", "s", start + timedelta(minutes=i), 10, 2, 12.0, side=side, round=1 + i // 2)
        for i, side in enumerate(["left", "right"] * 3)
    ]
    advice = advise(history, [12.0, 16.0], move=move)
    assert advice.rounds == 4
    assert advice.reason.startswith("All 6 sets of 10 reps at RIR 2 with 12 kg")


def test_a_first_session_starts_from_the_plans_guide_the_users_level_and_bells():
    history = session([(10, 2, 12.0)] * 3, exercise="renegade-row")  # another move's history does not count
    advice = recommend_next(RDL, history, [4.0, 8.0, 12.0, 16.0], "beginner", "kg", NOW, MEDIUM_HEAVY_LB, ROUNDS)
    assert (advice.action, advice.weight_kg, advice.rounds, str(advice.target_reps)) == ("start", 12.0, 3, "6-10")
    assert advice.reason == (
        "First time with Romanian deadlift: start with 12 kg, your bell closest to the plan's medium-heavy guide "
        "(about 9-16 kg, 20-35 lb in the plan) for a beginner, for 6-10 reps."
    )  # a kg user reads the guide in kg: no "start with 12 kg ... about 20-35 lb" mix


def test_a_guide_in_the_users_own_unit_is_shown_as_the_plan_gives_it():
    assert guide_in(MEDIUM_HEAVY_LB, "lb") == "about 20-35 lb"
    assert guide_in(LoadGuide(low=8, high=12, unit="kg"), "lb") == "about 17.5-26.5 lb, 8-12 kg in the plan"


@pytest.mark.parametrize(
    ("days_ago", "action", "expected_kg"),
    [
        (13, "hold", 16.0),  # under two weeks: carry on where you were
        (14, "down", 12.0),
        (40, "down", 12.0),
    ],
)
def test_two_weeks_or_more_without_the_move_restarts_a_bell_lighter(days_ago, action, expected_kg):
    advice = advise(session([(8, 1, 16.0)] * 3, days_ago=days_ago), [12.0, 16.0])
    assert (advice.action, advice.weight_kg) == (action, expected_kg)


def test_a_restart_names_the_break():
    advice = advise(session([(10, 1, 16.0)] * 5, days_ago=20), [8.0, 12.0, 16.0])
    assert (
        advice.reason
        == "Your last renegade-row was 20 days ago: restart a step lighter with 12 kg at 6 reps and 3 rounds."
    )
    assert advice.rounds == 3


def test_a_bodyweight_move_climbs_rounds_then_tempo_without_a_bell():
    move = Move(exercise="push-up", reps="6-10", rir="0-2", load="bodyweight")
    three = advise(session([(10, 2, None)] * 3, exercise="push-up"), [12.0], move=move)
    assert (three.action, three.lever, three.weight_kg, three.rounds) == ("lever", "add a round", None, 4)
    five = advise(session([(10, 2, None)] * 5, exercise="push-up"), [12.0], move=move)
    assert (five.lever, five.weight_kg, five.buy_next_kg) == ("3-second lowering and a pause at the top", None, None)


def test_a_timed_move_keeps_its_last_bell():
    move = Move(exercise="halo", hold_seconds="30 s", load="light")
    history = [LoggedSet("halo", "s", NOW - timedelta(days=2), None, None, 8.0, hold_seconds=30)]
    advice = advise(history, [8.0, 12.0], move=move)
    assert (advice.action, advice.weight_kg, advice.target_reps) == ("hold", 8.0, None)


@pytest.mark.parametrize(
    ("sets", "bells", "message"),
    [
        ([(10, -1, 12.0)], [12.0], "RIR -1 is impossible; reps in reserve are 0 (failure) or more"),
        ([(-2, 1, 12.0)], [12.0], "-2 reps is impossible; reps are 0 or more"),
        ([(10, 1, 0.0)], [12.0], "a 0 kg bell is impossible; log a bell above 0 kg or none"),
        ([(10, 1, 12.0)], [12.0, 0.0], "a bell of 0 kg is impossible; list each bell you own as a weight above 0"),
    ],
)
def test_impossible_values_are_refused_by_name(sets, bells, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        advise(session(sets), bells)


def test_topping_out_at_failure_when_the_plan_wants_reps_in_reserve_keeps_the_bell():
    squat = Move(exercise="goblet-squat", reps="8-12", rir="1-2", load="medium-heavy")
    history = session([(12, 0, 16.0), (12, 1, 16.0), (12, 0, 16.0)], exercise="goblet-squat")
    advice = advise(history, [12.0, 16.0, 20.0], move=squat)
    assert (advice.action, advice.weight_kg, str(advice.target_reps)) == ("hold", 16.0, "12")
    assert (
        advice.reason
        == "All 3 sets of 12 reps at RIR 0-1 with 16 kg: keep 16 kg and stay there until 12 reps leave 1 in reserve."
    )


def test_barbell_history_and_warm_ups_say_nothing_of_the_kettlebell():
    kettlebell = session([(8, 2, 16.0), (8, 2, 16.0), (8, 2, 16.0)], days_ago=4, exercise="romanian-deadlift")
    barbell = [
        replace(logged, equipment="barbell", weight_kg=100.0, session_id="barbell")
        for logged in session([(10, 3, 100.0)] * 3, days_ago=2, exercise="romanian-deadlift")
    ]
    warmups = [
        replace(logged, kind="warmup", session_id="warm")
        for logged in session([(10, 5, 24.0)] * 3, days_ago=1, exercise="romanian-deadlift")
    ]
    alone = advise(kettlebell, [12.0, 16.0, 24.0], move=RDL)
    assert advise([*kettlebell, *barbell, *warmups], [12.0, 16.0, 24.0], move=RDL) == alone


SESSION_OF_SETS = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, 14)),  # reps (None: a timed set)
        st.one_of(st.none(), st.integers(0, 5)),  # rir
        st.one_of(st.none(), st.sampled_from([8.0, 12.0, 16.0, 20.0])),  # bell
        st.sampled_from(["normal", "normal", "warmup"]),
        st.sampled_from([None, None, "barbell"]),
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(
    sessions=st.lists(st.tuples(st.integers(1, 30), SESSION_OF_SETS), max_size=6),
    moves=st.sampled_from([[ROW], [HALO_HOLD], [ROW, HALO_HOLD]]),
)
def test_the_newest_sets_read_give_the_advice_all_of_the_history_gives(sessions, moves):
    """Starting a session reads only the newest sets of each move (history_read): the advice must not change."""
    history = []
    for number, (days_apart, sets) in enumerate(sessions):
        start = (history[-1].finished_at if history else NOW - timedelta(days=90)) + timedelta(days=days_apart)
        history += [
            LoggedSet(
                "renegade-row",
                f"s{number}",
                start + timedelta(minutes=i),
                reps,
                rir,
                kg,
                hold_seconds=30 if reps is None else None,
                round=i + 1,
                kind=kind,
                equipment=equipment,
            )
            for i, (reps, rir, kg, kind, equipment) in enumerate(sets)
        ]
    read = history_read(moves, reversed(history))
    assert read == history[len(history) - len(read) :]  # the newest part, oldest first
    for move in moves:
        assert advise(read, [8.0, 12.0, 16.0, 20.0], move=move) == advise(history, [8.0, 12.0, 16.0, 20.0], move=move)


def test_a_move_last_done_in_a_long_history_reads_only_its_last_session():
    older = session([(8, 2, 12.0)] * 3, days_ago=9) + session([(9, 2, 12.0)] * 3, days_ago=6)
    last = session([(10, 2, 12.0)] * 3, days_ago=2)
    assert history_read([ROW], reversed(older + last)) == last


def test_two_sessions_whose_sets_interleave_in_time_are_read_whole_and_the_newest_one_advised():
    """Two apps' copies of one workout, both imported: their sets alternate, a minute apart."""
    start = NOW - timedelta(days=2)
    first = [
        LoggedSet("renegade-row", "strong", start + timedelta(minutes=2 * i), 10, 2, 12.0, round=i + 1)
        for i in range(3)
    ]
    second = [
        LoggedSet("renegade-row", "hevy", start + timedelta(minutes=2 * i + 1), reps, 1, 12.0, round=i + 1)
        for i, reps in enumerate([10, 10, 6])
    ]
    history = sorted(first + second, key=lambda logged: logged.finished_at)

    read = history_read([ROW], reversed(history))

    assert read == history
    advice = advise(read, [8.0, 12.0, 16.0])
    assert advice == advise(second, [8.0, 12.0, 16.0])  # the session with the newest set, all three of its sets
    assert advice != advise(second[-1:], [8.0, 12.0, 16.0])
