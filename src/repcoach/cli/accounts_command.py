"""``repcoach accounts claim NAME``: the history logged before accounts were on, given to an account."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from repcoach.cli.app import app
from repcoach.service.accounts import claim_history

console = Console()
accounts_app = typer.Typer(no_args_is_help=True, help="Accounts of a multi-user server (repcoach serve --multi-user).")
app.add_typer(accounts_app, name="accounts")


@accounts_app.command("claim")
def claim(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="The account that takes the single-user history.")],
) -> None:
    """Give the sessions, bells and settings logged without an account to USERNAME.

    The first account registered takes them by itself; this is for when another did.
    """
    with ctx.obj.open_store() as store:
        account = claim_history(store, username)
    console.print(f"[green]Done:[/green] the single-user history is now {account.username}'s.", highlight=False)
