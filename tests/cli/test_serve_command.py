"""``repcoach serve``: a real server answering the API; on the network only with accounts."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import submit

from repcoach.plan.builtins import get_builtin_plan
from repcoach.plan.writing import plan_to_toml

from .interactive import Interactive


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(tmp_path: Path, *options: str) -> Iterator[tuple[Interactive, str]]:
    """``repcoach serve`` in its own process, until it answers on loopback."""
    port = free_port()
    env = {"REPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}", "REPCOACH_PLANS_DIR": str(tmp_path / "plans")}
    server = Interactive(["serve", "--port", str(port), *options], env, tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        server.expect("Uvicorn running on", timeout=30)
        deadline = time.monotonic() + 10
        while True:
            try:
                httpx.get(f"{base}/api/v1/plans", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield server, base
    finally:
        server.kill()


@pytest.mark.slow
def test_serve_answers_the_api_on_loopback_with_no_login(tmp_path):
    with serving(tmp_path) as (_, base):
        assert httpx.get(f"{base}/api/v1/plans").json()[0]["id"] == "kettlebell-back"
        assert httpx.get(f"{base}/api/v1/profile").status_code == 409  # no profile yet, but no login asked


@pytest.mark.slow
def test_a_line_per_request_is_printed_only_with_access_log(tmp_path):
    with serving(tmp_path, "--access-log") as (server, base):
        httpx.get(f"{base}/api/v1/plans?asked=1")
        assert "200 OK" in server.expect("GET /api/v1/plans?asked=1", timeout=5)
    with serving(tmp_path) as (server, base):
        httpx.get(f"{base}/api/v1/plans?asked=1")
        with pytest.raises(AssertionError, match="did not print"):
            server.expect("GET /api/v1/plans", timeout=2)


@pytest.mark.slow
@pytest.mark.parametrize("options", [["--multi-user"], ["--host", "0.0.0.0"]])
def test_multi_user_or_network_serving_requires_accounts(tmp_path, options):
    with serving(tmp_path, *options) as (server, base):
        assert "Accounts are on: create one at" in "".join(server.output)
        assert httpx.get(f"{base}/api/v1/sessions").status_code == 401
        assert httpx.get(f"{base}/register").status_code == 200


@pytest.mark.slow
def test_plans_made_from_articles_are_offered_by_the_single_user_app_only(tmp_path):
    (tmp_path / "plans").mkdir()
    back = get_builtin_plan("kettlebell-back").model_copy(update={"id": "from-article", "warmup": None})
    (tmp_path / "plans" / "from-article.toml").write_text(plan_to_toml(back))

    with serving(tmp_path) as (_, base), httpx.Client(base_url=base) as client:
        assert "from-article" in [plan["id"] for plan in client.get("/api/v1/plans").json()]
        article = "Circuit\n- Goblet squat: 10 reps\n- Halo: 8 reps\nDo 3 rounds.\n"
        kept = submit(client, "/plans/from-text", {"text": article, "name": "Legs", "save": "true"}, page="/plans")
        assert kept.status_code == 303 and (tmp_path / "plans" / "legs.toml").exists()
    with serving(tmp_path, "--multi-user") as (_, base), httpx.Client(base_url=base) as alice:
        assert alice.post("/api/v1/account", json={"username": "alice", "password": "long enough"}).status_code == 201
        assert "from-article" not in [plan["id"] for plan in alice.get("/api/v1/plans").json()]


@pytest.mark.slow
def test_the_readmes_way_to_a_phone_keeps_the_history_logged_before(tmp_path):
    """Train on the laptop (single-user), then serve on the network: the first account takes that history."""
    env = {"REPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}", "REPCOACH_PLANS_DIR": str(tmp_path / "plans")}
    for args in (
        ["setup", "--units", "kg", "--bells", "8,12,16", "--experience", "beginner"],
        ["log", "halo", "3x8", "-w", "12"],
    ):
        done = Interactive(args, env, tmp_path)
        assert done.process.wait(timeout=60) == 0, "".join(done.output)

    with serving(tmp_path, "--host", "0.0.0.0") as (_, base), httpx.Client(base_url=base) as phone:
        assert "the first account created here takes it" in phone.get("/register").text
        created = submit(phone, "/register", {"username": "owner", "password": "long enough"}, page="/register")
        assert created.headers["location"] == "/history?claimed=true"
        page = phone.get(created.headers["location"]).text
        assert "is now yours" in page and "Halo" in page and "8, 8, 8" in page
        with httpx.Client(base_url=base) as guest:
            assert "takes it" not in guest.get("/register").text
            guest.post("/api/v1/account", json={"username": "guest", "password": "long enough"})
            answer = guest.get("/api/v1/sessions")
            assert answer.status_code == 409 and "profile" in answer.text, answer.text  # a fresh start of its own


@pytest.mark.slow
def test_behind_a_proxy_that_says_https_cookies_are_secure_and_hsts_is_sent_and_not_otherwise(tmp_path):
    https = {"x-forwarded-proto": "https"}
    with serving(tmp_path, "--behind-proxy", "127.0.0.1") as (_, base):
        page = httpx.get(f"{base}/settings", headers=https)
        assert page.headers["strict-transport-security"] == "max-age=31536000"
        assert "; Secure" in page.headers["set-cookie"]
    with serving(tmp_path) as (_, base):  # no proxy named: the header is anyone's to send, and is not believed
        page = httpx.get(f"{base}/settings", headers=https)
        assert "strict-transport-security" not in page.headers and "Secure" not in page.headers["set-cookie"]
