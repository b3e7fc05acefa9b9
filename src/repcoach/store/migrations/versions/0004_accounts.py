"""Accounts and their login sessions, and the owner of each profile, for multi-user servers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from repcoach.store.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(32), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "login_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_login_sessions_account_id", "login_sessions", ["account_id"])
    with op.batch_alter_table("profiles") as table:
        table.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        table.create_unique_constraint("uq_profiles_account_id", ["account_id"])
        table.create_foreign_key("fk_profiles_account_id", "accounts", ["account_id"], ["id"], ondelete="CASCADE")


def downgrade() -> None:
    with op.batch_alter_table("profiles") as table:
        table.drop_constraint("fk_profiles_account_id", type_="foreignkey")
        table.drop_constraint("uq_profiles_account_id", type_="unique")
        table.drop_column("account_id")
    op.drop_index("ix_login_sessions_account_id", "login_sessions")
    op.drop_table("login_sessions")
    op.drop_table("accounts")
