"""Driving the engine with a hand-moved clock: sets, rests, pause, skip, undo, round choices, finishing."""

from __future__ import annotations

import pytest

from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    FakeClock,
    Finished,
    FinishSession,
    Pause,
    Program,
    Rest,
    Resume,
    RoundChoice,
    SessionEngine,
    SetDone,
    Skip,
    Undo,
    WorkStep,
)

from .builders import do_sets, legs_plan, warmup_plan, where


def finish_round(engine: SessionEngine) -> None:
    """The five work steps of a round of the reference routine, the 90 s rest ended early."""
    do_sets(engine, 2)
    engine.apply(Skip())
    do_sets(engine, 3)


def reach_round(engine: SessionEngine, clock: FakeClock, round_number: int) -> None:
    """Run rounds until ``round_number`` has just been finished, each round rest sat out in full."""
    for done in range(1, round_number + 1):
        finish_round(engine)
        if done < round_number:
            if isinstance(engine.state, RoundChoice):
                engine.apply(AnotherRound())
            clock.advance(120)


# Rests run on the clock -------------------------------------------------------------------


def test_a_rest_is_still_running_one_second_before_its_end_and_over_at_it(engine, clock):
    do_sets(engine, 2)
    assert where(engine) == ("rest", 90, 90.0, "halo")
    clock.advance(89)
    assert where(engine) == ("rest", 90, 1.0, "halo")
    clock.advance(1)
    assert where(engine) == ("work", 1, "halo", None)


def test_a_rest_says_why_it_is_there_and_what_comes_after_it(engine):
    do_sets(engine, 2)
    rest = engine.state
    assert isinstance(rest, Rest)
    assert (rest.reason, rest.next.move.exercise, rest.next.block_name) == ("after Superset 1", "halo", "Superset 2")


def test_a_rest_read_long_after_its_end_finds_the_next_move_without_any_event(engine, clock):
    do_sets(engine, 2)
    clock.advance(3600)
    assert where(engine) == ("work", 1, "halo", None)
    assert len(engine.history) == 2


def test_a_pause_of_300_s_during_a_rest_does_not_eat_the_rest(engine, clock):
    do_sets(engine, 2)
    clock.advance(30)
    engine.apply(Pause())
    clock.advance(300)
    assert where(engine) == ("rest", 90, 60.0, "halo")
    assert engine.state.paused
    assert engine.cue_times() == []
    engine.apply(Resume())
    clock.advance(59.5)
    assert where(engine) == ("rest", 90, 0.5, "halo")
    clock.advance(0.5)
    assert where(engine) == ("work", 1, "halo", None)


def test_pause_and_resume_are_not_history(engine, clock):
    engine.apply(Pause())
    applied = engine.apply(Resume())
    assert not applied.position_changed and applied.recorded is None
    assert engine.history == ()


def test_logging_a_set_while_paused_ends_the_pause(engine, clock):
    engine.apply(Pause())
    do_sets(engine, 1)
    assert not engine.paused
    assert where(engine) == ("work", 1, "romanian-deadlift", None)


# Skip ---------------------------------------------------------------------------------------


def test_skip_in_a_rest_ends_it_at_once_and_is_recorded_as_ending_the_rest(engine, clock):
    do_sets(engine, 2)
    clock.advance(10)
    applied = engine.apply(Skip())
    assert where(engine) == ("work", 1, "halo", None)
    assert (applied.step, applied.recorded) == (None, EndRest())
    assert engine.history[-1] == EndRest()


def test_skipping_a_move_goes_on_exactly_as_a_logged_set_would_rest_included(engine):
    applied = engine.apply(Skip())
    assert applied.step is not None and applied.step.move.exercise == "renegade-row"
    assert where(engine) == ("work", 1, "romanian-deadlift", None)
    engine.apply(Skip())
    assert where(engine) == ("rest", 90, 90.0, "halo")
    assert engine.progress.skipped_sets == 2


# Undo ---------------------------------------------------------------------------------------


def test_undo_after_a_set_returns_to_that_set(engine):
    do_sets(engine, 1)
    applied = engine.apply(Undo())
    assert where(engine) == ("work", 1, "renegade-row", None)
    assert applied.undone == SetDone(reps=8, rir=2, weight_kg=12.0)
    assert applied.step is not None and applied.step.move.exercise == "renegade-row"
    assert engine.progress.done_sets == 0


def test_undo_after_the_rest_that_followed_a_set_returns_to_the_set_before_the_rest(engine, clock):
    do_sets(engine, 2)
    clock.advance(95)  # the rest runs out
    assert where(engine) == ("work", 1, "halo", None)
    engine.apply(Undo())
    assert where(engine) == ("work", 1, "romanian-deadlift", None)
    do_sets(engine, 1)
    assert where(engine) == ("rest", 90, 90.0, "halo")  # the rest after it starts again, in full


def test_undo_skips_back_over_an_ended_rest_to_the_last_set(engine):
    do_sets(engine, 2)
    engine.apply(Skip())  # ends the rest; not something undo takes back
    do_sets(engine, 1)
    engine.apply(Undo())
    assert where(engine) == ("work", 1, "halo", None)
    engine.apply(Undo())
    assert where(engine) == ("work", 1, "romanian-deadlift", None)
    assert [type(event).__name__ for event in engine.history] == [
        "SetDone",
        "SetDone",
        "EndRest",
        "SetDone",
        "Undo",
        "Undo",
    ]


def test_undo_during_a_rest_goes_back_to_the_set_before_it(engine, clock):
    do_sets(engine, 2)
    clock.advance(40)
    engine.apply(Undo())
    assert where(engine) == ("work", 1, "romanian-deadlift", None)


def test_undo_of_another_round_returns_to_the_choice_with_the_round_rest_still_counting(engine, clock):
    reach_round(engine, clock, 3)
    clock.advance(20)
    engine.apply(AnotherRound())
    clock.advance(10)
    engine.apply(Undo())
    assert where(engine) == ("choice", 3, 90.0)


def test_undo_after_the_last_round_reopens_the_finished_session_at_the_last_set(engine, clock):
    reach_round(engine, clock, 5)
    assert where(engine) == ("finished", False)
    engine.apply(Undo())
    assert where(engine) == ("work", 5, "single-arm-row", "right")


# Rounds -------------------------------------------------------------------------------------


def test_rounds_1_and_2_are_followed_by_the_round_rest_without_asking(engine, clock):
    finish_round(engine)
    assert where(engine) == ("rest", 120, 120.0, "renegade-row")
    assert engine.state.reason == "after round 1"
    clock.advance(120)
    assert where(engine) == ("work", 2, "renegade-row", None)


@pytest.mark.parametrize("round_number", [3, 4])
def test_after_rounds_3_and_4_the_user_chooses(engine, clock, round_number):
    reach_round(engine, clock, round_number)
    choice = engine.state
    assert isinstance(choice, RoundChoice)
    assert (choice.round, str(choice.rounds), choice.rest_seconds) == (round_number, "3-5", 120)


def test_after_round_5_the_session_ends_without_asking(engine, clock):
    reach_round(engine, clock, 5)
    assert engine.state == Finished(ended_early=False)


def test_another_round_rests_from_the_end_of_the_round_so_deciding_is_resting(engine, clock):
    reach_round(engine, clock, 3)
    clock.advance(20)
    assert where(engine) == ("choice", 3, 100.0)
    engine.apply(AnotherRound())
    assert where(engine) == ("rest", 120, 100.0, "renegade-row")
    assert engine.state.reason == "after round 3"


def test_another_round_after_deciding_longer_than_the_rest_starts_the_round_at_once(engine, clock):
    reach_round(engine, clock, 3)
    clock.advance(150)
    assert where(engine) == ("choice", 3, 0.0)
    engine.apply(AnotherRound())
    assert where(engine) == ("work", 4, "renegade-row", None)


def test_a_pause_while_deciding_holds_the_round_rest(engine, clock):
    reach_round(engine, clock, 3)
    clock.advance(20)
    engine.apply(Pause())
    clock.advance(600)
    engine.apply(AnotherRound())  # ends the pause
    assert where(engine) == ("rest", 120, 100.0, "renegade-row")


def test_ending_the_rounds_of_the_last_segment_finishes_the_session(engine, clock):
    reach_round(engine, clock, 3)
    engine.apply(EndRounds())
    assert engine.state == Finished(ended_early=False)


def test_ending_the_rounds_leads_through_the_transition_rest_to_the_next_segment(back, clock):
    engine = SessionEngine(Program.compose(back, paired=[legs_plan()]), clock)
    reach_round(engine, clock, 3)
    clock.advance(30)
    engine.apply(EndRounds())
    assert where(engine) == ("rest", 60, 60.0, "goblet-squat")  # a fresh minute to get the bells
    assert engine.state.reason == "before Kettlebell legs and glutes"
    clock.advance(60)
    step = engine.state
    assert isinstance(step, WorkStep)
    assert (step.segment_index, step.plan_id, step.round_label) == (1, "legs", "Round 1 of 3-4")


def test_a_single_round_warmup_goes_straight_to_the_transition(back, clock):
    engine = SessionEngine(Program.compose(back, warmup_plan()), clock)
    done: list[str] = []
    for _ in range(4 + 2):  # one warm-up round: four work steps and two 10 s rests between moves
        state = engine.state
        if isinstance(state, Rest):
            assert state.seconds == 10
            engine.apply(EndRest())
        else:
            assert isinstance(state, WorkStep)
            done.append(state.move.exercise)
            do_sets(engine, 1)
    assert done == ["arm-circles", "around-the-world", "around-the-world", "kettlebell-deadlift"]
    assert where(engine) == ("rest", 60, 60.0, "renegade-row")


# Finishing, progress, what comes next ---------------------------------------------------------


def test_finish_ends_the_session_at_any_step(engine, clock):
    do_sets(engine, 2)
    engine.apply(FinishSession())
    assert engine.state == Finished(ended_early=True)
    assert engine.cue_times() == []
    assert engine.upcoming(3) == []


def test_the_engine_live_follows_the_timeline_step_for_step(engine, clock):
    seen: list[object] = []
    while not isinstance(state := engine.state, Finished):
        if isinstance(state, WorkStep):
            seen.append(state)
            do_sets(engine, 1)
        elif isinstance(state, Rest):
            seen.append(state)
            clock.advance(state.remaining)
        else:
            seen.append(state)
            engine.apply(AnotherRound())
    assert seen == engine.timeline({0: 5})


def test_progress_counts_sets_done_skipped_and_to_come(engine, clock):
    assert engine.progress.planned_sets == 15
    do_sets(engine, 2)
    engine.apply(Skip())  # the rest
    engine.apply(Skip())  # halo
    progress = engine.progress
    assert (progress.done_sets, progress.skipped_sets, progress.remaining_sets) == (2, 1, 12)


def test_progress_past_the_minimum_counts_the_round_in_progress(engine, clock):
    reach_round(engine, clock, 3)
    engine.apply(AnotherRound())
    assert engine.progress.planned_sets == 20


def test_upcoming_lists_the_current_step_then_what_follows_across_rests_and_rounds(engine):
    do_sets(engine, 2)
    assert [step.move.exercise for step in engine.upcoming(2)] == ["halo", "single-arm-row"]
    engine.apply(Skip())
    do_sets(engine, 2)
    assert [(step.round, step.move.exercise, step.side) for step in engine.upcoming(3)] == [
        (1, "single-arm-row", "right"),
        (2, "renegade-row", None),
        (2, "romanian-deadlift", None),
    ]


def test_upcoming_at_a_choice_assumes_the_rounds_end(back, clock):
    engine = SessionEngine(Program.compose(back, paired=[legs_plan()]), clock)
    reach_round(engine, clock, 3)
    assert [step.move.exercise for step in engine.upcoming(2)] == ["goblet-squat", "reverse-lunge"]


def test_a_logged_set_reports_the_step_it_was_for(engine, clock):
    do_sets(engine, 2)
    engine.apply(Skip())
    engine.apply(SetDone(reps=9))
    applied = engine.apply(SetDone(reps=7, rir=1, weight_kg=12.0))
    assert applied.step is not None
    assert (applied.step.move.exercise, applied.step.side, applied.step.round, str(applied.step.move.reps)) == (
        "single-arm-row",
        "left",
        1,
        "6-10",
    )
    assert applied.recorded == SetDone(reps=7, rir=1, weight_kg=12.0)
