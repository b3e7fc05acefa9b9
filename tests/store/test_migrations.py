"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from repcoach.store.database import connect, downgrade, migrate
from repcoach.store.models import Base


def test_the_migrated_schema_matches_the_models(store_url):
    engine = connect(store_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_migrating_an_up_to_date_database_again_changes_nothing(store_url):
    engine = connect(store_url)
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert tables == {"alembic_version", "profiles", "bells", "workout_sessions", "session_events", "logged_sets"}


def test_the_first_migration_can_be_taken_back(store_url):
    engine = connect(store_url)
    downgrade(engine, "base")
    assert set(inspect(create_engine(engine.url)).get_table_names()) <= {"alembic_version"}
    engine.dispose()
