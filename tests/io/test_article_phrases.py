"""Each rule that reads a quantity from workout prose, on the ways articles really write it."""

from __future__ import annotations

import pytest

from repcoach.io.article.numbers import with_digits
from repcoach.io.article.phrases import (
    Effort,
    Hold,
    Interval,
    Load,
    Reps,
    Rest,
    Rounds,
    effort,
    hold,
    interval,
    load,
    reps,
    rest,
    rests_out_the_interval,
    rounds,
    sets_of_each_move,
    tempo,
    time_cap,
)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("Complete three rounds of ten reps", "Complete 3 rounds of 10 reps"),
        ("rest ninety seconds", "rest 90 seconds"),
        ("do eight to twelve reps per side", "do 8 to 12 reps per side"),
        ("hold for forty-five seconds", "hold for 45 seconds"),
        ("complete the circuit twice", "complete the circuit 2 times"),
        ("do it once more", "do it 1 times more"),
        ("6–10 reps", "6-10 reps"),  # an en dash, as articles print ranges
        ("one set of eight", "1 set of 8"),
        ("rest about a minute", "rest about 1 minute"),
        ("rest a minute and a half", "rest 90 seconds"),
        ("30 second plank", "30 seconds plank"),  # a time, not "30 2nd plank"
        ("thirty-second hold", "30 seconds hold"),  # not the 32nd
        ("the second round", "the 2nd round"),
        ("3-second lowering", "3-second lowering"),  # tempo stays as written
    ],
)
def test_numbers_in_words_become_digits(text: str, digits: str) -> None:
    assert with_digits(text) == digits


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Do each move in Superset 1 for 6-10 reps.", Reps(6, 10)),
        ("6 to 10 reps", Reps(6, 10)),
        ("8-12 reps per side", Reps(8, 12, per_side=True)),
        ("10 reps each arm", Reps(10, 10, per_side=True)),
        ("8 reps on each leg", Reps(8, 8, per_side=True)),
        ("5 reps holding a kettlebell in each arm", Reps(5, 5)),  # two bells, not one side at a time
        ("2 sets to failure", Reps(0, 0, sets=2, amrap=True)),
        ("Cossack squat: 6 per side", Reps(6, 6, per_side=True)),
        ("3 x 8 each arm", Reps(8, 8, per_side=True, sets=3)),
        ("10 reps (5 each leg) Low impact option", Reps(5, 5, per_side=True)),
        ("3 x 10", Reps(10, 10, sets=3)),
        ("3x8-12", Reps(8, 12, sets=3)),
        ("3 sets of 8 reps", Reps(8, 8, sets=3)),
        ("4 sets of 6-8 repetitions", Reps(6, 8, sets=4)),
        ("Swings 5 sets of 20", Reps(20, 20, sets=5)),
        ("Push-up: AMRAP", Reps(0, 0, amrap=True)),
        ("as many reps as possible", Reps(0, 0, amrap=True)),
        ("10-8 reps", Reps(8, 10)),  # written high to low
        # A ladder: one count per set.
        ("Seated dumbbell military press-1 set @ 12 reps, 10, 8, 6, 4, 2", Reps(2, 12, sets=6)),
        ("Sets: 5 Reps: 6, 3, 6, 3, 12 Tempo: 211 Rest: 90 Seconds", Reps(3, 12, sets=5)),
        ("lateral raises-1 set @ 2, 4, 6, 8, 10, 12 reps", Reps(2, 12, sets=6)),
        ("21-15-9 reps of thrusters and pull-ups", Reps(9, 21, sets=3)),
        # Not reps:
        ("Rest 90 seconds", None),
        ("3 x 30 seconds", None),
        ("3 sets of 30 seconds", None),
        ("Rx Men: 50-65-80#", None),
        ("posted 7/9/2019, 10, 12, 14", None),
    ],
)
def test_reps(text: str, found: Reps | None) -> None:
    assert reps(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("hold for 20-30 sec", Hold(20, 30)),
        ("30 seconds", Hold(30, 30)),
        ("Plank: 1 minute", Hold(60, 60)),
        ("45s on, 15s off", Hold(45, 45, rest=15)),
        ("track 6 rounds of 45 seconds work and 15 seconds rest", Hold(45, 45, rest=15)),
        ("30 seconds of work, 30 seconds of rest", Hold(30, 30, rest=30)),
        ("40 seconds on / 20 off", Hold(40, 40, rest=20)),
        ("10 reps", None),
    ],
)
def test_holds(text: str, found: Hold | None) -> None:
    assert hold(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("After Superset 1, rest 90 seconds", Rest(90, 90, "block")),
        ("Rest 2 minutes, then repeat the entire sequence again.", Rest(120, 120, "rounds")),
        ("rest 1-2 minutes", Rest(60, 120, None)),
        ("Try not to rest in between moves.", Rest(0, 0, "moves")),
        ("no rest between moves", Rest(0, 0, "moves")),
        ("Do the moves back to back", Rest(0, 0, "moves")),
        ("rest 60 seconds between rounds", Rest(60, 60, "rounds")),
        ("Take 30-45 seconds of rest between sets", Rest(30, 45, "sets")),
        ("Recover for 1 minute after each circuit", Rest(60, 60, "rounds")),
        ("rest as needed", None),
        ("hold for 30 seconds", None),
    ],
)
def test_rests(text: str, found: Rest | None) -> None:
    assert rest(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Complete 3-5 rounds total.", Rounds(3, 5)),
        ("3 rounds", Rounds(3, 3)),
        ("Repeat 3 times", Rounds(3, 3)),
        ("complete the circuit 2 times", Rounds(2, 2)),
        ("Do 4 circuits", Rounds(4, 4)),
        ("Repeat the whole thing 2 to 3 times", Rounds(2, 3)),
        ("5 squats while holding a 26-lb kettlebell Repeated 4 times", Rounds(4, 4)),
        ("10 reps", None),
    ],
)
def test_rounds(text: str, found: Rounds | None) -> None:
    assert rounds(text) == found


def test_sets_of_each_move() -> None:
    assert sets_of_each_move("20 seconds of work followed by 10 seconds of rest for 8 rounds of each exercise") == 8
    assert sets_of_each_move("3 rounds of the circuit") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a light-medium weight (about 5-15 pounds)", Load("light-medium", 5, 15, "lb")),
        ("medium-heavy kettlebell", Load("medium-heavy")),
        ("use a medium to heavy bell", Load("medium-heavy")),
        ("16 kg", Load(None, 16, 16, "kg")),
        ("20-35 pounds", Load(None, 20, 35, "lb")),
        ("Heavy", Load("heavy")),
        ("10 reps", None),
    ],
)
def test_loads(text: str, found: Load | None) -> None:
    assert load(text) == found


def test_rules_read_the_reference_routines_directions_once_numbers_are_digits() -> None:
    directions = with_digits(
        "Do each move in Superset 1 for six to ten reps. Try not to rest in between moves. After Superset 1, "
        "rest 90 seconds. Rest two minutes, then repeat the entire sequence again. Complete three to five rounds total."
    )
    sentences = [sentence.strip() for sentence in directions.split(".") if sentence.strip()]

    assert [reps(sentence) for sentence in sentences][0] == Reps(6, 10)
    assert [rest(sentence) for sentence in sentences][1:4] == [
        Rest(0, 0, "moves"),
        Rest(90, 90, "block"),
        Rest(120, 120, "rounds"),
    ]
    assert rounds(sentences[4]) == Rounds(3, 5)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The right weight makes the last 2 reps very challenging.", Effort(0, 2)),
        ("leave 1-2 reps in the tank", Effort(1, 2)),
        ("stop with 2 reps in reserve", Effort(2, 2)),
        ("work at RPE 8", Effort(2, 2)),
        ("RPE 7-9", Effort(1, 3)),
        ("take the last set to failure", Effort(0, 0)),
        ("10 reps", None),
    ],
)
def test_effort(text: str, found: Effort | None) -> None:
    assert effort(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("EMOM 10", Interval(60, 600)),
        ("EMOM x 12", Interval(60, 720)),
        ("10-minute EMOM", Interval(60, 600)),
        ("12 min EMOM:", Interval(60, 720)),
        ("EMOM for 8 minutes", Interval(60, 480)),
        ("E2MOM x 5", Interval(120, 600)),
        ("Every minute on the minute for 12 minutes", Interval(60, 720)),
        ("every 90 seconds for 15 minutes", Interval(90, 900)),
        ("every 2 minutes, for 20 min", Interval(120, 1200)),
        ("Do 10 swings every minute", Interval(60)),
        ("EMOM: 10 swings", Interval(60)),
        # Not an interval:
        ("Rest 90 seconds", None),
        ("Do every move for 10 reps", None),
    ],
)
def test_intervals(text: str, found: Interval | None) -> None:
    assert interval(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rest for the remainder of the minute.", True),
        ("rest the rest of each minute", True),
        ("Use the remaining time of the interval to recover", True),
        ("Whatever time is left in each minute is your rest.", True),
        ("Rest 60 seconds between rounds", False),
    ],
)
def test_the_rest_of_an_interval(text: str, found: bool) -> None:
    assert rests_out_the_interval(text) is found


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("AMRAP 12", 720),
        ("12-minute AMRAP", 720),
        ("AMRAP in 10 minutes", 600),
        ("Set a timer for 15 minutes and do as many rounds as possible of:", 900),
        # A set's reps, not a block's time:
        ("Push-up: AMRAP", None),
        ("AMRAP 10 reps", None),
        ("Rest 90 seconds", None),
    ],
)
def test_time_caps(text: str, seconds: int | None) -> None:
    assert time_cap(text) == seconds


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Push-up: 10 reps, tempo 3-1-1", "tempo 3-1-1"),
        ("3-second lowering", "3-second lowering"),
        ("Lower the weight over 3 seconds on every rep.", "Lower the weight over 3 seconds"),
        ("Pause at the bottom of each squat.", "Pause at the bottom of each squat"),
        ("Rest 90 seconds", None),
    ],
)
def test_tempo(text: str, found: str | None) -> None:
    assert tempo(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("5 x 3L, 3R @ as heavy as possible", Reps(3, 3, per_side=True, sets=5)),
        ("3L/3R", Reps(3, 3, per_side=True)),
        ("50 reps (switch 5L, 5R)", Reps(50, 50)),  # the hands switch within the 50
    ],
)
def test_reps_on_the_left_then_the_right_are_reps_per_side(text, found):
    assert reps(text) == found
