"""The whole API fuzzed from its own OpenAPI schema (schemathesis), on a served app on each database, as the
single-user app and as a signed-in user of a multi-user server.

Every operation gets generated requests, valid and not. Each answer must be no 5xx, a status its
schema documents, a body of the documented shape, and a valid request must not be refused; and a
request answered 4xx must leave every table's row count as it was (nothing half-stored).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy import create_engine, func, inspect, select, table
from tests.conftest import _free_port
from tests.web.browsing import serve_process

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0")) or 25
"""Generated requests per operation and database: the bound on this test's time (about a minute)."""
PROFILE = {"units": "kg", "experience": "beginner", "bells_kg": [8, 12, 16]}
ACCOUNT = {"username": "anna", "password": "correct horse"}


def row_counter(url: str) -> Callable[[], dict[str, int]]:
    engine = create_engine(url)
    # A refused sign-in is counted, by design: that count is the login throttle.
    names = [name for name in inspect(engine).get_table_names() if name != "login_attempts"]

    def counts() -> dict[str, int]:
        with engine.connect() as connection:
            return {
                name: connection.execute(select(func.count()).select_from(table(name))).scalar_one() for name in names
            }

    return counts


@pytest.mark.slow
@pytest.mark.parametrize("accounts", [False, True], ids=["single-user", "signed-in"])
def test_every_operation_answers_generated_requests_as_its_schema_says(store_url: str, tmp_path: Path, accounts: bool):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    failures: dict[str, str] = {}
    with serve_process(store_url, port, tmp_path / "server.log", ["--multi-user"] if accounts else []):
        cookies: dict[str, str] = {}
        if accounts:
            signed = httpx.post(f"{base}/api/v1/account", json=ACCOUNT, trust_env=False)
            assert signed.status_code == 201, signed.text
            cookies = dict(signed.cookies)
        profile = httpx.put(f"{base}/api/v1/profile", json=PROFILE, cookies=cookies, trust_env=False)
        assert profile.status_code == 200, profile.text
        counts = row_counter(store_url)
        schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 15, [operation.label for operation in operations]
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def answers_as_documented(case: schemathesis.Case) -> None:
                before = counts()
                try:
                    response = case.call_and_validate(cookies=cookies)
                except (AssertionError, BaseExceptionGroup) as failure:  # a check failed: keep the first per operation
                    failures.setdefault(case.operation.label, str(failure)[:2000])
                    return
                if 400 <= response.status_code < 500 and counts() != before:
                    failures.setdefault(
                        case.operation.label, f"{response.status_code} yet rows changed: {case.as_curl_command()}"
                    )

            answers_as_documented()
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
