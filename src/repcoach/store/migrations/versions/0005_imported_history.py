"""What imported history needs: custom exercises, workout identities, set kind, equipment, distance, notes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "custom_exercises",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("exercise_id", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("pattern", sa.String(20), nullable=True),
        sa.UniqueConstraint("profile_id", "exercise_id", name="uq_custom_exercises_id"),
    )
    op.create_index("ix_custom_exercises_profile_id", "custom_exercises", ["profile_id"])
    with op.batch_alter_table("workout_sessions") as table:
        table.add_column(sa.Column("source_key", sa.String(400), nullable=True))
        table.create_unique_constraint("uq_workout_sessions_source_key", ["profile_id", "source_key"])
    with op.batch_alter_table("logged_sets") as table:
        table.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default="normal"))
        table.add_column(sa.Column("equipment", sa.String(20), nullable=True))
        table.add_column(sa.Column("distance_m", sa.Float(), nullable=True))
        table.add_column(sa.Column("notes", sa.String(2000), nullable=True))
        table.create_check_constraint("ck_logged_sets_kind", "kind IN ('normal', 'warmup', 'dropset', 'failure')")


def downgrade() -> None:
    with op.batch_alter_table("logged_sets") as table:
        table.drop_constraint("ck_logged_sets_kind", type_="check")
        table.drop_column("notes")
        table.drop_column("distance_m")
        table.drop_column("equipment")
        table.drop_column("kind")
    with op.batch_alter_table("workout_sessions") as table:
        table.drop_constraint("uq_workout_sessions_source_key", type_="unique")
        table.drop_column("source_key")
    op.drop_index("ix_custom_exercises_profile_id", "custom_exercises")
    op.drop_table("custom_exercises")
