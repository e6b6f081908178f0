"""The typed client (clients/python) against a real server: an order placed, read and moved in each
of the four APIs, with each API's own credential; the pharmacy's token obtained once and again
when it runs out; the events read back; a delivery's signature checked by the client's helper."""

from __future__ import annotations

import asyncio
import json

import pytest
from carepost_client import PharmacyTokens, connect, new_idempotency_key, verify_webhook
from carepost_client.generated.api.cases import cases_move_test_order, cases_place_order, cases_prescription, cases_read_case
from carepost_client.generated.api.devices import devices_advance_test_order, devices_create_order, devices_get_order
from carepost_client.generated.api.masks import masks_advance_test_order, masks_create_order, masks_order_status
from carepost_client.generated.api.pharmacy import pharmacy_create_order, pharmacy_get_order, pharmacy_move_test_order
from carepost_client.generated.api.sandbox import sandbox_read_catalog
from carepost_client.generated.api.webhooks import webhooks_create_endpoint, webhooks_list_events
from carepost_client.generated.models import (
    AdvanceTestOrderIn,
    CasesPlaceOrderIn,
    CasesTestHelperIn,
    DevicesCreateOrderIn,
    EndpointIn,
    LogisticsActionIn,
    MasksCreateOrderIn,
    PharmacyCreateOrderIn,
    PharmacyTestHelperIn,
)

from carepost.app import create_app
from carepost.worker import Worker
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.devices_world import devices_world, patient_order
from tests.factories import create_clinic, mask_order
from tests.pharmacy_world import PASSWORD, order_body, pharmacy_world
from tests.servers import serve
from tests.webhook_receiver import ReceiverState, receiver_app


@pytest.fixture(scope="module")
def base_url(settings):
    """Carepost itself, over real HTTP, on the suite's database."""
    with serve(lambda: create_app(settings)) as url:
        yield url


async def test_a_masks_order_is_placed_read_and_moved_through_the_client(base_url, db):
    clinic = await create_clinic(db)
    masks = connect.masks(base_url, clinic.test_key)
    body = MasksCreateOrderIn.from_dict(mask_order())
    placed = await masks_create_order.asyncio(client=masks, body=body, idempotency_key=new_idempotency_key())
    order_id = placed.data.vitacore_order_id
    moved = await masks_advance_test_order.asyncio(order_id, client=masks, body=AdvanceTestOrderIn.from_dict({"action": "complete_scan"}))
    assert moved.data.current_step_id == "scan_review"
    status = await masks_order_status.asyncio(order_id, client=masks)
    assert status.data.vitacore_order_id == order_id and status.data.current_step_id == "scan_review"


async def test_a_devices_order_is_placed_read_and_moved_through_the_client(base_url, db):
    world = await devices_world(db)
    devices = connect.devices(base_url, world.customer.test_key)
    body = DevicesCreateOrderIn.from_dict(patient_order(world, patient={"id": world.test_patient}))
    placed = await devices_create_order.asyncio(client=devices, body=body, idempotency_key=new_idempotency_key())
    address = {"address": {"line_one": "9 Harbor Rd", "city": "Salem", "state": "OR", "country": "US", "zip_code": "97301"}}
    moved = await devices_advance_test_order.asyncio(placed.id, "reconfirm_address", client=devices, body=LogisticsActionIn.from_dict(address))
    assert moved.current_status == "processing"
    read = await devices_get_order.asyncio(placed.id, client=devices)
    assert read.id == placed.id and read.current_status == "processing"


async def test_a_pharmacy_order_is_placed_read_and_moved_with_a_token_the_client_keeps_fresh(base_url, db, settings):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    pharmacy = connect.pharmacy(base_url, world.test_key, email=world.email, password=PASSWORD)
    placed = await pharmacy_create_order.asyncio(client=pharmacy, body=PharmacyCreateOrderIn.from_dict(order_body(world)))
    moved = await pharmacy_move_test_order.asyncio(str(placed.id), "approve", client=pharmacy, body=PharmacyTestHelperIn())
    assert moved.order_status == "approved"
    read = await pharmacy_get_order.asyncio(str(placed.id), client=pharmacy)
    assert read.results[0].id == placed.id and read.results[0].order_status == "approved"
    tokens = pharmacy.get_async_httpx_client().auth
    assert isinstance(tokens, PharmacyTokens) and tokens.obtained == 1  # one sign-in for three requests


async def test_the_pharmacy_token_is_obtained_again_before_its_lifetime_runs_out(base_url, db, settings):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    now = [0.0]
    tokens = PharmacyTokens(base_url=base_url, api_key=world.test_key, email=world.email, password=PASSWORD, clock=lambda: now[0])
    pharmacy = connect.pharmacy(base_url, world.test_key, email=world.email, password=PASSWORD, tokens=tokens)
    placed = await pharmacy_create_order.asyncio(client=pharmacy, body=PharmacyCreateOrderIn.from_dict(order_body(world)))
    now[0] = settings.pharmacy_access_lifetime_seconds - 30  # within the margin: replaced before it is sent
    read = await pharmacy_get_order.asyncio(str(placed.id), client=pharmacy)
    assert read.results[0].id == placed.id and tokens.obtained == 2


async def test_a_cases_order_is_placed_read_and_moved_through_the_client(base_url, db, settings):
    world = await cases_world(db, settings.resolved_secret_key)
    cases = connect.cases(base_url, world.test_key)
    placed = await cases_place_order.asyncio(world.test_case, client=cases, body=CasesPlaceOrderIn.from_dict(EXAMPLE_ORDER))
    order_id = placed.data.order.id
    worker = Worker.for_settings(db, settings)
    for _ in range(100):  # the pipeline's own steps, up to the pharmacy
        case = await cases_read_case.asyncio(world.test_case, client=cases)
        if next(o for o in case.data.case.orders if o.id == order_id).status == "sent_to_pharmacy":
            break
        if not await worker.run_once():
            await asyncio.sleep(0.02)
    moved = await cases_move_test_order.asyncio(world.test_case, order_id, "accept", client=cases, body=CasesTestHelperIn())
    assert moved.data.order.status == "accepted" and [e.name for e in moved.data.order.timeline][-1] == "accepted"
    pdf = await cases_prescription.asyncio(world.test_case, order_id, client=cases)  # bytes, as a File
    assert pdf.payload.read().startswith(b"%PDF")


async def test_the_catalog_the_events_and_a_signed_delivery_through_the_client(base_url, db, settings):
    clinic = await create_clinic(db)
    platform = connect.platform(base_url, clinic.test_key)
    catalog = await sandbox_read_catalog.asyncio(client=platform)
    assert catalog.mode == "test" and "masks" in catalog.apis.additional_properties
    state = ReceiverState()
    with serve(lambda: receiver_app(state)) as receiver:
        endpoint = await webhooks_create_endpoint.asyncio(client=platform, body=EndpointIn(url=receiver))
        placed = await masks_create_order.asyncio(client=connect.masks(base_url, clinic.test_key), body=MasksCreateOrderIn.from_dict(mask_order()))
        worker = Worker.for_settings(db, settings)
        for _ in range(200):
            if state.received:
                break
            if not await worker.run_once():
                await asyncio.sleep(0.02)
    event = verify_webhook(endpoint.secret, state.received[0].body, state.received[0].headers)
    assert event["data"]["vitacore_order_id"] == placed.data.vitacore_order_id
    listed = await webhooks_list_events.asyncio(client=platform, type_="order.created")
    assert [e.id for e in listed.data] == [state.received[0].headers["webhook-id"]]
    assert listed.data[0].payload.additional_properties == json.loads(state.received[0].body)
    with pytest.raises(Exception, match="signature"):
        verify_webhook(endpoint.secret, state.received[0].body.replace(b"order", b"ORDER"), state.received[0].headers)
