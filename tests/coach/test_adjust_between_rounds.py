"""Advice between rounds: a round that clearly missed the target changes the next one."""

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.coach import LoggedSet, adjust_within_session
from repcoach.plan import IntRange, Move

START = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)
ROW = Move(exercise="renegade-row", reps="6-10", rir="0-2", load="light-medium")


def rounds(*sets: tuple[int, int | None, float]) -> list[LoggedSet]:
    """Today's sets, one per round, each ``(reps, rir, kg)``."""
    return [
        LoggedSet("renegade-row", "today", START + timedelta(minutes=5 * i), reps, rir, kg, round=i + 1)
        for i, (reps, rir, kg) in enumerate(sets)
    ]


def test_a_clearly_light_round_1_moves_to_a_heavier_bell_the_round_can_carry():
    # 10 @ RIR 4 with 12 kg: e1RM 12 * (1 + 14/30) = 17.6 kg; at 14 kg 30 * (17.6/14 - 1) = 7.7 reps.
    advice = adjust_within_session(ROW, rounds((10, 4, 12.0)), [12.0, 14.0, 16.0], "kg")
    assert advice is not None
    assert (advice.action, advice.weight_kg) == ("up", 14.0)
    assert (
        advice.reason
        == "Round 1: 1 set of 10 reps at RIR 4 with 12 kg, clearly light: use 14 kg for round 2 (about 7 reps)."
    )


def test_a_clearly_light_round_1_keeps_the_bell_with_a_slower_tempo_when_the_next_one_is_too_big_a_jump():
    # At 16 kg the same e1RM predicts 30 * (17.6/16 - 1) = 3 reps, short of 6.
    advice = adjust_within_session(ROW, rounds((10, 4, 12.0)), [12.0, 16.0], "kg")
    assert advice is not None
    assert (advice.action, advice.weight_kg, advice.lever) == (
        "lever",
        12.0,
        "3-second lowering and a pause at the top",
    )
    assert advice.reason.endswith("in round 2, since 16 kg is too big a jump.")
    assert advice.buy_next_kg == 14.0


def test_stopping_far_from_failure_inside_the_range_asks_for_the_top_of_it():
    advice = adjust_within_session(ROW, rounds((8, 5, 12.0)), [12.0, 16.0], "kg")
    assert advice is not None
    assert (advice.action, advice.weight_kg, advice.target_reps) == ("hold", 12.0, IntRange(low=10, high=10))
    assert (
        advice.reason
        == "Round 1: 1 set of 8 reps at RIR 5 with 12 kg, far from the RIR 0-2 target: go on to 10 reps in round 2."
    )


def test_a_round_below_the_range_moves_down_for_the_next_round():
    advice = adjust_within_session(ROW, rounds((4, 0, 16.0)), [12.0, 16.0], "kg")
    assert advice is not None
    assert (advice.action, advice.weight_kg) == ("down", 12.0)
    assert advice.reason == "Round 1: 1 set of 4 reps at RIR 0 with 16 kg, below the 6-10 range: use 12 kg for round 2."


@pytest.mark.parametrize(
    ("sets", "bells"),
    [
        ([(10, 2, 12.0)], [12.0, 16.0]),  # on target
        ([(6, 0, 12.0)], [12.0, 16.0]),  # the bottom of the range at failure is still on target
        ([(10, 3, 12.0)], [12.0, 14.0]),  # one rep off is within a rating's noise
        ([(10, None, 12.0)], [12.0, 14.0]),  # unrated: nothing to judge
        ([(4, 0, 12.0)], [12.0, 16.0]),  # below the range, but no lighter bell to offer
        ([], [12.0]),  # nothing logged yet
    ],
)
def test_a_round_on_target_or_without_a_clear_miss_changes_nothing(sets, bells):
    assert adjust_within_session(ROW, rounds(*sets), bells, "kg") is None


def test_the_latest_round_is_judged_not_round_1():
    # Round 1 was light, round 2 with 14 kg is on target: carry on.
    assert adjust_within_session(ROW, rounds((10, 4, 12.0), (8, 1, 14.0)), [12.0, 14.0], "kg") is None


def test_other_moves_of_the_session_are_ignored():
    other = LoggedSet("romanian-deadlift", "today", START, 10, 6, 16.0)
    assert adjust_within_session(ROW, [other, *rounds((8, 1, 12.0))], [12.0, 16.0], "kg") is None
