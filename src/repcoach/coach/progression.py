"""The next session's advice for one move: double progression with autoregulation, up a ladder of levers.

The last session's sets of the move are judged together (one set's RIR is noisy):

* at least half below the bottom of the rep range: a lighter owned bell (**down**);
* every set at the top of the range with RIR at or above the target: climb (below);
* otherwise the same bell and more reps (**hold**).

Kettlebell jumps are big (12 → 16 kg is +33 %), so climbing takes the first rung that applies:

1. **up** to the next owned bell when Epley, from the weakest set, predicts at least the range's bottom
   there: 16 kg × 10 at RIR 2 (e1RM 22.4 kg) predicts 7 reps at 18 kg, so an 18 kg owner moves up;
2. **up** after mixed rounds, once round 1 with the heavier bell reached the bottom of the range;
3. **add a round**, up to the plan's most;
4. **heavier bell for round 1 only** when the next owned bell is one usual step up (4 kg or 10 lb);
5. otherwise (the next size is not owned) a 3-second lowering and a pause, and which bell to buy.

After two weeks or more without the move, it restarts a bell lighter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from statistics import median_low

from repcoach.coach.bell_sizes import (
    buy_next_sentence,
    heavier_owned,
    is_usual_step,
    lighter_owned,
    next_size_down,
    next_size_up,
    owned_bells,
)
from repcoach.coach.bells import Experience, choose_bell
from repcoach.coach.history import LoggedSet
from repcoach.coach.recommendation import (
    CLEARLY_EASY,
    DEFAULT_RIR,
    TEMPO_LEVER,
    Action,
    Recommendation,
    coached_on,
    describe,
    reps,
    reps_predicted,
    same_bell,
    sets_of,
)
from repcoach.library import load_catalogue
from repcoach.plan import IntRange, LoadGuide, Move
from repcoach.units import Unit, format_weight

RESTART_AFTER_DAYS = 14
"""After this long without the move, restart a step lighter."""
SESSION_SPAN = timedelta(hours=6)
"""Longer than any session's sets of one move take: its sets lie within this of its newest."""


def recommend_next(
    move: Move,
    history: Sequence[LoggedSet],
    bells_kg: Sequence[float],
    experience: Experience,
    unit: Unit,
    now: datetime,
    guide: LoadGuide | None = None,
    rounds: IntRange | None = None,
) -> Recommendation:
    """What to do with ``move`` next session.

    Args:
        move: the plan's move: its exercise, rep range, RIR target and load class.
        history: logged sets of any moves; only ``move.exercise``'s count.
        bells_kg: the bells the user owns (an adjustable bell is its list of settings).
        experience: places a first bell within the plan's guide.
        unit: the user's unit, for sizes and wording.
        now: the current time (timezone-aware), for the restart after a break.
        guide: the plan's load guide for the move's class, used for a first session.
        rounds: the plan's rounds (``3-5``): the rounds lever climbs to the top, a new bell restarts at the bottom.

    Raises:
        ValueError: a bell of 0 kg or less, negative reps or a negative RIR, named with the value.
    """
    bells = owned_bells(bells_kg)
    done = sets_of(move, history)
    fewest = rounds.low if rounds else None
    if move.reps is None or not done:
        return _start(move, history, bells, experience, unit, guide, fewest)
    last = [logged for logged in done if logged.session_id == done[-1].session_id]
    bell = max(last, key=lambda logged: (logged.round, logged.finished_at)).weight_kg
    days_off = (now - last[0].finished_at).days
    if days_off >= RESTART_AFTER_DAYS:
        lighter = lighter_owned(bell, bells) if bell is not None else None
        weight = lighter if lighter is not None else _owned(bell, bells)
        shown = f" with {format_weight(weight, unit)}" if weight is not None else ""
        return Recommendation(
            move.exercise,
            "down" if lighter is not None else "hold",
            weight,
            move.reps,
            fewest,
            f"Your last {move.exercise} was {days_off} days ago: restart a step lighter{shown} "
            f"at {move.reps.low} reps" + (f" and {fewest} rounds." if fewest else "."),
        )
    working = [logged for logged in last if same_bell(logged.weight_kg, bell)]
    rounds_done = max(logged.round for logged in last)
    below = [logged for logged in working if reps(logged) < move.reps.low]
    if 2 * len(below) >= len(working):
        return _down(move, working, bell, bells, unit, fewest)
    rir = move.rir or DEFAULT_RIR
    if all(reps(s) >= move.reps.high and (s.rir is None or s.rir >= rir.low) for s in working):
        heavy = [s for s in last if s.weight_kg is not None and bell is not None and s.weight_kg > bell * 1.01]
        return _climb(move, working, heavy, bell, bells, unit, rounds, rounds_done)
    # One more rep than the typical set (the lower median), so one tired last round does not set the aim.
    low = max(move.reps.low, min(median_low(map(reps, working)) + 1, move.reps.high))
    aim = IntRange(low=low, high=move.reps.high)
    easy = all(s.rir is not None and s.rir >= rir.high + CLEARLY_EASY for s in working)
    push = f", ending each set with at most {rir.high} in reserve" if easy else ""
    keep = _owned(bell, bells)
    kept = f"keep {format_weight(keep, unit)} and " if keep is not None else ""
    return Recommendation(
        move.exercise,
        "hold",
        keep,
        aim,
        max(rounds_done, fewest or 0) or None,
        f"{describe(working, bell, unit)}: {kept}"
        + (
            f"aim for {aim} reps in every set{push}."
            if min(map(reps, working)) < move.reps.high
            else f"stay there until {move.reps.high} reps leave {rir.low} in reserve."
        ),
    )


def history_read(moves: Sequence[Move], newest_first: Iterable[LoggedSet]) -> list[LoggedSet]:
    """The newest sets of one exercise, enough for :func:`recommend_next` on any of ``moves`` (its moves), oldest first.

    Reading stops at the first set that cannot change the advice, so starting a session reads a few
    sets per move rather than weeks of history. A move with reps reads the last session where it
    counted (a working set with a kettlebell or none) whole: every set back to :data:`SESSION_SPAN`
    before its newest, so the sets of another session done at the same time (two apps' copies of one
    workout, imported both) do not cut it short. A timed move reads back to its last bell. What is
    read is the newest part of the history, so the advice from it is the advice from all of it.
    """
    timed = any(move.reps is None for move in moves)
    with_reps = any(move.reps is not None for move in moves)
    read: list[LoggedSet] = []
    last_session: str | None = None
    last_newest: datetime | None = None
    bell_seen = False
    for logged in newest_first:
        past_last_session = (
            last_newest is not None
            and logged.session_id != last_session
            and logged.finished_at < last_newest - SESSION_SPAN
        )
        if (past_last_session or not with_reps) and (bell_seen or not timed):
            break
        read.append(logged)
        if last_session is None and logged.reps is not None and coached_on(logged):
            last_session, last_newest = logged.session_id, logged.finished_at
        bell_seen = bell_seen or logged.weight_kg is not None
    return read[::-1]


def _start(
    move: Move,
    history: Sequence[LoggedSet],
    bells: list[float],
    experience: Experience,
    unit: Unit,
    guide: LoadGuide | None,
    fewest: int | None,
) -> Recommendation:
    """A first session from the plan's guide, or a timed move, which keeps its last bell."""
    logged = [s for s in history if s.exercise_id == move.exercise and s.weight_kg is not None]
    last_used = logged[-1].weight_kg if logged and move.reps is None else None
    choice = choose_bell(move.load, guide, bells, experience, unit, last_used)
    what = f"start with {format_weight(choice.weight_kg, unit)}, " if choice.weight_kg is not None else ""
    known = load_catalogue().find(move.exercise)
    name = known.name if known else move.exercise.replace("-", " ").capitalize()  # a plan's own move
    if move.reps is None:
        kind = "timed" if move.measure == "seconds" else "a distance"
        reason = f"{name} is {kind}: {what}{choice.reason}, for {move.target}."
    else:
        reason = f"First time with {name}: {what}{choice.reason}, for {move.reps} reps."
    action: Action = "start" if not any(s.exercise_id == move.exercise for s in history) else "hold"
    return Recommendation(move.exercise, action, choice.weight_kg, move.reps, fewest, reason)


def _down(
    move: Move, working: list[LoggedSet], bell: float | None, bells: list[float], unit: Unit, fewest: int | None
) -> Recommendation:
    assert move.reps is not None
    said = f"{describe(working, bell, unit)}, below the {move.reps} range"
    lighter = lighter_owned(bell, bells) if bell is not None else None
    if lighter is not None:
        return Recommendation(
            move.exercise,
            "down",
            lighter,
            move.reps,
            fewest,
            f"{said}: move down to {format_weight(lighter, unit)}.",
        )
    buy = next_size_down(bell, unit) if bell is not None else None
    lightest = f"keep {format_weight(bell, unit)}, your lightest bell, " if bell is not None else "keep going "
    return Recommendation(
        move.exercise,
        "hold",
        _owned(bell, bells),
        move.reps,
        fewest,
        f"{said}: {lightest}with longer rests between rounds.",
        lever="longer rests",
        buy_next_kg=buy,
        buy_reason=buy_next_sentence(bell, buy, unit) if bell is not None and buy is not None else None,
    )


def _climb(
    move: Move,
    working: list[LoggedSet],
    heavy: list[LoggedSet],
    bell: float | None,
    bells: list[float],
    unit: Unit,
    rounds: IntRange | None,
    rounds_done: int,
) -> Recommendation:
    """Every working set topped out: the first rung of the ladder that applies."""
    assert move.reps is not None
    target, rir = move.reps, move.rir or DEFAULT_RIR
    fewest = rounds.low if rounds else None
    said = describe(working, bell, unit)
    up = heavier_owned(bell, bells) if bell is not None else None
    predicted = reps_predicted(working, up, rir.low)
    if up is not None and predicted is not None and predicted >= target.low:
        return Recommendation(
            move.exercise,
            "up",
            up,
            target,
            fewest,
            f"{said}: move up to {format_weight(up, unit)}, where that effort predicts {predicted} reps.",
        )
    if up is not None and heavy and all(reps(s) >= target.low for s in heavy):
        return Recommendation(
            move.exercise,
            "up",
            up,
            target,
            fewest,
            f"Round 1 reached {min(map(reps, heavy))} reps with {format_weight(up, unit)} and the other rounds "
            f"topped out: move up to {format_weight(up, unit)} for every round, from {target.low} reps.",
        )
    if rounds is not None and rounds_done < rounds.high:
        return Recommendation(
            move.exercise,
            "lever",
            _owned(bell, bells),
            target,
            rounds_done + 1,
            f"{said}: add a round ({rounds_done + 1} of up to {rounds.high}) before a heavier bell.",
            lever="add a round",
        )
    if bell is not None and up is not None and is_usual_step(bell, up, unit):
        tried = f" (round 1 reached {max(map(reps, heavy))} so far)" if heavy else ""
        return Recommendation(
            move.exercise,
            "lever",
            _owned(bell, bells),
            target,
            rounds_done,
            f"{said}: do round 1 with {format_weight(up, unit)} and the rest with {format_weight(bell, unit)} "
            f"until round 1 reaches {target.low} reps{tried}.",
            lever="heavier bell for round 1 only",
            first_round_kg=up,
        )
    buy = next_size_up(bell, unit) if bell is not None else None
    if bell is None:
        why = f"{said}: slow down with a {TEMPO_LEVER}."
    elif buy is None:
        why = f"{said}, the heaviest standard size: keep it with a {TEMPO_LEVER}."
    else:
        why = (
            f"{said}, and you own no {format_weight(buy, unit)} bell: meanwhile keep {format_weight(bell, unit)} "
            f"with a {TEMPO_LEVER}."
        )
    return Recommendation(
        move.exercise,
        "lever",
        _owned(bell, bells),
        target,
        rounds_done,
        why,
        lever=TEMPO_LEVER,
        buy_next_kg=buy,
        buy_reason=buy_next_sentence(bell, buy, unit) if bell is not None and buy is not None else None,
    )


def _owned(bell: float | None, bells: list[float]) -> float | None:
    """``bell`` if owned; else the heaviest owned bell under it (or the lightest): advice names only owned bells."""
    if bell is None:
        return None
    for owned in bells:
        if same_bell(owned, bell):
            return owned
    return lighter_owned(bell, bells) or (bells[0] if bells else None)
