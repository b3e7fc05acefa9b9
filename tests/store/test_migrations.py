"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from repcoach.store import open_store
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
    assert tables == {
        "alembic_version",
        "accounts",
        "custom_exercises",
        "kept_plans",
        "login_attempts",
        "login_sessions",
        "profiles",
        "bells",
        "workout_sessions",
        "session_events",
        "logged_sets",
    }


def test_the_first_migration_can_be_taken_back(store_url):
    engine = connect(store_url)
    downgrade(engine, "base")
    assert set(inspect(create_engine(engine.url)).get_table_names()) <= {"alembic_version"}
    engine.dispose()


def test_a_database_made_by_the_first_schema_upgrades_and_keeps_its_sets(sqlite_url):
    engine = connect(sqlite_url)
    downgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO profiles (id, name, units, experience, created_at) VALUES (1, 'me', 'kg', 'beginner', "
            "'2026-11-24 18:00:00')"
        )
    migrate(engine)
    columns = {column["name"] for column in inspect(engine).get_columns("logged_sets")}
    engine.dispose()
    assert "started_at" in columns
    with open_store(sqlite_url) as store:
        assert store.get_profile().units == "kg"


def test_the_kept_plans_migration_can_be_taken_back_and_done_again(store_url):
    engine = connect(store_url)
    downgrade(engine, "0005")
    assert "kept_plans" not in inspect(engine).get_table_names()
    migrate(engine)
    columns = [column["name"] for column in inspect(engine).get_columns("kept_plans")]
    engine.dispose()
    assert columns == ["id", "profile_id", "plan_id", "title", "toml", "saved_at"]
