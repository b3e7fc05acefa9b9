"""Spoken cues go to espeak-ng when it is there, and are silently skipped when it is not."""

import io
import stat
import time
from pathlib import Path

from rich.console import Console

from repcoach.cli.terminal import CuePlayer, StreamLines, lines_from


def test_cues_are_spoken_by_the_speech_program_when_it_is_installed(tmp_path: Path):
    heard = tmp_path / "heard.txt"
    speaker = tmp_path / "espeak-ng"
    speaker.write_text(f'#!/bin/sh\nprintf "%s" "$3" >> {heard}\n')
    speaker.chmod(speaker.stat().st_mode | stat.S_IEXEC)
    player = CuePlayer(Console(file=io.StringIO()), speaker=str(speaker))
    assert player.speaks
    player.say("Rest 90 seconds. Next: Halo.")
    deadline = time.monotonic() + 5
    while not heard.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert heard.read_text() == "Rest 90 seconds. Next: Halo."


def test_without_a_speech_program_cues_are_silent_and_raise_nothing():
    player = CuePlayer(Console(file=io.StringIO()), speaker="no-such-speech-program")
    assert not player.speaks
    player.say("anything")


def test_no_voice_means_no_speech_even_when_installed(tmp_path: Path):
    player = CuePlayer(Console(file=io.StringIO()), voice=False, speaker="sh")
    assert not player.speaks


def test_a_beep_is_the_terminal_bell():
    out = io.StringIO()
    CuePlayer(Console(file=out, force_terminal=True), voice=False).beep()
    assert out.getvalue() == "\a"


def test_a_script_without_a_file_descriptor_is_read_line_by_line_and_timed_reads_find_nothing():
    lines = lines_from(io.StringIO("8 2\n\n"))
    assert isinstance(lines, StreamLines)
    assert lines.read(0.001) is None
    assert lines.read(None) == "8 2"
    assert lines.read(None) == ""
