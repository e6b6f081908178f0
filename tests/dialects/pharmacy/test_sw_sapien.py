"""The SW Sapien adapter against a local server speaking its protocol (tests/sw_sapien_server.py):
a live order is stamped there; a refusal, a timeout and a server that is down each leave
the order intact, `cfdi` null, the reason on the invoice, and nothing e-mailed."""

from __future__ import annotations

import pytest
from satcfdi.cfdi import CFDI
from sqlalchemy import select

from carepost.adapters.pac.sw_sapien import SwSapienPac
from carepost.core.invoicing.pac import PacRefused, PacUnavailable
from carepost.core.models import OrderEvent
from carepost.core.retail import invoice_issuing
from carepost.dialects.pharmacy.worker import invoicing_ports
from tests.dialects.pharmacy.test_invoicing import INVOICING, detail, invoiced_body
from tests.invoicing_world import drain, invoice_mails, invoicing_worker, seal_verifies
from tests.mail_server import free_port, start_smtp
from tests.pharmacy_world import issuer, pharmacy_world, public_id, token_for
from tests.servers import serve
from tests.sw_sapien_server import PASSWORD, USER, SwSapienState, sw_sapien_app


@pytest.fixture
def sw():
    state = SwSapienState(unregistered={"CACX7605101P8"})
    with serve(lambda: sw_sapien_app(state)) as url:
        yield url, state


@pytest.fixture
def smtp():
    controller, inbox = start_smtp()
    yield f"smtp://127.0.0.1:{controller.port}", inbox
    controller.stop()


async def sw_world(db, settings, client, url: str):
    world = await pharmacy_world(db, settings.resolved_secret_key, invoicing=issuer({"provider": "sw_sapien", "url": url, "user": USER, "password": PASSWORD}))
    return world, await token_for(client, world)


async def test_a_live_order_is_stamped_by_sw_sapien(client, db, settings, sw, smtp):
    world, token = await sw_world(db, settings, client, sw[0])
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    await drain(invoicing_worker(db, settings, smtp[0]))
    shown = await detail(client, world, token, created["id"])
    assert shown["invoice"]["status"] == "stamped" and shown["invoice"]["sandbox"] is False
    xml = (await client.get(shown["invoice"]["xml"], headers=world.headers(token))).content
    assert seal_verifies(xml)
    assert CFDI.from_string(xml)["Complemento"]["TimbreFiscalDigital"]["UUID"] == shown["cfdi"]
    assert sw[1].requests[:2] == ["POST /v2/security/authenticate", "POST /cfdi33/stamp/v4"]
    assert len(invoice_mails(smtp[1], created["id"])) == 1

    await client.patch(f"/api/orders/{created['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    await drain(invoicing_worker(db, settings, smtp[0]))
    [cancellation] = sw[1].cancelled
    assert (cancellation["uuid"], cancellation["motivo"], cancellation["rfc"]) == (shown["cfdi"], "02", "EKU9003173C9")
    assert (await detail(client, world, token, created["id"]))["invoice"]["status"] == "cancelled"


async def assert_not_invoiced(client, world, token, order_id: int, smtp, *, status: str, error: str) -> None:
    shown = await detail(client, world, token, order_id)
    assert shown["cfdi"] is None and shown["invoice"]["status"] == status
    assert error in shown["invoice"]["error"]
    assert shown["order_status"] == "quoted" and len(shown["details"]) == 2  # the order itself is untouched
    assert invoice_mails(smtp[1], order_id) == []
    assert (await client.get(f"/api/orders/{order_id}/invoice.pdf", headers=world.headers(token))).status_code == 404


async def test_a_refusal_is_an_invoice_error_that_an_operator_can_retry(client, db, settings, sw, smtp, ops_headers):
    world, token = await sw_world(db, settings, client, sw[0])
    unregistered = {**INVOICING, "rfc": "CACX7605101P8"}
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world, unregistered), headers=world.headers(token))).json()
    await drain(invoicing_worker(db, settings, smtp[0]))
    await assert_not_invoiced(client, world, token, created["id"], smtp, status="failed", error="CFDI40145")
    async with db.read() as session:
        failed = await session.scalar(select(OrderEvent).where(OrderEvent.order_id == created["id"], OrderEvent.name == "invoice_failed"))
    assert "CFDI40145" in failed.data["error"]

    sw[1].unregistered.clear()  # the receiver registers with SAT; the operator retries
    order_public_id = await public_id(db, created["id"])
    seen = (await client.get(f"/api/ops/v1/orders/{order_public_id}", headers=ops_headers)).json()
    assert "CFDI40145" in next(e for e in seen["events"] if e["name"] == "invoice_failed")["data"]["error"]
    retried = await client.post(f"/api/ops/v1/orders/{order_public_id}/actions/retry_invoice", headers=ops_headers)
    assert retried.status_code == 200, retried.text
    await drain(invoicing_worker(db, settings, smtp[0]))
    shown = await detail(client, world, token, created["id"])
    assert shown["invoice"]["status"] == "stamped" and shown["cfdi"] and shown["invoice"]["error"] is None
    again = await client.post(f"/api/ops/v1/orders/{order_public_id}/actions/retry_invoice", headers=ops_headers)
    assert again.status_code == 409  # only a failed invoice is retried


async def test_a_timeout_keeps_the_invoice_pending_and_retries_then_fails(client, db, settings, sw, smtp):
    world, token = await sw_world(db, settings, client, sw[0])
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    sw[1].delay_seconds = 2.0
    worker = invoicing_worker(db, settings, smtp[0], pac_timeout_seconds=0.5)
    await drain(worker)
    await assert_not_invoiced(client, world, token, created["id"], smtp, status="pending", error="did not answer within 0.5 s")
    invoice_id = (await detail(client, world, token, created["id"]))["invoice"]["id"]
    # the last try gives up: the invoice fails, visibly
    await invoice_issuing.issue(db, invoice_id, _ports(settings, pac_timeout_seconds=0.5), attempt=invoice_issuing.UNAVAILABLE_ATTEMPTS - 1)
    await assert_not_invoiced(client, world, token, created["id"], smtp, status="failed", error="did not answer")


async def test_a_server_that_is_down_is_an_invoice_error(client, db, settings, smtp):
    closed = f"http://127.0.0.1:{free_port()}"
    world, token = await sw_world(db, settings, client, closed)
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    await drain(invoicing_worker(db, settings, smtp[0]))
    await assert_not_invoiced(client, world, token, created["id"], smtp, status="pending", error="could not be reached")
    invoice_id = (await detail(client, world, token, created["id"]))["invoice"]["id"]
    await invoice_issuing.issue(db, invoice_id, _ports(settings), attempt=invoice_issuing.UNAVAILABLE_ATTEMPTS - 1)
    await assert_not_invoiced(client, world, token, created["id"], smtp, status="failed", error="could not be reached")


def _ports(settings, *, pac_timeout_seconds: float = 5.0) -> invoice_issuing.InvoicingPorts:
    return invoicing_ports(settings.model_copy(update={"pac_timeout_seconds": pac_timeout_seconds}))



async def test_the_adapter_refuses_bad_credentials_and_garbage_as_sw_does(sw):
    url, _ = sw
    with pytest.raises(PacRefused, match="AU2000"):
        await SwSapienPac(url, user=USER, password="wrong").stamp(b"<x/>")
    with pytest.raises(PacRefused, match="CFDI40101"):
        await SwSapienPac(url, user=USER, password=PASSWORD).stamp(b"not xml")
    with pytest.raises(PacUnavailable):
        await SwSapienPac(f"http://127.0.0.1:{free_port()}", user=USER, password=PASSWORD).stamp(b"<x/>")


async def test_an_expired_token_is_renewed_once(sw):
    url, state = sw
    pac = SwSapienPac(url, user=USER, password=PASSWORD)
    pac._token = "expired"  # as after two hours
    with pytest.raises(PacRefused, match="CFDI40101"):  # reached the stamp: authenticated again on the 401
        await pac.stamp(b"not xml")
    assert state.requests == ["POST /cfdi33/stamp/v4", "POST /v2/security/authenticate", "POST /cfdi33/stamp/v4"]
