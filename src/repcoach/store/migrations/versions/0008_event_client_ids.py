"""Every event a device sends carries its own id, so an event sent twice (its answer lost) is applied once.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session_events") as table:
        table.add_column(sa.Column("client_id", sa.String(64), nullable=True))
        table.create_unique_constraint("uq_session_events_client_id", ["session_id", "client_id"])


def downgrade() -> None:
    with op.batch_alter_table("session_events") as table:
        table.drop_constraint("uq_session_events_client_id", type_="unique")
        table.drop_column("client_id")
