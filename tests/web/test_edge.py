"""The app's edge: the Host names it answers to, and the security headers on every response."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import LOCAL

from repcoach.web import create_app
from repcoach.web.edge import host_name


@pytest.mark.parametrize(
    ("header", "name"),
    [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "[::1]"), ("LocalHost", "localhost"), ("phone.lan.", "phone.lan")],
)
def test_a_host_header_is_read_without_its_port(header, name):
    assert host_name(header) == name


def test_a_single_user_app_answers_only_to_loopback_names_so_a_rebinding_page_reads_nothing(sqlite_url):
    with TestClient(create_app(sqlite_url), base_url=LOCAL) as client:
        for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
            assert client.get("/api/v1/plans", headers={"host": host}).status_code == 200
        rebound = client.get("/api/v1/plans", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 400 and "answers only to its own names" in rebound.json()["error"]["message"]
        assert client.put("/api/v1/profile", headers={"host": "evil.example"}, json={}).status_code == 400


def test_a_name_given_with_allowed_host_is_answered_too(sqlite_url):
    with TestClient(create_app(sqlite_url, allowed_hosts=["coach.lan"]), base_url="http://coach.lan") as client:
        assert client.get("/api/v1/plans").status_code == 200
        assert client.get("/api/v1/plans", headers={"host": "evil.example"}).status_code == 400


def test_with_accounts_any_host_is_answered_as_a_login_guards_the_log(sqlite_url):
    with TestClient(create_app(sqlite_url, accounts=True), base_url="http://192.168.1.20:8000") as client:
        assert client.get("/register").status_code == 200
        assert client.get("/api/v1/plans").status_code == 401  # asked to sign in, not refused for its name


def test_every_response_keeps_scripts_and_styles_to_this_server_and_refuses_framing(ready):
    for path in ("/", "/session/none", "/static/app.css", "/api/v1/plans", "/sw.js"):
        headers = ready.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "same-origin"
    docs = ready.get("/docs").headers  # FastAPI's docs load their scripts from a CDN
    assert "content-security-policy" not in docs and docs["x-content-type-options"] == "nosniff"


def test_the_form_token_cookie_comes_with_pages_only_not_with_the_api_or_static_files(sqlite_url):
    with TestClient(create_app(sqlite_url), base_url=LOCAL) as client:
        for path in ("/api/v1/plans", "/static/app.css", "/sw.js"):
            assert "set-cookie" not in client.get(path).headers, path
        assert "repcoach_csrf=" in client.get("/settings").headers["set-cookie"]


def test_hsts_is_sent_over_https_only(sqlite_url):
    with TestClient(create_app(sqlite_url), base_url="https://localhost") as secure:
        assert secure.get("/api/v1/plans").headers["strict-transport-security"] == "max-age=31536000"
    with TestClient(create_app(sqlite_url), base_url=LOCAL) as plain:
        assert "strict-transport-security" not in plain.get("/api/v1/plans").headers
