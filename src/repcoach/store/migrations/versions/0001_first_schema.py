"""First schema: profiles and their bells, sessions, their events and logged sets.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from repcoach.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("units", sa.String(2), nullable=False),
        sa.Column("experience", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "bells",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.UniqueConstraint("profile_id", "weight_kg"),
    )
    op.create_index("ix_bells_profile_id", "bells", ["profile_id"])
    op.create_table(
        "workout_sessions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("plan_ids", sa.JSON(), nullable=False),
        sa.Column("program", sa.JSON(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_workout_sessions_profile_id", "workout_sessions", ["profile_id"])
    op.create_table(
        "session_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "session_id", sa.String(32), sa.ForeignKey("workout_sessions.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("session_id", "seq"),
    )
    op.create_table(
        "logged_sets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "session_id", sa.String(32), sa.ForeignKey("workout_sessions.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(100), nullable=False),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("block_name", sa.String(200), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(5), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("reps_target_low", sa.Integer(), nullable=True),
        sa.Column("reps_target_high", sa.Integer(), nullable=True),
        sa.Column("hold_seconds", sa.Integer(), nullable=True),
        sa.Column("weight_kg", sa.Float(), nullable=True),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=False),
        sa.Column("client_id", sa.String(64), nullable=True, unique=True),
        sa.CheckConstraint("reps IS NULL OR reps >= 0", name="ck_logged_sets_reps"),
        sa.CheckConstraint("rir IS NULL OR rir >= 0", name="ck_logged_sets_rir"),
        sa.CheckConstraint("weight_kg IS NULL OR weight_kg > 0", name="ck_logged_sets_weight"),
    )
    op.create_index("ix_logged_sets_session_id", "logged_sets", ["session_id"])
    op.create_index("ix_logged_sets_exercise_finished", "logged_sets", ["exercise_id", "finished_at"])


def downgrade() -> None:
    op.drop_table("logged_sets")
    op.drop_table("session_events")
    op.drop_index("ix_workout_sessions_profile_id", "workout_sessions")
    op.drop_table("workout_sessions")
    op.drop_index("ix_bells_profile_id", "bells")
    op.drop_table("bells")
    op.drop_table("profiles")
