"""The report at a session's end: what was done, against last time, and what comes next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from repcoach.plan.builtins import get_builtin_plan
from repcoach.service.coaching import recent_history
from repcoach.service.finish_report import FinishReport, finish_report
from repcoach.service.live_session import LiveSession
from repcoach.session import AnotherRound, EndRest, EndRounds, FakeClock, Program, Rest, RoundChoice, SetDone, WorkStep

BACK = get_builtin_plan("kettlebell-back")
WARMUP = get_builtin_plan("upper-body-warmup")
BELLS = {"renegade-row": 12.0, "romanian-deadlift": 16.0, "halo": 8.0, "single-arm-row": 12.0}


class Wall:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def train(store, profile, start: datetime, rounds: int, reps: int, bells=BELLS, warmup: bool = False) -> LiveSession:
    """One whole session of the back plan: ``rounds`` rounds of ``reps`` each, a minute per set."""
    wall = Wall(start)
    program = Program.compose(BACK, WARMUP if warmup else None)
    live = LiveSession.start(store, profile, program, FakeClock(), wall)
    while live.record.finished_at is None and (state := live.state) is not None:
        wall.now += timedelta(minutes=1)
        if isinstance(state, WorkStep):
            if state.segment_index == 0 and warmup:
                live.apply(SetDone(reps=state.move.reps.high if state.move.reps else None, hold_seconds=30))
            else:
                live.apply(SetDone(reps=reps, rir=1, weight_kg=bells[state.move.exercise]))
        elif isinstance(state, Rest):
            live.apply(EndRest())
        elif isinstance(state, RoundChoice):
            live.apply(AnotherRound() if state.round < rounds else EndRounds())
        else:
            break
    return live


def report_of(store, profile, live: LiveSession, now: datetime) -> FinishReport:
    record = store.get_session(live.record.id)
    return finish_report(
        record,
        store.sets(record.id),
        recent_history(store, profile.id, now),
        {plan.id: plan for plan in (BACK, WARMUP)},
        profile,
        now,
    )


def test_a_second_session_is_told_what_it_did_what_changed_and_when_and_what_comes_next(store):
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16, 20])
    monday = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
    train(store, profile, monday, rounds=3, reps=8)
    wednesday = monday + timedelta(days=2)
    live = train(store, profile, wednesday, rounds=3, reps=9, bells={**BELLS, "romanian-deadlift": 20.0})
    report = report_of(store, profile, live, wednesday + timedelta(hours=1))

    assert (report.rounds, report.sets) == (3, 15)
    assert report.minutes == 15 + 5 + 1  # a minute for each set, rest (2 a round, 1 in the last) and the choice
    # 9 reps × (3 × 12 + 3 × 20 + 3 × 8 + 6 × 12) kg
    assert report.volume == f"{9 * (36 + 60 + 24 + 72):,} kg"
    assert report.headline == f"3 rounds · 15 sets · 21 min · {report.volume} moved"
    assert [line.name for line in report.done] == [
        "Renegade row",
        "Romanian deadlift",
        "Halo",
        "Single-arm row (left)",
        "Single-arm row (right)",
    ]
    assert report.last_time == "Mon 30 Nov"
    assert report.changes == [
        "Renegade row: +3 reps (27, was 24)",
        "Romanian deadlift: bell up, 16 kg → 20 kg",
        "Halo: +3 reps (27, was 24)",
        "Single-arm row: +6 reps (54, was 48)",
    ]
    assert [move.name for move in report.next_moves] == ["Renegade row", "Romanian deadlift", "Halo", "Single-arm row"]
    assert all(move.advice and move.reason for move in report.next_moves)
    [when] = report.next_times
    assert when.title == BACK.title
    assert when.allowed == "Allowed from Thursday 18:01: 24 h after today's Kettlebell back workout."
    assert when.advised == "Advised: Friday 18:15 or later: 48 h after today's Kettlebell back workout."


def test_a_first_session_has_nothing_to_compare_and_a_warm_up_is_done_but_not_planned_for(store):
    profile = store.save_profile(units="lb", experience="beginner", bells_kg=[4.5359237, 9.0718474])
    start = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
    live = train(store, profile, start, rounds=3, reps=8, bells=dict.fromkeys(BELLS, 9.0718474), warmup=True)
    report = report_of(store, profile, live, start + timedelta(hours=1))

    assert report.rounds == 3  # the warm-up's one pass is not a round of the plan
    assert report.sets == 5 + 15
    assert report.volume == f"{8 * 15 * 20:,} lb"
    assert (report.last_time, report.changes) == (None, [])
    assert report.done[0].name == "Arm circles"  # done, and listed
    assert "Arm circles" not in [move.name for move in report.next_moves]
    assert [when.title for when in report.next_times] == [BACK.title]
