"""Plans kept per user on a multi-user server (made from articles on the plans page).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

from repcoach.store.models import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("toml", sa.Text(), nullable=False),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("profile_id", "plan_id", name="uq_kept_plans_plan_id"),
    )
    op.create_index("ix_kept_plans_profile_id", "kept_plans", ["profile_id"])


def downgrade() -> None:
    op.drop_index("ix_kept_plans_profile_id", "kept_plans")
    op.drop_table("kept_plans")
