"""The small error hierarchy every layer raises; the CLI and web turn these into sentences.

Inner code raises narrow exceptions carrying *what* and *where*; the edges print them
without a traceback and exit non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass


class RepcoachError(Exception):
    """Base of every error a user may read."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    message: str
    """What is wrong and what is allowed, as a sentence."""
    source: str | None = None
    """The file (or other input) it came from."""
    line: int | None = None
    """1-based line number in the source, when known."""
    field: str | None = None
    """Dotted path of the field, e.g. ``blocks[0].moves[1].reps``."""

    def __str__(self) -> str:
        where = ":".join(part for part in (self.source, str(self.line) if self.line else None) if part)
        location = ", ".join(part for part in (where, self.field) if part)
        return f"{location}: {self.message}" if location else self.message


class InvalidInput(RepcoachError):
    """One or more problems found in a user's input (plan file, CSV, API body, CLI value)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownName(RepcoachError):
    """A name (plan, exercise) that is not known, with the closest known names."""

    def __init__(self, kind: str, name: str, suggestions: list[str]) -> None:
        self.kind, self.name, self.suggestions = kind, name, suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown {kind} '{name}'.{hint}")


class NoAnswer(RepcoachError):
    """A command had to ask a question and nobody can answer (no terminal; the input has ended)."""


class StoreError(RepcoachError):
    """The database could not be opened or used (bad URL, unreachable server, bad schema)."""


class SessionOpen(RepcoachError):
    """A session was to be started while another of the same user is not finished."""

    def __init__(self, session_id: str, title: str) -> None:
        super().__init__(f"Session {session_id} ({title}) is not finished; continue or finish it first.")
        self.session_id = session_id
        self.title = title


class Collision(RepcoachError):
    """What is to be stored has the id of something stored for another user."""


class NameTaken(RepcoachError):
    """A name that must be unique (a username) is already in use."""
