"""When each logged set began, beside when it finished.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from repcoach.store.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("logged_sets") as table:
        table.add_column(sa.Column("started_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("logged_sets") as table:
        table.drop_column("started_at")
