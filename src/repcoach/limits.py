"""The ranges a value must be in to be stored: the same at every edge (API, CSV import, backup), and on
SQLite and PostgreSQL alike, whose integers overflow at different sizes. Far beyond any real set."""

from datetime import timedelta

MAX_REPS = 1000
"""Reps in one set."""
MAX_WEIGHT_KG = 500.0
"""A load, in kg (about 1100 lb)."""
MAX_SET_SECONDS = 24 * 3600
"""The time of one set (a hold, a carry, a run)."""
MAX_DISTANCE_M = 1_000_000.0
"""The distance of one set (1000 km)."""
MAX_ROUNDS = 100
"""Rounds of one session; also the sets of one block in a round."""
MAX_RIR = 10
"""Reps in reserve: beyond 10 a set is not rated by effort at all."""
MAX_EVENTS = 100_000
"""Events of one session."""
MAX_NAME_LENGTH = 200
"""Characters of a move's name (and of a block's)."""
MAX_TITLE_LENGTH = 300
"""Characters of a workout's or a plan's title."""
MAX_NOTES_LENGTH = 2000
"""Characters of a set's notes."""
FUTURE_SLACK = timedelta(minutes=10)
"""A workout may be dated this far after the time it is read (clocks a little apart); later is in the future."""
