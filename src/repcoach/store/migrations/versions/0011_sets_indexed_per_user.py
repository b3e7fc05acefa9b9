"""Sets indexed by their user: the newest sets of one user's exercise are found without reading the others'.

The advice reads each move's newest sets, and the history its window of them; both are one user's.
The index on (exercise, finished) alone spanned every user and could not bound a read to the newest.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_logged_sets_profile_exercise_finished", "logged_sets", ["profile_id", "exercise_id", "finished_at"]
    )
    op.create_index("ix_logged_sets_profile_finished", "logged_sets", ["profile_id", "finished_at"])
    op.drop_index("ix_logged_sets_exercise_finished", table_name="logged_sets")


def downgrade() -> None:
    op.create_index("ix_logged_sets_exercise_finished", "logged_sets", ["exercise_id", "finished_at"])
    op.drop_index("ix_logged_sets_profile_finished", table_name="logged_sets")
    op.drop_index("ix_logged_sets_profile_exercise_finished", table_name="logged_sets")
