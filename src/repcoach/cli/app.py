"""The Typer application, its global options and the one place errors become sentences."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from repcoach.cli.terminal import LineInput, lines_from
from repcoach.errors import InvalidInput, NoAnswer, Problem, RepcoachError
from repcoach.store import Store, default_database_url, open_store

err_console = Console(stderr=True)


class _ErrorsAsSentences(TyperGroup):
    """Turn every :class:`RepcoachError` into a red message and exit code 1, never a traceback.

    A question nobody can answer (:class:`NoAnswer`) is one plain line saying what to run, and exit code 2.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidInput as error:
            count = len(error.problems)
            err_console.print(f"[red]{count} problem{'s' if count != 1 else ''}:[/red]")
            for problem in error.problems:
                err_console.print(f"  {problem}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        except NoAnswer as error:
            err_console.print(str(error), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except RepcoachError as error:
            err_console.print(f"[red]Error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_ErrorsAsSentences,
    help="repcoach: your workout coach. Guides a routine with timers and cues, and logs every set.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def _options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL (SQLAlchemy form). Default: $REPCOACH_DATABASE_URL, "
            "else a SQLite file in your data folder.",
        ),
    ] = None,
) -> None:
    ctx.obj = Invocation(db_url=db)


@dataclass
class Invocation:
    """What one ``repcoach`` command line shares between its parts."""

    db_url: str | None
    _lines: LineInput | None = field(default=None, init=False)

    def open_store(self) -> Store:
        """The store named by ``--db``, else by the environment, else the default SQLite file."""
        return open_store(self.db_url or default_database_url())

    @property
    def lines(self) -> LineInput:
        """One reader of standard input for the whole command, so no typed line is lost between readers."""
        if self._lines is None:
            self._lines = lines_from(sys.stdin)
        return self._lines


def write_output(path: Path, data: bytes) -> None:
    """Write a file the user asked for, or say why it could not be written (exit 1, no traceback)."""
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InvalidInput([Problem(f"cannot write the file: {error.strerror}", source=str(path))]) from None


def write_output_lines(path: Path, lines: Iterable[str]) -> int:
    """Write a file the user asked for line by line, as the lines are made; the number of lines written.

    The lines go to ``<path>.part``, which becomes ``path`` once all are written: a failure on the way
    leaves no half-written file under the name asked for.

    Raises:
        InvalidInput: it could not be written (the message says why).
    """
    written = 0
    part = path.with_name(path.name + ".part")
    try:
        try:
            with part.open("w", encoding="utf-8", newline="") as out:
                for line in lines:
                    out.write(line)
                    written += 1
            part.replace(path)
        finally:
            part.unlink(missing_ok=True)
    except OSError as error:
        raise InvalidInput([Problem(f"cannot write the file: {error.strerror}", source=str(path))]) from None
    return written
