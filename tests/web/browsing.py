"""Driving the app: in a real browser (Debian's Chromium through Playwright), on a loopback port, or over
the API as a user walks a session, against `repcoach serve` in its own process."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Playwright
from tests.web.conftest import PROFILE

from repcoach.web import create_app

CHROMIUM = "/usr/bin/chromium"
OUTPUT = Path(__file__).parents[2] / "test-output"
DATA = Path(__file__).parent / "data"
QUICK = DATA / "quick-test.toml"
QUICK_AMRAP = DATA / "quick-amrap.toml"
QUICK_EMOM = DATA / "quick-emom.toml"
QUICK_HOLD_AND_RUN = DATA / "quick-hold-and-run.toml"

# Headless Chromium has no voices and cannot vibrate: stand-ins record each text spoken and each vibration.
RECORD_CUES = """
window.spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
Object.defineProperty(window, "speechSynthesis", {
  configurable: true,
  value: { speak: (utterance) => window.spoken.push(utterance.text), cancel() {}, getVoices: () => [] },
});
window.vibrations = [];
navigator.vibrate = (pattern) => { window.vibrations.push(pattern); return true; };
"""


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, or a skip (a failure under CI=true) when it is not installed."""
    if not shutil.which("chromium"):
        message = "BROWSER TESTS SKIPPED: Debian's chromium is not installed (scripts/ensure-chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(
    database: Path, plan_files: Sequence[Path] = (), *, port: int | None = None, profile: bool = True
) -> Iterator[str]:
    """The web app on a loopback port (a free one unless given), in a thread, on ``database``.

    With ``profile`` the profile is set first. Leaving the block stops the server; starting it again on
    the same port keeps the page's origin, and with it the browser's service worker and stored data.
    """
    port = port or free_port()
    app = create_app(f"sqlite:///{database}", plan_files=plan_files)
    app_server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not app_server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        if profile:
            httpx.put(f"{base}/api/v1/profile", json=PROFILE).raise_for_status()
        yield base
    finally:
        app_server.should_exit = True
        thread.join(10)


def sets_logged(base: str, session: str) -> int:
    return int(httpx.get(f"{base}/api/v1/sessions/{session}").json()["sets_logged"])


@contextmanager
def serve_process(
    database: Path | str, port: int, log: Path, options: Sequence[str] = ()
) -> Iterator[subprocess.Popen[bytes]]:
    """``repcoach serve`` on ``database`` (a SQLite file, or a database URL) in its own process on ``port``
    with ``options``, answering; killed (-9) after, with its whole process group, if the test has not killed
    it already."""
    url = database if isinstance(database, str) else f"sqlite:///{database}"
    env = {**os.environ, "REPCOACH_DATABASE_URL": url}
    command = [sys.executable, "-m", "repcoach", "serve", "--host", "127.0.0.1", "--port", str(port), *options]
    with log.open("ab") as sink:
        server = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"the server exited: {log.read_text()}"
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v1/plans", timeout=1, trust_env=False)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, f"the server did not answer in 60 s: {log.read_text()}"
                time.sleep(0.1)
        yield server
    finally:
        with suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)  # its worker processes too
        server.wait(10)


def next_event(view: dict) -> dict:
    """What a user does next where the session (its API view) stands: a set of 8 at the work step, the end of
    a rest, another round before round 3 and the end after it; each under a client id of its own."""
    if view["phase"] == "work":
        body = {"kind": "set_done", "reps": 8, "rir": 2, "weight_kg": 12}
    elif view["phase"] == "rest":
        body = {"kind": "end_rest"}
    else:
        body = {"kind": "end_rounds" if view["choice"]["round"] >= 3 else "another_round"}
    return {**body, "client_id": uuid.uuid4().hex}


def until(phone: Page, check: str, seconds: float = 10) -> None:
    """Wait for an async check in the page to hold (wait_for_function does not await a promise)."""
    deadline = time.monotonic() + seconds
    while not phone.evaluate(check):
        assert time.monotonic() < deadline, f"never held: {check}"
        time.sleep(0.1)


def installed(phone: Page) -> None:
    """Wait until the service worker runs and controls the page."""
    phone.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")


def walked_here(phone: Page, session: str) -> None:
    """Wait until the phone keeps the session's walk in IndexedDB."""
    until(phone, f"async () => (await Outbox.loadWalk('{session}')) !== undefined")
