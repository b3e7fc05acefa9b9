"""Coaching rules: pure functions from history and the user's bells to advice with a reason."""

from repcoach.coach.bells import EXPERIENCE_LEVELS, BellChoice, Experience, choose_bell

__all__ = ["EXPERIENCE_LEVELS", "BellChoice", "Experience", "choose_bell"]
