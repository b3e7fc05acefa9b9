"""A set's client id is unique per user, not across users: each set keeps its session's profile beside it.

Restoring a backup that holds ids another user has logged failed on the old unique ``client_id``.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The first schema left the unique client id unnamed: PostgreSQL named it, SQLite's is found by this convention.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _old_unique() -> str:
    return "logged_sets_client_id_key" if op.get_bind().dialect.name == "postgresql" else "uq_logged_sets_client_id"


def upgrade() -> None:
    with op.batch_alter_table("logged_sets", naming_convention=_NAMING) as table:
        table.add_column(sa.Column("profile_id", sa.Integer(), nullable=True))
        table.drop_constraint(_old_unique(), type_="unique")
    op.execute(
        "UPDATE logged_sets SET profile_id = "
        "(SELECT workout_sessions.profile_id FROM workout_sessions WHERE workout_sessions.id = logged_sets.session_id)"
    )
    with op.batch_alter_table("logged_sets") as table:
        table.alter_column("profile_id", existing_type=sa.Integer(), nullable=False)
        table.create_unique_constraint("uq_logged_sets_profile_client", ["profile_id", "client_id"])


def downgrade() -> None:
    with op.batch_alter_table("logged_sets", naming_convention=_NAMING) as table:
        table.drop_constraint("uq_logged_sets_profile_client", type_="unique")
        table.drop_column("profile_id")
        table.create_unique_constraint(_old_unique(), ["client_id"])
