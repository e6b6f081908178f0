"""`carepost operators` and `carepost orders`: the factory's and the warehouse's actions from a terminal."""

from __future__ import annotations

import asyncio
import json
import secrets
from datetime import date
from typing import Annotated

import typer

from carepost.adapters.commerce import store_resolver
from carepost.cli.support import database, fail_on_core_errors
from carepost.config import Settings
from carepost.core.kit.clock import iso_millis
from carepost.core.logistics import operations as logistics
from carepost.core.cases import operations as cases
from carepost.core.retail import operations as retail
from carepost.core.manufacturing import factory
from carepost.core.manufacturing.factory import ACTIONS, StepInput
from carepost.core.operators import console
from carepost.core.operators import service as operators
from carepost.core.orders import events

operators_app = typer.Typer(no_args_is_help=True, help="Operator tokens for the operator API, and console logins.")
orders_app = typer.Typer(
    no_args_is_help=True, help="Look at orders; move mask orders through the factory and devices orders through fulfillment."
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


@orders_app.command("advance")
def advance(
    order_id: Annotated[str, typer.Argument(help="The order's public id (ORD_…).")],
    action: Annotated[str, typer.Argument(help=f"One of: {', '.join(ACTIONS)}.")],
    note: Annotated[str | None, typer.Option(help="Review or cancellation note.")] = None,
    carrier: Annotated[str | None, typer.Option(help="ship: the carrier.")] = None,
    tracking_number: Annotated[str | None, typer.Option(help="ship: the tracking number.")] = None,
    shipped_date: Annotated[str | None, typer.Option(help="ship: YYYY-MM-DD (default today).")] = None,
    operator: Annotated[str, typer.Option(help="Recorded as the actor.")] = "cli",
) -> None:
    """Move a mask order one step, as the operator API does."""
    step = StepInput(
        note=note,
        carrier=carrier,
        tracking_number=tracking_number,
        shipped_date=date.fromisoformat(shipped_date) if shipped_date else None,
    )

    async def main() -> str:
        async with database() as db, db.transaction() as session:
            order = await operators.order(session, public_id=order_id, lock=True)
            commerce = store_resolver(Settings().resolved_secret_key)(session, order.account_id)
            await factory.advance(session, order=order, action=action, actor=f"operator:{operator}", step_input=step, commerce=commerce)
            return order.status

    with fail_on_core_errors():
        typer.echo(f"{order_id} is now at step {asyncio.run(main())}.")


@orders_app.command("fulfil")
def fulfil(
    order_id: Annotated[str, typer.Argument(help="The devices order's number (or public id).")],
    action: Annotated[str, typer.Argument(help=f"One of: {', '.join(logistics.ACTIONS)}.")],
    device: Annotated[list[int] | None, typer.Option(help="pack: a device id to use (repeatable).")] = None,
    tracking: Annotated[list[str] | None, typer.Option(help="ship: CARRIER:NUMBER (repeatable).")] = None,
    address: Annotated[str | None, typer.Option(help="reconfirm_address: the corrected address as JSON.")] = None,
    fulfillment_site: Annotated[int | None, typer.Option(help="receive_returns: where the returns arrive.")] = None,
    note: Annotated[str | None, typer.Option(help="Cancellation or other note.")] = None,
    operator: Annotated[str, typer.Option(help="Recorded as the actor.")] = "cli",
) -> None:
    """Move a devices order one status, as the operator API does."""
    pairs = [value.partition(":") for value in tracking or []]
    if any(not carrier or not number for carrier, _, number in pairs):
        raise typer.BadParameter("--tracking takes CARRIER:NUMBER, such as usps:9400100000000000000000")
    action_input = logistics.ActionInput(
        address=json.loads(address) if address else None,
        device_ids=tuple(device or ()),
        tracking_numbers=tuple((carrier, number) for carrier, _, number in pairs),
        fulfillment_site_id=fulfillment_site,
        note=note,
    )

    async def main() -> str:
        async with database() as db, db.transaction() as session:
            order = await operators.order(session, public_id=order_id, lock=True)
            await logistics.advance(session, order=order, action=action, actor=f"operator:{operator}", action_input=action_input)
            return order.status

    with fail_on_core_errors():
        typer.echo(f"Order {order_id} is now {asyncio.run(main())}.")


@orders_app.command("retail")
def retail_action(
    order_id: Annotated[str, typer.Argument(help="The pharmacy order's number (or public id).")],
    action: Annotated[str, typer.Argument(help=f"One of: {', '.join(retail.ACTIONS)}.")],
    carrier: Annotated[str | None, typer.Option(help="dispatch: the carrier.")] = None,
    tracking_number: Annotated[str | None, typer.Option(help="dispatch: the tracking number.")] = None,
    reason: Annotated[str | None, typer.Option(help="reject_payment: why.")] = None,
    note: Annotated[str | None, typer.Option(help="A note on the event.")] = None,
    operator: Annotated[str, typer.Option(help="Recorded as the actor.")] = "cli",
) -> None:
    """Move a pharmacy order, or record its payment, as the operator API does."""
    action_input = retail.RetailActionInput(carrier=carrier, tracking_number=tracking_number, reason=reason, note=note)

    async def main() -> str:
        async with database() as db, db.transaction() as session:
            order = await operators.order(session, public_id=order_id, lock=True)
            view = await retail.advance(session, order=order, action=action, actor=f"operator:{operator}", action_input=action_input)
            return f"{view.order.status}, payment {view.retail.payment_status}"

    with fail_on_core_errors():
        typer.echo(f"Order {order_id} is now {asyncio.run(main())}.")


@orders_app.command("cases")
def cases_action(
    order_id: Annotated[str, typer.Argument(help="The cases order's id (ORD_…).")],
    action: Annotated[str, typer.Argument(help=f"One of: {', '.join(cases.ACTIONS)}.")],
    carrier: Annotated[str | None, typer.Option(help="ship: the carrier.")] = None,
    tracking_number: Annotated[str | None, typer.Option(help="ship: the tracking number.")] = None,
    reason: Annotated[str | None, typer.Option(help="reject, cancel: why.")] = None,
    note: Annotated[str | None, typer.Option(help="A note on the event.")] = None,
    operator: Annotated[str, typer.Option(help="Recorded as the actor.")] = "cli",
) -> None:
    """Retry a failed cases order, cancel one, or record an http pharmacy's progress, as the operator API does."""
    action_input = cases.CaseActionInput(carrier=carrier, tracking_number=tracking_number, reason=reason, note=note)

    async def main() -> str:
        async with database() as db, db.transaction() as session:
            order = await operators.order(session, public_id=order_id, lock=True)
            return (await cases.advance(session, order=order, action=action, actor=f"operator:{operator}", action_input=action_input)).status

    with fail_on_core_errors():
        typer.echo(f"Order {order_id} is now {asyncio.run(main())}.")
