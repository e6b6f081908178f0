"""A fifth dialect registered from tests/ alone (tests/toy_dialect/): with no edit outside its
own package, its orders show in the console with their action forms, move through the
operator API with their declared inputs, and reach partners as signed webhooks."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from carepost import flows
from carepost.app import create_app
from carepost.core.accounts import service as accounts
from tests.console.conftest import form_token, make_login, sign_in
from tests.factories import create_operator
from tests.toy_dialect.dialect import DIALECT as TOY
from tests.webhooks.conftest import add_endpoint, run_until, verified


@pytest.fixture
def toy_registered() -> Iterator[None]:
    flows.register(TOY)
    try:
        yield
    finally:
        flows.unregister(TOY)


@pytest.fixture
async def toy_app(toy_registered, settings, db) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)  # built after the registration, as a process starting would
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        yield http
    await app.state.call_log.flush()
    await app.state.runtime.db.dispose()


async def _toy_account(db) -> str:
    async with db.transaction() as session:
        account = await accounts.ensure_account(session, slug=f"toy-{uuid.uuid4().hex[:8]}", name="Toy parcels", dialects={"toy"})
        return (await accounts.issue_key(session, account=account, mode="live", name="default")).secret


async def test_a_registered_toy_dialect_is_served_shown_moved_and_announced(toy_app, db, settings, receiver, worker):
    key = await _toy_account(db)
    endpoint = await add_endpoint(toy_app, key, f"{receiver.url}/hooks")
    placed = await toy_app.post("/api/toy/v1/parcels", json={"reference": "box-1"}, headers={"X-Toy-Key": key})
    assert placed.status_code == 201, placed.text
    order_id = placed.json()["id"]

    # The console lists it under its own flow, and draws the moves its table allows now.
    login = await make_login(db)
    await sign_in(toy_app, login)
    listed = await toy_app.get("/console/orders", params={"flow": "toy"})
    assert listed.status_code == 200 and order_id in listed.text and ">Toy<" in listed.text
    page = await toy_app.get(f"/console/orders/{order_id}")
    assert re.findall(r'/actions/([a-z_]+)"', page.text) == ["prepare", "cancel"]
    prepared = await toy_app.post(f"/console/orders/{order_id}/actions/prepare", data={"csrf_token": form_token(page.text)})
    assert prepared.status_code == 303
    ready = await toy_app.get(f"/console/orders/{order_id}")
    assert 'aria-label="Hand over to the carrier"' in ready.text and 'name="carrier"' in ready.text

    # The operator API takes the action's declared inputs, and only those.
    ops = {"Authorization": f"Bearer {await create_operator(db)}"}
    not_an_input = await toy_app.post(f"/api/ops/v1/orders/{order_id}/actions/hand_over", json={"device_ids": [1]}, headers=ops)
    handed = await toy_app.post(f"/api/ops/v1/orders/{order_id}/actions/hand_over", json={"carrier": "ToyPost"}, headers=ops)
    assert not_an_input.status_code == 400 and not_an_input.json()["error"]["code"] == "validation_error"
    assert handed.status_code == 200, handed.text
    assert handed.json()["status"] == "handed_over"
    assert [e["name"] for e in handed.json()["events"]] == ["placed", "prepared", "handed_over"]

    # Partners hear of every change, signed, with the order as the toy dialect shows it.
    await run_until(worker, lambda: len(receiver.received) >= 3)
    events = [verified(endpoint["secret"], received) for received in receiver.received]
    assert [(e["type"], e["change"], e["flow"]) for e in events] == [
        ("order.created", "placed", "toy"), ("order.updated", "prepared", "toy"), ("order.updated", "handed_over", "toy"),
    ]
    assert events[-1]["data"] == {"id": order_id, "reference": "box-1", "state": "handed_over", "carrier": "ToyPost"}
