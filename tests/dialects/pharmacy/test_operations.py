"""The pharmacy's moves through the operator API and the CLI: each checked by its
lifecycle table, each an order event; stock leaves the shelf on dispatch."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from typer.testing import CliRunner

from carepost.cli import app as cli
from carepost.core.models import OrderEvent, Stock
from tests.pharmacy_world import order_body

ORDERS = "/api/orders/"


async def _place(client, world, token, **order) -> dict:
    response = await client.post("/api/orders/resources/", json=order_body(world, **order), headers=world.headers(token))
    assert response.status_code == 201, response.text
    return response.json()


async def _act(client, ops_headers, order_id: int, action: str, body=None, status: int = 200) -> dict:
    response = await client.post(f"/api/ops/v1/orders/{order_id}/actions/{action}", json=body, headers=ops_headers)
    assert response.status_code == status, response.text
    return response.json()


async def _detail(client, world, token, order_id: int) -> dict:
    return (await client.get(f"{ORDERS}{order_id}/", headers=world.headers(token))).json()["results"][0]


async def test_the_whole_walk_with_payment_and_stock(client, db, world, token, ops_headers):
    placed = await _place(client, world, token, payment_method=world.payment_methods["spei"])

    await _act(client, ops_headers, placed["id"], "approve")
    refused = await _act(client, ops_headers, placed["id"], "dispatch", {"carrier": "estafeta", "tracking_number": "123"}, status=409)
    await _act(client, ops_headers, placed["id"], "start_building")
    no_tracking = await _act(client, ops_headers, placed["id"], "dispatch", status=400)
    await _act(client, ops_headers, placed["id"], "dispatch", {"carrier": "estafeta", "tracking_number": "EST123"})
    shipped = await _detail(client, world, token, placed["id"])
    await _act(client, ops_headers, placed["id"], "deliver")
    await _act(client, ops_headers, placed["id"], "mark_paid")
    done = await _detail(client, world, token, placed["id"])

    assert refused["error"]["code"] == "transition_not_allowed"
    assert no_tracking["error"]["fields"][0]["field"] == "tracking_number"
    assert (shipped["order_status"], shipped["patient_order_status"]) == ("dispatched", "shipped")
    assert shipped["shipping_date"] is not None
    assert (done["order_status"], done["patient_order_status"], done["payment_status"]) == ("delivered", "delivered", "paid")
    assert done["receiving_date"] and done["payment_date"]
    async with db.transaction() as session:
        stock = await session.scalar(select(Stock).where(Stock.item_id == world.products["medicine"]))
        names = list(await session.scalars(select(OrderEvent.name).where(OrderEvent.order_id == placed["id"]).order_by(OrderEvent.id)))
    assert (stock.on_hand, stock.reserved) == (498, 0)  # two units left the building on dispatch
    assert names == ["placed", "approved", "building_started", "dispatched", "delivered", "paid"]


async def test_building_ends_the_clients_cancel_and_changes(client, world, token, ops_headers):
    placed = await _place(client, world, token)
    await _act(client, ops_headers, placed["id"], "approve")
    approved_change = await client.patch(f"{ORDERS}{placed['id']}/", json={"details": [{"product": world.products["medicine"], "quantity": 1}]},
        headers=world.headers(token))
    await _act(client, ops_headers, placed["id"], "start_building")

    cancel = await client.patch(f"{ORDERS}{placed['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))

    assert approved_change.status_code == 200  # still editable when approved
    assert cancel.status_code == 400
    assert cancel.json() == {"order_status": ["The order can no longer be cancelled: it is building."]}


async def test_a_rejected_payment_keeps_its_reason_and_can_be_retried(client, world, token, ops_headers):
    placed = await _place(client, world, token, payment_method=world.payment_methods["spei"])

    await _act(client, ops_headers, placed["id"], "reject_payment", status=400)  # a reason is required
    await _act(client, ops_headers, placed["id"], "reject_payment", {"reason": "Fondos insuficientes"})
    rejected = await _detail(client, world, token, placed["id"])
    await _act(client, ops_headers, placed["id"], "start_payment")
    await _act(client, ops_headers, placed["id"], "mark_paid")
    paid_again = await _act(client, ops_headers, placed["id"], "mark_paid", status=409)

    assert (rejected["payment_status"], rejected["rejection_reason"]) == ("rejected", "Fondos insuficientes")
    assert paid_again["error"]["code"] == "transition_not_allowed"


async def test_a_pick_up_order_is_dispatched_without_tracking(client, world, token, ops_headers):
    body = order_body(world, store=world.store)
    del body["order"]["shipping"]
    placed = (await client.post("/api/orders/resources/", json=body, headers=world.headers(token))).json()

    for action in ("approve", "start_building", "dispatch"):
        await _act(client, ops_headers, placed["id"], action)

    assert (await _detail(client, world, token, placed["id"]))["order_status"] == "dispatched"


async def test_the_cli_moves_a_pharmacy_order(client, world, token, settings, monkeypatch):
    monkeypatch.setenv("CAREPOST_DATABASE_URL", settings.resolved_database_url)
    monkeypatch.setenv("CAREPOST_SECRET_KEY", settings.resolved_secret_key)
    placed = await _place(client, world, token)

    result = await asyncio.to_thread(CliRunner().invoke, cli, ["orders", "act", str(placed["id"]), "approve", "--operator", "ana"])
    wrong = await asyncio.to_thread(CliRunner().invoke, cli, ["orders", "act", str(placed["id"]), "deliver"])

    assert result.exit_code == 0, result.output
    assert "approved, payment credit" in result.output
    assert wrong.exit_code != 0
