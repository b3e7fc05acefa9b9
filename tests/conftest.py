"""Real databases for every test that stores anything; no mocks.

Fixtures (stable names, used across the suite):

* ``sqlite_url``: a fresh SQLite file in the test's own folder.
* ``postgres_url``: a fresh database on a PostgreSQL server, dropped after the test.
* ``store_url``: both of the above in turn (the PostgreSQL case is marked ``postgres``).
* ``store``: an open :class:`~repcoach.store.Store` on ``store_url``.

The PostgreSQL server is ``$REPCOACH_TEST_POSTGRES_URL`` if set; else the local server on
127.0.0.1:5432 (database ``test``, user ``postgres``) if it answers; else a throwaway cluster
started with the ``initdb`` and ``pg_ctl`` found on the machine (``REPCOACH_TEST_POSTGRES=throwaway``
forces that path). With none of these the PostgreSQL tests are skipped and a loud line says so,
except under ``CI=true``, where they must run and fail instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from repcoach.store import Store, open_store

LOCAL_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass
class _Postgres:
    url: str | None
    origin: str
    why_missing: str = ""


_server: _Postgres | None = None


def _answers(url: str) -> bool:
    try:
        psycopg.connect(_conninfo(url), connect_timeout=2).close()
    except psycopg.Error:
        return False
    return True


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _ThrowawayCluster:
    """A PostgreSQL cluster in a temporary folder, for machines without a server of their own."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="repcoach-pg-"))
        self.port = _free_port()
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self) -> str:
        data = self.folder / "data"
        if self._as_postgres:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self._run(
            "pg_ctl",
            "-D",
            str(data),
            "-w",
            "-l",
            str(self.folder / "log"),
            "start",
            "-o",
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        subprocess.run([*self._as_postgres, str(self.bindir / tool), *args], check=check, capture_output=True)


def _find_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The base URL of a PostgreSQL server for this test run (see the module docstring)."""
    global _server
    forced = os.environ.get("REPCOACH_TEST_POSTGRES") == "throwaway"
    cluster: _ThrowawayCluster | None = None
    if (given := os.environ.get("REPCOACH_TEST_POSTGRES_URL")) and not forced:
        _server = _Postgres(given, "REPCOACH_TEST_POSTGRES_URL")
    elif not forced and _answers(LOCAL_SERVER):
        _server = _Postgres(LOCAL_SERVER, "the local server on 127.0.0.1:5432")
    elif bindir := _find_bindir():
        cluster = _ThrowawayCluster(bindir)
        try:
            _server = _Postgres(cluster.start(), f"a throwaway cluster on port {cluster.port}")
        except (subprocess.CalledProcessError, OSError) as error:
            cluster.stop()
            cluster = None
            _server = _Postgres(None, "", f"a throwaway cluster failed to start: {error}")
    else:
        _server = _Postgres(None, "", "no server on 127.0.0.1:5432 and no initdb found")
    if _server.url is None:
        message = f"POSTGRESQL TESTS SKIPPED: {_server.why_missing}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: they must run)")
        pytest.skip(message)
    try:
        yield _server.url
    finally:
        if cluster is not None:
            cluster.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _server is None:
        return
    if _server.url is None:
        terminalreporter.write_line(f"!!! POSTGRESQL TESTS SKIPPED: {_server.why_missing} !!!", red=True, bold=True)
    else:
        terminalreporter.write_line(f"PostgreSQL tests ran against {_server.origin}.")


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    name = f"repcoach_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_conninfo(postgres_server), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_conninfo(postgres_server), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file of this test's own."""
    return f"sqlite:///{tmp_path / 'repcoach.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL: a SQLite file, then a PostgreSQL database."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open store on a fresh database."""
    with open_store(store_url) as opened:
        yield opened
