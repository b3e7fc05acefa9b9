"""Advice between rounds: when the latest round clearly missed the target, change the next one.

"Clearly" leaves room for noisy ratings: a set at the top of the range with 4 or more in reserve
(for a 0-2 target), or most sets below the bottom of the range. A heavier bell is advised only
when Epley, from that round, predicts the bottom of the range with it: 12 kg × 10 at RIR 4
(e1RM 17.6 kg) predicts 7 reps at 14 kg but only 3 at 16 kg, so a 12/16 kg owner slows the
lowering instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from repcoach.coach.bell_sizes import buy_next_sentence, heavier_owned, lighter_owned, next_size_up, owned_bells
from repcoach.coach.history import LoggedSet
from repcoach.coach.recommendation import (
    CLEARLY_EASY,
    DEFAULT_RIR,
    TEMPO_LEVER,
    Recommendation,
    describe,
    reps,
    reps_predicted,
    sets_of,
)
from repcoach.plan import IntRange, Move
from repcoach.units import Unit, format_weight


def adjust_within_session(
    move: Move, sets_this_session: Sequence[LoggedSet], bells_kg: Sequence[float], unit: Unit
) -> Recommendation | None:
    """The change for the next round of ``move``, or None when the latest round was on target.

    Args:
        move: the plan's move, with its rep range and RIR target.
        sets_this_session: the sets logged so far today, of any moves.
        bells_kg: the bells the user owns.
        unit: the user's unit, for sizes and wording.

    Raises:
        ValueError: a bell of 0 kg or less, negative reps or a negative RIR, named with the value.
    """
    bells = owned_bells(bells_kg)
    done = sets_of(move, sets_this_session)
    if move.reps is None or not done:
        return None
    latest = max(logged.round for logged in done)
    sets = [logged for logged in done if logged.round == latest]
    bell = sets[-1].weight_kg
    target, rir = move.reps, move.rir or DEFAULT_RIR
    said = f"Round {latest}: {describe(sets, bell, unit)}"
    next_round = latest + 1
    if 2 * sum(reps(s) < target.low for s in sets) >= len(sets):
        lighter = lighter_owned(bell, bells) if bell is not None else None
        if lighter is None:
            return None
        return Recommendation(
            move.exercise,
            "down",
            lighter,
            target,
            None,
            f"{said}, below the {target} range: use {format_weight(lighter, unit)} for round {next_round}.",
        )
    if not all(s.rir is not None and s.rir >= rir.high + CLEARLY_EASY for s in sets):
        return None
    if min(map(reps, sets)) < target.high:
        return Recommendation(
            move.exercise,
            "hold",
            bell,
            IntRange(low=target.high, high=target.high),
            None,
            f"{said}, far from the RIR {rir} target: go on to {target.high} reps in round {next_round}.",
        )
    up = heavier_owned(bell, bells) if bell is not None else None
    predicted = reps_predicted(sets, up, rir.low)
    if up is not None and predicted is not None and predicted >= target.low:
        return Recommendation(
            move.exercise,
            "up",
            up,
            target,
            None,
            f"{said}, clearly light: use {format_weight(up, unit)} for round {next_round} (about {predicted} reps).",
        )
    buy = next_size_up(bell, unit) if bell is not None else None
    if buy is not None and up is not None and buy >= up:
        buy = None  # the next size is owned, only too big a jump for now
    return Recommendation(
        move.exercise,
        "lever",
        bell,
        target,
        None,
        f"{said}, clearly light: keep the bell with a {TEMPO_LEVER} in round {next_round}"
        + (f", since {format_weight(up, unit)} is too big a jump." if up is not None else "."),
        lever=TEMPO_LEVER,
        buy_next_kg=buy,
        buy_reason=buy_next_sentence(bell, buy, unit) if bell is not None and buy is not None else None,
    )
