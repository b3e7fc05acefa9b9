"""Coaching rules: pure functions from history and the user's bells to advice with a reason."""

from repcoach.coach.balance import BalanceReport, PatternLoad, balance, balance_reports, is_hard
from repcoach.coach.bell_sizes import (
    KG_SIZES,
    LB_SIZES,
    heavier_owned,
    lighter_owned,
    next_size_down,
    next_size_up,
    owned_bells,
    standard_sizes,
)
from repcoach.coach.bells import EXPERIENCE_LEVELS, BellChoice, Experience, choose_bell
from repcoach.coach.e1rm import E1rmPoint, e1rm, e1rm_trend, reps_at, set_e1rm
from repcoach.coach.history import LoggedSet
from repcoach.coach.in_session import adjust_within_session
from repcoach.coach.progression import RESTART_AFTER_DAYS, history_read, recommend_next
from repcoach.coach.recommendation import ACTIONS, Action, Recommendation
from repcoach.coach.schedule import (
    Preferences,
    SessionAdvice,
    SessionDone,
    check_preferences,
    next_session,
    plan_muscles,
    sessions_from_sets,
    upcoming_sessions,
)

__all__ = [
    "ACTIONS",
    "EXPERIENCE_LEVELS",
    "KG_SIZES",
    "LB_SIZES",
    "RESTART_AFTER_DAYS",
    "Action",
    "BalanceReport",
    "BellChoice",
    "E1rmPoint",
    "LoggedSet",
    "Experience",
    "PatternLoad",
    "Preferences",
    "Recommendation",
    "SessionAdvice",
    "SessionDone",
    "adjust_within_session",
    "balance",
    "balance_reports",
    "check_preferences",
    "choose_bell",
    "e1rm",
    "e1rm_trend",
    "heavier_owned",
    "history_read",
    "is_hard",
    "lighter_owned",
    "next_session",
    "next_size_down",
    "next_size_up",
    "owned_bells",
    "plan_muscles",
    "recommend_next",
    "reps_at",
    "sessions_from_sets",
    "set_e1rm",
    "standard_sizes",
    "upcoming_sessions",
]
