"""Generated bad input for every door into the store: a plan file, another app's history, a repcoach backup.

Each real file is spoiled in one place with what real files hold by mistake (huge and negative numbers, NaN
and Infinity, lists nested thousands deep, binary, another encoding, a date years ahead). Each must load
whole or be refused with problems that name the file; nothing else may escape. What reaches the store
stays within the limits a set can have, and a refusal leaves every table's row count as it was. On SQLite
and PostgreSQL.
"""

from __future__ import annotations

import json
import math
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from repcoach.errors import Collision, InvalidInput
from repcoach.io.backup_json import dump_export, load_export
from repcoach.io.history_import import read_export
from repcoach.library import load_catalogue
from repcoach.limits import MAX_DISTANCE_M, MAX_REPS, MAX_ROUNDS, MAX_SET_SECONDS, MAX_WEIGHT_KG
from repcoach.plan.builtins import builtin_plans, get_builtin_plan
from repcoach.plan.loading import load_plan_file
from repcoach.service.backup import export_document, restore_document
from repcoach.service.history_import import plan_import, store_import
from repcoach.service.live_session import LiveSession
from repcoach.session import FakeClock, Program, SetDone
from repcoach.store import Store
from repcoach.store.models import Base

BUILTIN = Path(__file__).parents[2] / "src" / "repcoach" / "plan" / "builtin"
HISTORY = Path(__file__).parents[1] / "io" / "data" / "history"
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)

DEEP = 20_000
bad_text = st.sampled_from(
    [
        "3000000000",
        "-1",
        "-3000000000",
        "1e400",
        "-1e400",
        "nan",
        "NaN",
        "inf",
        "-Infinity",
        "0.0000001",
        "99999999999999999999999999",
        "",
        "\x00",
        "ünïcödé ✓",
        "$\\frac{",
        "2099-01-01 10:00:00",
        "1969-12-31 23:59:59",
        "[" * DEEP,
        "[" * DEEP + "]" * DEEP,
        "{" * DEEP,
        '"2099-01-01T10:00:00+00:00"',
        '"3000000000"',
        "Infinity",
        "null",
        "true",
    ]
) | st.text(max_size=20)
spoils = st.sampled_from(["value"] * 6 + ["bytes", "latin-1", "utf-16", "truncate"])
"""Most often one value, where the file's rules are tried; now and then the whole file."""
EXAMPLES = settings(
    max_examples=int(os.environ.get("BAD_INPUT_EXAMPLES", "40")),  # more to hunt: BAD_INPUT_EXAMPLES=1000
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def spoiled(text: str, where: int, bad: str, how: str, binary: bytes) -> bytes:
    """``text`` with one thing wrong: the value on line ``where`` (of those with one), the file's encoding,
    random bytes in it, or its end cut off."""
    if how == "bytes":
        data = text.encode()
        at = where % (len(data) + 1)
        return data[:at] + binary + data[at:]
    if how == "latin-1":
        return text.replace("a", "é", 3).encode("latin-1", errors="replace")
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "truncate":
        return text.encode()[: where % (len(text) + 1)]
    lines = text.splitlines(keepends=True)
    valued = [index for index, line in enumerate(lines) if re.search(r"[=,:]", line)]
    index = valued[where % len(valued)]
    lines[index] = _with_value(lines[index], bad, where)
    return "".join(lines).encode("utf-8", errors="surrogatepass")


def _with_value(line: str, bad: str, where: int) -> str:
    """The line with one value put in: after a JSON key (keeping its comma), after ``=`` or ``:`` (a plan),
    else as a CSV cell."""
    if match := re.match(r'(\s*"[^"]+":\s*)[^\[{]*?(,?)\s*$', line):
        return f"{match.group(1)}{_json_value(bad)}{match.group(2)}\n"
    if match := re.match(r"(\s*[\w.\-]+\s*[=:]\s*)", line):
        return f"{match.group(1)}{bad}\n"
    cells = line.rstrip("\r\n").split(",")
    cells[where // 7 % len(cells)] = bad
    return ",".join(cells) + "\n"


def _json_value(bad: str) -> str:
    """``bad`` as it is when JSON reads it (NaN, Infinity, 1e400 and deep lists too), else as a JSON string."""
    try:
        json.loads(bad)
    except RecursionError:
        return bad
    except ValueError:
        return json.dumps(bad)
    return bad


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def refused_naming(error: InvalidInput, name: str) -> None:
    """A refusal is problems, each naming the file, none a traceback in disguise."""
    event(f"refused: {error.problems[0].message[:40]}")
    assert error.problems
    for problem in error.problems:
        assert problem.source == name, problem
        assert "Traceback" not in str(problem) and "Error:" not in problem.message, problem


def assert_sane_sets(store: Store, profile_id: int) -> None:
    """Every stored set is one a person could do, dated no later than now."""
    for logged in store.sets_between(profile_id, datetime(1900, 1, 1, tzinfo=UTC), NOW + timedelta(days=1)):
        assert logged.reps is None or 0 <= logged.reps <= MAX_REPS
        assert logged.weight_kg is None or 0 < logged.weight_kg <= MAX_WEIGHT_KG
        assert logged.hold_seconds is None or 0 <= logged.hold_seconds <= MAX_SET_SECONDS
        assert logged.distance_m is None or 0 <= logged.distance_m <= MAX_DISTANCE_M
        assert logged.rir is None or 0 <= logged.rir <= 10
        assert 1 <= logged.round <= MAX_ROUNDS
        for number in (logged.weight_kg, logged.distance_m):
            assert number is None or math.isfinite(number)
    assert not store.sets_between(profile_id, NOW + timedelta(days=1), datetime(9999, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("suffix", [".toml", ".yaml"])
@given(where=st.integers(0, 10_000), bad=bad_text, how=spoils, binary=st.binary(min_size=1, max_size=8))
@EXAMPLES
def test_a_spoiled_plan_file_loads_or_is_refused_naming_the_file(tmp_path_factory, suffix, where, bad, how, binary):
    plan = get_builtin_plan("kettlebell-back")
    if suffix == ".toml":
        text = (BUILTIN / "kettlebell-back.toml").read_text(encoding="utf-8")
    else:
        import yaml

        text = yaml.safe_dump(plan.model_dump(mode="json", exclude_defaults=True), sort_keys=False)
    path = tmp_path_factory.mktemp("plans") / f"mine{suffix}"
    path.write_bytes(spoiled(text, where, bad, how, binary))
    try:
        loaded = load_plan_file(path, known_plan_ids=builtin_plans())
    except InvalidInput as error:
        refused_naming(error, str(path))
        return
    event("loaded")
    assert loaded.blocks  # whatever loads is a plan that runs
    for move in (move for block in loaded.blocks for move in block.moves):
        assert move.reps is None or 0 <= move.reps.low <= move.reps.high <= MAX_REPS


@pytest.mark.parametrize("export", ["strong-ios.csv", "strong-android.csv", "hevy.csv", "fitnotes-kg.csv"])
@given(where=st.integers(0, 10_000), bad=bad_text, how=spoils, binary=st.binary(min_size=1, max_size=8))
@EXAMPLES
def test_a_spoiled_history_export_stores_its_sane_workouts_or_nothing(store, export, where, bad, how, binary):
    profile = store.get_profile() or store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16])
    data = spoiled((HISTORY / export).read_text(encoding="utf-8"), where, bad, how, binary)
    before = row_counts(store)
    try:
        parsed = read_export(data, file_name=export, time_zone=ZoneInfo("Europe/Berlin"), now=NOW)
        plan = plan_import(parsed, load_catalogue())
        for problem in parsed.problems:
            assert problem.source == export, problem
        if not plan.workouts:
            event("no workout left")
            return
        added = store_import(store, profile.id, plan)
    except InvalidInput as error:
        refused_naming(error, export)
        assert row_counts(store) == before
        return
    event(f"stored, {len(parsed.problems)} problems")
    after = row_counts(store)
    assert after["logged_sets"] - before["logged_sets"] == added.sets
    assert after["workout_sessions"] - before["workout_sessions"] == len(added.workouts)
    assert_sane_sets(store, profile.id)


@pytest.fixture
def backup(store: Store) -> str:
    """A real backup of this store: a profile and one logged session of the reference plan."""
    profile = store.save_profile(units="kg", experience="beginner", bells_kg=[8, 12, 16])
    live = LiveSession.start(
        store, profile, Program.compose(get_builtin_plan("kettlebell-back")), FakeClock(), lambda: NOW
    )
    live.apply(SetDone(reps=8, rir=2, weight_kg=12.0))
    live.apply(SetDone(reps=9, rir=1, weight_kg=16.0))
    return dump_export(export_document(store, profile, NOW))


@given(where=st.integers(0, 10_000), bad=bad_text, how=spoils, binary=st.binary(min_size=1, max_size=8))
@EXAMPLES
def test_a_spoiled_backup_restores_whole_or_stores_nothing(store, backup, where, bad, how, binary):
    # as if from another phone: a new session id, so each example's restore is new to the store
    fresh = backup.replace(json.loads(backup)["sessions"][0]["id"], f"{where:032x}")
    data = spoiled(fresh, where, bad, how, binary)
    before = row_counts(store)
    try:
        doc = load_export(data, "backup.json", NOW)
        restored = restore_document(store, None, doc)
    except InvalidInput as error:
        refused_naming(error, "backup.json")
        assert row_counts(store) == before
        return
    except Collision as error:  # a set of it is stored already, in another session: its client id says
        event(f"collision: {str(error)[:40]}")
        assert row_counts(store) == before
        return
    event("restored")
    after = row_counts(store)
    assert after["logged_sets"] - before["logged_sets"] == restored.sets
    profile = store.get_profile()
    assert profile is not None
    assert_sane_sets(store, profile.id)
