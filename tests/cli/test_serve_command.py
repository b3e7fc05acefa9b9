"""``repcoach serve``: a real server on loopback answering the API; never on the network without accounts."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from .interactive import Interactive


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_the_api_on_loopback(tmp_path):
    port = free_port()
    server = Interactive(
        ["serve", "--port", str(port)], {"REPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}, tmp_path
    )
    try:
        server.expect("Uvicorn running on", timeout=30)
        deadline = time.monotonic() + 10
        while True:
            try:
                plans = httpx.get(f"http://127.0.0.1:{port}/api/v1/plans", timeout=2).json()
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert plans[0]["id"] == "kettlebell-back"
    finally:
        server.kill()


def test_serving_to_the_network_is_refused_until_accounts_exist(repcoach):
    result = repcoach("serve", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert "--host: '0.0.0.0' would open your training log to the network" in " ".join(result.stderr.split())
