"""Opening a database by URL: SQLite by default, any SQLAlchemy URL (PostgreSQL) by choice."""

from __future__ import annotations

import os
import select
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, NoSuchModuleError, OperationalError, SQLAlchemyError

from repcoach.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
URL_EXAMPLES = "e.g. sqlite:///path/to/repcoach.db or postgresql+psycopg://user@host:5432/dbname"


def default_database_url(environ: Mapping[str, str] = os.environ) -> str:
    """``REPCOACH_DATABASE_URL`` if set, else a SQLite file in the user's data folder."""
    if url := environ.get("REPCOACH_DATABASE_URL", "").strip():
        return url
    return f"sqlite:///{Path(platformdirs.user_data_dir('repcoach')) / 'repcoach.db'}"


def connect(url_text: str) -> Engine:
    """An engine on ``url_text`` with the schema migrated to the newest revision.

    Raises:
        StoreError: the URL is malformed, names an unknown database, or cannot be reached.
    """
    url = _parse(url_text)
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        _prepare_sqlite_folder(url, shown)
    try:
        engine = create_engine(url, **_engine_options(url))
    except (NoSuchModuleError, ModuleNotFoundError) as error:
        raise StoreError(
            f"Cannot use the database URL '{shown}': unknown database kind '{url.drivername}' ({URL_EXAMPLES})."
        ) from error
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        event.listen(engine, "checkout", _refuse_closed_by_server)
    try:
        migrate(engine)
    except OperationalError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StoreError(f"Cannot open the database '{shown}': {reason}") from error
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"Cannot prepare the database '{shown}': {error}") from error
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (idempotent)."""
    with engine.begin() as connection:
        config = _alembic_config(connection)
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Take the schema back to ``revision`` (for migration tests)."""
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), revision)


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _parse(url_text: str) -> URL:
    try:
        url = make_url(url_text)
    except ArgumentError:
        raise StoreError(f"'{url_text}' is not a database URL ({URL_EXAMPLES}).") from None
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # the driver repcoach ships with
    return url


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql":
        return {"connect_args": {"connect_timeout": 5}}
    return {}


def _prepare_sqlite_folder(url: URL, shown: str) -> None:
    if not url.database or url.database == ":memory:":
        return
    folder = Path(url.database).expanduser().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Cannot create the folder {folder} for the database {shown}: {error.strerror}.") from None


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Foreign keys on; WAL so a reader never blocks the writer; wait for a lock instead of failing."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _refuse_closed_by_server(connection: Any, _record: Any, _proxy: Any) -> None:
    """Hand out no pooled connection the server has closed (restarted, or ended it), at no round trip.

    A pre-ping (a query per checkout) costs a round trip on every request, more than a logged set's own
    insert. An idle connection has nothing to read, unless the server has closed it or sent the error it
    closes with: a socket with something to read is one the server is done with, and the pool then takes
    a fresh connection (SQLAlchemy's answer to :class:`DisconnectionError`). A connection lost with no
    word from the server (a network cut) fails its request once, and the pool is renewed.
    """
    readable, _, _ = select.select([connection.fileno()], [], [], 0)
    if readable:
        raise DisconnectionError("the server closed this connection")


def one_statement(engine: Engine) -> Connection:
    """A connection for a read of one statement, which is consistent on its own and needs no transaction.

    On PostgreSQL it runs in autocommit, sparing a BEGIN and a ROLLBACK (two round trips); SQLite's
    driver begins no transaction for a read anyway, and setting its isolation back costs a statement.
    """
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
    return connection
