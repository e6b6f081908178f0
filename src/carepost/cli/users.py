"""`carepost users create`: people who sign in for an account (the pharmacy API's token endpoint)."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

import typer

from carepost.cli.support import database, fail_on_core_errors
from carepost.core.accounts import service as accounts
from carepost.core.accounts import users

users_app = typer.Typer(no_args_is_help=True, help="Account users (e-mail and password sign-in).")


@users_app.command("create")
def create(
    account: Annotated[str, typer.Option(help="Account slug.")],
    email: Annotated[str, typer.Option(help="The user's e-mail, their sign-in name.")],
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, envvar="CAREPOST_USER_PASSWORD", help="Asked for when not given.")
    ],
    first_name: Annotated[str, typer.Option()] = "",
    last_name: Annotated[str, typer.Option()] = "",
) -> None:
    """Create a user (or set an existing one's password). The password is stored as an argon2 hash only."""

    async def main() -> int:
        async with database() as db, db.transaction() as session:
            owner = await accounts.account_by_slug(session, slug=account)
            user = await users.ensure_user(
                session, account_id=owner.id, email=email, password=password, first_name=first_name, last_name=last_name
            )
            return user.id

    with fail_on_core_errors():
        user_id = asyncio.run(main())
    typer.echo(json.dumps({"id": user_id, "account": account, "email": email.strip().lower()}, indent=2))
