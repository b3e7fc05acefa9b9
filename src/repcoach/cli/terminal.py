"""Terminal I/O for a guided session: typed lines with a time limit, beeps and spoken cues."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from typing import IO, Protocol

from rich.console import Console


class LineInput(Protocol):
    """Where typed commands come from."""

    echoes: bool
    """Whether what is typed already shows on screen (a terminal does; a pipe or script does not)."""

    def read(self, timeout: float | None) -> str | None:
        """The next typed line without its newline; None if ``timeout`` real seconds pass first.

        Raises:
            EOFError: the input has ended (Ctrl-D, or the end of a script).
        """
        ...

    def at_end(self) -> bool:
        """Whether the input has ended already (a script's stdin at ``/dev/null``), found without waiting.

        Input that has not come yet (a terminal, an open pipe) is not an end.
        """
        ...


class FileLines:
    """Lines from a file descriptor (a terminal or a pipe), waited for with ``select``.

    Reads the descriptor directly, because a buffered ``sys.stdin`` can hold lines that
    ``select`` cannot see.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._fd = stream.fileno()
        self._pending = b""
        self.echoes = os.isatty(self._fd)

    def read(self, timeout: float | None) -> str | None:
        while b"\n" not in self._pending:
            ready, _, _ = select.select([self._fd], [], [], None if timeout is None else max(0.0, timeout))
            if not ready:
                return None
            chunk = os.read(self._fd, 4096)
            if not chunk:
                if self._pending:
                    break
                raise EOFError
            self._pending += chunk
            timeout = 0.0 if timeout is not None else None
        line, _, self._pending = self._pending.partition(b"\n")
        return line.decode("utf-8", errors="replace").rstrip("\r")

    def at_end(self) -> bool:
        if self._pending:
            return False
        ready, _, _ = select.select([self._fd], [], [], 0)
        if not ready:
            return False
        chunk = os.read(self._fd, 4096)
        self._pending += chunk
        return not chunk


class StreamLines:
    """Lines from a stream with no file descriptor (an in-memory script in tests).

    Such a stream cannot be waited on, so a read with a time limit finds nothing and only
    blocking reads consume lines: rests then end on their own clock.
    """

    echoes = False

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._peeked: str | None = None

    def read(self, timeout: float | None) -> str | None:
        if timeout is not None:
            time.sleep(min(timeout, 0.01))
            return None
        line, self._peeked = self._peeked or self._stream.readline(), None
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    def at_end(self) -> bool:
        if self._peeked is None:
            self._peeked = self._stream.readline()
        return not self._peeked


def lines_from(stream: IO[str]) -> LineInput:
    """The right reader for ``stream``."""
    try:
        stream.fileno()
    except (OSError, ValueError):
        return StreamLines(stream)
    return FileLines(stream)


class CuePlayer:
    """Beeps through the terminal bell and speaks through espeak-ng when it is installed.

    Sound is a help, never a requirement: with no espeak-ng, or when it fails, cues are silent.
    """

    def __init__(self, console: Console, *, voice: bool = True, speaker: str | None = "espeak-ng") -> None:
        self._console = console
        self._speaker = shutil.which(speaker) if voice and speaker else None

    @property
    def speaks(self) -> bool:
        """Whether spoken cues will be heard."""
        return self._speaker is not None

    def beep(self) -> None:
        """One short beep."""
        self._console.bell()

    def say(self, text: str) -> None:
        """Speak ``text`` without waiting for it to finish."""
        if self._speaker is None:
            return
        try:
            subprocess.Popen(
                [self._speaker, "-s", "165", text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._speaker = None
