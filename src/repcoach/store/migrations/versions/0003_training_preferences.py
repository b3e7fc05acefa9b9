"""The user's preferred training days, start time and time zone, for scheduling.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles") as table:
        table.add_column(sa.Column("preferred_days", sa.JSON(), nullable=True))
        table.add_column(sa.Column("preferred_time", sa.String(5), nullable=True))
        table.add_column(sa.Column("time_zone", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profiles") as table:
        table.drop_column("time_zone")
        table.drop_column("preferred_time")
        table.drop_column("preferred_days")
