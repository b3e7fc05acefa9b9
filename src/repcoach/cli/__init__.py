"""The ``repcoach`` command: a thin Typer shell over plan/, library/, session/, store/ and coach/.

Each ``*_commands`` module attaches its commands to :data:`app` when imported.
"""

from repcoach.cli import log_command, plan_commands, session_commands  # noqa: F401  (register commands)
from repcoach.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
