"""`carepost keys`: create (the secret is shown once), list, revoke."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

import typer

from carepost.cli.support import database, fail_on_core_errors
from carepost.core.accounts import service as accounts
from carepost.core.kit.clock import iso_millis

keys_app = typer.Typer(no_args_is_help=True, help="API keys: create, list, revoke.")


@keys_app.command("create")
def create(
    account: Annotated[str, typer.Option(help="Account slug.")],
    mode: Annotated[str, typer.Option(help="live or test.")] = "live",
    name: Annotated[str, typer.Option(help="A label for the key.")] = "default",
    role: Annotated[str, typer.Option(help="full or read_only.")] = "full",
) -> None:
    """Issue a key. Its secret is printed now and never again."""

    async def main() -> accounts.IssuedKey:
        async with database() as db, db.transaction() as session:
            owner = await accounts.account_by_slug(session, slug=account)
            return await accounts.issue_key(session, account=owner, mode=mode, name=name, role=role)

    with fail_on_core_errors():
        issued = asyncio.run(main())
    typer.echo(json.dumps({"id": issued.id, "name": issued.name, "mode": issued.mode, "secret": issued.secret}, indent=2))


@keys_app.command("list")
def list_(account: Annotated[str, typer.Option(help="Account slug.")]) -> None:
    """The account's keys, by visible prefix only."""

    async def main() -> list[dict[str, object]]:
        async with database() as db, db.transaction() as session:
            owner = await accounts.account_by_slug(session, slug=account)
            return [
                {
                    "id": key.id,
                    "name": key.name,
                    "mode": key.mode,
                    "role": key.role,
                    "prefix": key.prefix,
                    "created_at": iso_millis(key.created_at),
                    "revoked_at": iso_millis(key.revoked_at),
                }
                for key in await accounts.list_keys(session, account=owner)
            ]

    with fail_on_core_errors():
        typer.echo(json.dumps(asyncio.run(main()), indent=2))


@keys_app.command("revoke")
def revoke(key_id: Annotated[int, typer.Argument(help="The key's id, from `keys list`.")]) -> None:
    """Revoke a key at once; requests with it get 401 from then on."""

    async def main() -> bool:
        async with database() as db, db.transaction() as session:
            return await accounts.revoke_key(session, key_id=key_id)

    if not asyncio.run(main()):
        typer.echo(f"error: no active key with id {key_id}", err=True)
        raise typer.Exit(1)
    typer.echo(f"Revoked key {key_id}.")
