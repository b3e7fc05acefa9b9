"""The ``repcoach`` command: a thin Typer shell over plan/, library/, session/, store/ and coach/.

Each ``*_commands`` module attaches its commands to :data:`app` when imported.
"""

from repcoach.cli import (  # noqa: F401  (register commands)
    accounts_command,
    coach_commands,
    export_command,
    import_command,
    import_text_command,
    log_command,
    plan_commands,
    progress_commands,
    serve_command,
    session_commands,
    setup_command,
)
from repcoach.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
