"""`carepost operators` and `carepost orders`: operator tokens, and every flow's operator actions from a terminal."""

from __future__ import annotations

import asyncio
import json
import secrets
from typing import Annotated

import typer
from pydantic import ValidationError

from carepost.adapters.commerce import store_resolver
from carepost.cli.support import database, fail_on_core_errors
from carepost.config import Settings
from carepost.core.kit.clock import iso_millis
from carepost.core.kit.errors import InvalidInput
from carepost.core.operators import console, order_actions
from carepost.core.operators import service as operators
from carepost.core.orders import events
from carepost.http import action_bodies

operators_app = typer.Typer(no_args_is_help=True, help="Operator tokens for the operator API, and console logins.")
orders_app = typer.Typer(
    no_args_is_help=True, help="Look at orders of any flow, and move them as their flow allows."
)


@operators_app.command("create")
def create_operator(
    name: Annotated[str, typer.Argument(help="Who the token (and console login) is for.")],
    email: Annotated[str | None, typer.Option(help="Also a console login (/console) with this e-mail.")] = None,
    role: Annotated[str, typer.Option(help=f"The console login's role: {', '.join(console.ROLES)}.")] = "support",
    password: Annotated[
        str | None, typer.Option(envvar="CAREPOST_OPERATOR_PASSWORD", help="The console password; a new one is made and printed if not given.")
    ] = None,
) -> None:
    """Issue an operator token (for /api/ops/v1), and with --email a console login;
    the token and a made-up password are printed now and never again."""
    login_password = password or secrets.token_urlsafe(12)

    async def main() -> dict[str, object]:
        async with database() as db, db.transaction() as session:
            issued: dict[str, object] = {"name": name, "token": await operators.issue_token(session, name=name)}
            if email is not None:
                login = await console.ensure_operator(session, email=email, name=name, role=role, password=login_password)
                issued["console"] = {"email": login.email, "role": login.role, **({} if password else {"password": login_password})}
            return issued

    with fail_on_core_errors():
        typer.echo(json.dumps(asyncio.run(main()), indent=2))


@orders_app.command("show")
def show(order_id: Annotated[str, typer.Argument(help="The order's public id (ORD_…) or devices order number.")]) -> None:
    """An order's step and timeline."""

    async def main() -> dict[str, object]:
        async with database() as db, db.transaction() as session:
            order = await operators.order(session, public_id=order_id)
            timeline = await events.timeline(session, order)
            return {
                "order_id": order.public_id,
                "mode": order.mode,
                "status": order.status,
                "events": [{"name": e.name, "actor": e.actor, "occurred_at": iso_millis(e.occurred_at)} for e in timeline],
            }

    with fail_on_core_errors():
        typer.echo(json.dumps(asyncio.run(main()), indent=2))


@orders_app.command("act")
def act(
    order_id: Annotated[str, typer.Argument(help="The order's public id (ORD_…), or a devices or pharmacy order's number.")],
    action: Annotated[str, typer.Argument(help="One of the actions its flow declares (docs/operations.md).")],
    note: Annotated[str | None, typer.Option(help="A note on the event (any action).")] = None,
    reason: Annotated[str | None, typer.Option(help="Why: a rejection or a cancel.")] = None,
    carrier: Annotated[str | None, typer.Option(help="ship, dispatch: the carrier.")] = None,
    tracking_number: Annotated[str | None, typer.Option(help="ship, dispatch: the tracking number.")] = None,
    shipped_date: Annotated[str | None, typer.Option(help="A mask's ship: YYYY-MM-DD (default today).")] = None,
    tracking: Annotated[list[str] | None, typer.Option(help="A devices ship: CARRIER:NUMBER (repeatable).")] = None,
    device: Annotated[list[int] | None, typer.Option(help="A devices pack: a device id to use (repeatable).")] = None,
    address: Annotated[str | None, typer.Option(help="reconfirm_address: the corrected address as JSON.")] = None,
    fulfillment_site: Annotated[int | None, typer.Option(help="receive_returns: where the returns arrive.")] = None,
    operator: Annotated[str, typer.Option(help="Recorded as the actor.")] = "cli",
) -> None:
    """Move an order of any flow one step, exactly as the operator API does, with the same inputs."""
    pairs = [value.partition(":") for value in tracking or []]
    if any(not carrier_ or not number for carrier_, _, number in pairs):
        raise typer.BadParameter("--tracking takes CARRIER:NUMBER, such as usps:9400100000000000000000")
    given = {
        "note": note, "reason": reason, "carrier": carrier, "tracking_number": tracking_number, "shipped_date": shipped_date,
        "tracking_numbers": [{"carrier": c, "value": n} for c, _, n in pairs] or None, "device_ids": device or None,
        "address": json.loads(address) if address else None, "fulfillment_site_id": fulfillment_site,
    }

    async def main() -> str:
        async with database() as db, db.transaction() as session:
            order = await operators.order(session, public_id=order_id, lock=True)
            declared = order_actions.operator_action(order, action)
            body = {name: value for name, value in given.items() if value is not None}
            try:
                action_input = action_bodies.action_input(action_bodies.body_model(declared).model_validate(body))
            except ValidationError as invalid:
                raise InvalidInput("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in invalid.errors())) from None
            commerce = store_resolver(Settings().resolved_secret_key)(session, order.account_id)
            await order_actions.perform(session, order=order, action=action, given=action_input, actor=f"operator:{operator}", commerce=commerce)
            return await order_actions.describe(session, order)

    with fail_on_core_errors():
        typer.echo(f"Order {order_id} is now {asyncio.run(main())}.")
