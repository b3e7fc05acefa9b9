"""The ranges a number must be in to be stored: the same at every edge (API, CSV import, backup), and on
SQLite and PostgreSQL alike, whose integers overflow at different sizes. Far beyond any real set."""

MAX_REPS = 1000
"""Reps in one set."""
MAX_WEIGHT_KG = 500.0
"""A load, in kg (about 1100 lb)."""
MAX_SET_SECONDS = 24 * 3600
"""The time of one set (a hold, a carry, a run)."""
MAX_DISTANCE_M = 1_000_000.0
"""The distance of one set (1000 km)."""
MAX_ROUNDS = 100
"""Rounds of one session."""
MAX_EVENTS = 100_000
"""Events of one session."""
