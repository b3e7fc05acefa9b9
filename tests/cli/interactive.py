"""Drive ``repcoach`` as a real process: type lines, wait for what it prints, kill it."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

REPCOACH = [sys.executable, "-m", "repcoach"]


class Interactive:
    """A running ``repcoach`` whose output is read line by line in the background."""

    def __init__(self, args: list[str], env: Mapping[str, str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [*REPCOACH, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **env},
            cwd=cwd,
            text=True,
            bufsize=1,
        )
        self.output: list[str] = []
        self._chunks: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._chunks.put(line)
        self._chunks.put(None)

    def expect(self, text: str, timeout: float = 20.0) -> str:
        """Wait until a printed line contains ``text``; returns that line."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._chunks.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise AssertionError(f"repcoach ended before printing {text!r}:\n{''.join(self.output)}")
            self.output.append(line)
            if text in line:
                return line
        raise AssertionError(f"repcoach did not print {text!r} within {timeout} s:\n{''.join(self.output)}")

    def type(self, line: str) -> None:
        """Type ``line`` and Enter."""
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        """Kill without warning, as a crash or a closed terminal would."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def finish(self, timeout: float = 20.0) -> int:
        """Close the input, wait for the exit, and return the exit code."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=timeout)
        while (line := self._chunks.get(timeout=timeout)) is not None:
            self.output.append(line)
        return code
