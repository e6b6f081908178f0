"""`carepost webhooks`: an account's endpoints (add: the secret is shown once; list),
an endpoint's deliveries, and replaying an event."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

import typer

from carepost.cli.support import database, fail_on_core_errors
from carepost.config import Settings
from carepost.core.accounts import service as accounts
from carepost.core.webhooks import endpoints, replay
from carepost.webhooks_api import mapping

webhooks_app = typer.Typer(no_args_is_help=True, help="Webhook endpoints: add, list, deliveries, replay.")

Account = Annotated[str, typer.Option(help="Account slug.")]
Mode = Annotated[str, typer.Option(help="live or test.")]


def _print(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))


@webhooks_app.command("add")
def add(
    account: Account,
    url: Annotated[str, typer.Option(help="Where to send events.")],
    mode: Mode = "live",
    description: Annotated[str | None, typer.Option(help="A note for people.")] = None,
    event_type: Annotated[list[str] | None, typer.Option(help="A type it wants (repeat); none: every type.")] = None,
) -> None:
    """Add an endpoint. Its signing secret is printed now and never again."""
    settings = Settings()

    async def main() -> dict[str, Any]:
        async with database() as db, db.transaction() as session:
            made = await endpoints.create(
                session, scope=await accounts.scope_by_slug(session, slug=account, mode=mode), given=endpoints.EndpointIn(url, description, event_type or None),
                policy=settings.webhook_policy, secret_key=settings.resolved_secret_key,
            )
            return mapping.endpoint(made.endpoint, secret=made.secret)

    with fail_on_core_errors():
        _print(asyncio.run(main()))


@webhooks_app.command("list")
def list_(account: Account, mode: Mode = "live") -> None:
    """The account's endpoints in this mode."""

    async def main() -> list[dict[str, Any]]:
        async with database() as db, db.read() as session:
            return [mapping.endpoint(e) for e in await endpoints.all_of(session, scope=await accounts.scope_by_slug(session, slug=account, mode=mode))]

    with fail_on_core_errors():
        _print(asyncio.run(main()))


@webhooks_app.command("deliveries")
def deliveries(
    account: Account,
    endpoint: Annotated[str, typer.Option(help="The endpoint's id (we_…).")],
    mode: Mode = "live",
    status: Annotated[str | None, typer.Option(help="pending, succeeded or failed.")] = None,
) -> None:
    """The endpoint's latest deliveries, with every attempt."""

    async def main() -> list[dict[str, Any]]:
        async with database() as db, db.read() as session:
            found = await replay.deliveries(
                session, scope=await accounts.scope_by_slug(session, slug=account,
                    mode=mode), endpoint_id=endpoint, status=status, since=None, until=None, limit=50
            )
            return [mapping.delivery(d, e, a) for d, e, a in found]

    with fail_on_core_errors():
        _print(asyncio.run(main()))


@webhooks_app.command("replay")
def replay_(account: Account, event: Annotated[str, typer.Option(help="The event's id (msg_…).")], mode: Mode = "live") -> None:
    """Send an event again to every endpoint it went to, with the same webhook-id."""

    async def main() -> int:
        async with database() as db, db.transaction() as session:
            return await replay.replay_event(session, scope=await accounts.scope_by_slug(session, slug=account, mode=mode), event_id=event)

    with fail_on_core_errors():
        _print({"replayed": asyncio.run(main())})
