"""Texts of real workout pages, as a page store keeps them, read the way their readers mean them.

The pages are in tests/io/data/articles/real/tuning; bench/real_articles.py measures both halves.
"""

from __future__ import annotations

from pathlib import Path

from repcoach.io.article.extract import extract
from repcoach.library import load_catalogue
from repcoach.plan import Plan

TUNING = Path(__file__).parent / "data" / "articles" / "real" / "tuning"


def read(name: str) -> Plan:
    return extract((TUNING / f"{name}.txt").read_text(encoding="utf-8"), load_catalogue(), plan_id="x", title="x").plan


def moves(plan: Plan) -> list[list[tuple[str, str | None, str | None, bool]]]:
    return [
        [(m.exercise, str(m.reps) if m.reps else None, str(m.hold_seconds) if m.hold_seconds else None, m.per_side)
         for m in block.moves]
        for block in plan.blocks
    ]  # fmt: skip


def test_bulleted_advice_is_not_a_move_and_a_headings_rounds_outlast_an_aside():
    plan = read("strength-basics-renegade-lunge")

    assert moves(plan) == [[("renegade-row", "10", None, False), ("reverse-lunge", "15", None, True)]]
    assert (str(plan.rounds), plan.rest_after_round) == ("5", 60)
    assert plan.exercises == {}  # "use heavier dumbbells for the renegade rows" is advice, not a move


def test_a_superset_named_in_its_bullet_holds_the_moves_after_the_colon():
    plan = read("fitbonvivant-work-that-back")

    assert [block.name for block in plan.blocks] == ["SUPERSET #1", "SUPERSET #2", "SUPERSET #3"]
    assert [[move[0] for move in block] for block in moves(plan)] == [
        ["romanian-deadlift", "barbell-row"],
        ["lat-pulldown", "seated-cable-row"],
        ["crunch", "back-extension", "hanging-leg-raise"],
    ]


def test_a_tabata_block_works_its_moves_20_seconds_and_rests_10_between():
    plan = read("wholeway-saturday-gremlins")

    assert moves(plan)[:2] == [
        [("kettlebell-deadlift", None, "20", False), ("mountain-climber", None, "20", False)],
        [("kettlebell-swing", None, "20", False), ("jump-squat", None, "20", False)],
    ]
    assert plan.blocks[0].rest_between_moves == 10
    assert moves(plan)[4][1] == ("lateral-lunge", None, "20", False)  # one interval, not 20 s a side


def test_moves_joined_by_alternating_with_are_each_a_move_even_ones_the_library_lacks():
    plan = read("wholeway-saturday-gremlins")

    assert len(plan.blocks) == 8
    assert [move.exercise for move in plan.blocks[2].moves] == ["dbl-kettlebell-bent-over-seesaw-rows", "strides"]
    assert plan.exercises["strides"].name == "strides"


def test_a_counted_line_with_options_after_it_is_a_move_and_its_bracketed_count_is_per_side():
    plan = read("knicholas-emom-circuits")

    assert moves(plan)[1] == [
        ("push-up", "10", None, False),
        ("skater", "5", None, True),  # "10 Skaters (5 each leg) Low impact option - take out the hop ..."
        ("reverse-lunge", "5", None, True),
        ("jumping-jack", "5", None, False),
    ]


def test_a_numbered_rounds_line_sets_the_rounds_and_alternating_reps_count_both_arms():
    plan = read("patriot-back-burner")  # "1. 5 rounds:" then "2. 10 Alternating Single-Arm Rows"

    assert str(plan.rounds) == "5"
    assert moves(plan)[0][0] == ("single-arm-row", "10", None, False)


def test_a_list_written_out_set_by_set_is_one_list_done_that_many_times():
    plan = read("premierfitness-dumbbell-rounds")  # "Round 1": squat and press, high knees, written out 3 times

    assert moves(plan)[0] == [("thruster", None, "30", False), ("high-knees", None, "30", False)]
    assert plan.blocks[0].sets == 3


def test_a_movements_section_after_the_workout_adds_no_moves():
    plan = read("przilla-the-2020")  # "Movements": Wall Ball, Kettlebell Swing, ... after the AMRAP

    assert len(plan.blocks) == 1
    assert [move.exercise for move in plan.blocks[0].moves][:2] == ["wall-ball", "kettlebell-swing"]


def test_rounds_of_each_exercise_make_each_move_a_block_of_its_own():
    plan = read("chalkbucket-tabata")  # "20 seconds of work followed by 10 seconds of rest for 8 rounds of each ..."

    assert [[move[0] for move in block] for block in moves(plan)][:2] == [["box-jump"], ["sit-up"]]
    assert [(block.sets, block.rest_between_sets) for block in plan.blocks] == [(8, 10)] * 4
    assert moves(plan)[0] == [("box-jump", None, "20", False)]
    assert str(plan.rounds) == "1"


def test_a_ladder_of_reps_is_a_set_for_each_count_from_its_fewest_reps_to_its_most():
    plan = read("h4training-shoulders")

    assert moves(plan) == [[("overhead-press", "2-12", None, False)], [("lateral-raise", "2-12", None, False)]]
    assert [block.sets for block in plan.blocks] == [6, 6]
    assert [block.rest_between_sets for block in plan.blocks] == [60, 60]
    assert plan.blocks[0].rest_after == 120  # "Rest 2 minutes after finishing all 6 sets of the military presses"


def test_an_item_labelled_number_then_letter_is_a_move_of_its_program():
    plan = read("mensfitness-bentover-row")  # "2A Bentover Row" / "Sets: 5 Reps: 6, 3, 6, 3, 12 ... Rest: 90 Seconds"

    assert moves(plan) == [[("barbell-row", "3-12", None, False)]]
    assert (plan.blocks[0].name, plan.blocks[0].sets, plan.blocks[0].rest_between_sets) == ("Barbell row", 5, 90)


def test_a_run_written_as_metres_is_a_distance_not_reps():
    plan = read("spmembers-sandbag-amrap")  # "400 Run" / "30 Air Squats" / "15 Sandbag over shoulder"

    run = plan.blocks[0].moves[0]
    assert (run.exercise, run.distance_m, run.reps, run.target) == ("run", 400, None, "400 m")
    assert [move.exercise for move in plan.blocks[0].moves][1] == "air-squat"


def test_a_recap_list_of_the_moves_by_name_adds_no_block_even_when_one_is_named_otherwise():
    plan = read("premierfitness-dumbbell-rounds")  # "Exercise List:" then "Squat Press" for "Squat and Press" ...

    assert [block.name for block in plan.blocks] == [f"Round {number}" for number in range(1, 6)]
    assert all(move.hold_seconds is not None for block in plan.blocks for move in block.moves)


def test_a_program_numbering_its_moves_gives_each_its_sets_reps_and_rest_from_the_lines_under_it():
    plan = read("maxed-out-shoulders")  # "Exercise 1A" / "Dumbbell Front Raise" / "3 sets" / "10-15 reps" ...

    assert moves(plan) == [
        [("front-raise", "10-15", None, False), ("shrug", "10-15", None, False)],  # 1A and 1B: a superset
        [("overhead-press", "8-14", None, False)],
        [("rear-dumbbell-flye", "12", None, False)],  # a name the library lacks, kept as written
        [("lateral-raise", "0", None, False)],  # "to failure reps": as many as possible
    ]
    assert [block.sets for block in plan.blocks] == [3, 4, 4, 2]
    assert [block.rest_between_sets for block in plan.blocks][1:] == [60, 60, 60]


def test_a_plain_list_after_a_paired_superset_is_a_block_of_its_own():
    plan = read("crossfitgolden-1a-1b")  # "1a) Dead Lift 5×3", "1b) Bench Press 5×3", prose, then "Shoulder Press, ..."

    assert moves(plan)[0] == [("deadlift", "3", None, False), ("bench-press", "3", None, False)]
    assert [move.exercise for move in plan.blocks[1].moves] == ["overhead-press"]


def test_moves_one_line_joins_with_a_plus_are_one_block_with_their_shared_sets():
    plan = read("beachkettlebell-snatch")  # "Pull up + handstand - 5x5"

    assert moves(plan)[0] == [("pull-up", "5", None, False), ("handstand", "5", None, False)]
    assert plan.blocks[0].sets == 5


def test_a_circuit_on_an_interval_timer_times_each_move_and_rests_its_minute_between_circuits():
    plan = read("thrillist-lower-body-core")  # "45 seconds work and 15 seconds rest", names a paragraph each

    assert moves(plan) == [
        [("air-squat", None, "45", False), ("plank", None, "45", False), ("lunge", None, "45", False),
         ("oblique-twists", None, "45", False), ("single-leg-deadlift", None, "45", False),  # one 45 s, not per side
         ("bird-dog", None, "45", False)]
    ]  # fmt: skip
    assert (plan.blocks[0].rest_between_moves, str(plan.rounds), plan.rest_after_round) == (15, "4", 60)


def test_a_time_given_as_30_second_is_a_hold_and_slashed_words_qualify_the_name_after_them():
    plan = read("motleyhealth-thursday")  # "30 second plank", "20 bench / chair triceps dips"

    assert moves(plan)[0][3] == ("plank", None, "30", False)
    assert moves(plan)[0][5] == ("dip", "20", None, False)


def test_a_guide_to_the_moves_gives_each_its_count_from_its_how_to_and_none_from_the_others():
    plan = read("burlingtoncounty-kettlebells")  # "• Squat and Swing – ... Repeat 10-15 times.", "Do about 30 reps"

    assert moves(plan)[0][:2] == [("squat-and-swing", "10-15", None, False), ("side-to-side-squats", "30", None, False)]
    assert moves(plan)[0][2][:2] == ("step-up", "10")  # its how-to gives no count: the stated default
    newlevel = read("newlevel-home-bodyweight")  # "Perform 20 reps of each exercise" above "Squats: Stand with ..."
    assert [move[:2] for move in moves(newlevel)[0]] == [
        ("air-squat", "20"), ("push-up", "20"), ("crunch", "20"), ("jump-lunge", "20"), ("dip", "20"), ("burpee", "20")
    ]  # fmt: skip


def test_an_odd_even_emom_alternates_its_two_moves_and_a_pages_benchmark_times_are_no_moves():
    plan = read("przilla-evil-emom")  # "EMOM for 14 minutes", "Odd: 10 Thrusters", "- Elite: <6:00"

    assert moves(plan) == [[("thruster", "10", None, False), ("kettlebell-swing", "20", None, False)]]
    assert (plan.blocks[0].every, plan.blocks[0].sets) == (60, 7)
    assert plan.rest_after_round is None  # "built-in rest (~35-40s on odd minutes)" is the clock's, not a round's
