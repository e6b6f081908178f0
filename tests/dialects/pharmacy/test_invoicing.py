"""Contract 001's invoicing: an order with INVOICING is stamped by the worker after
commit; its CFDI parses back, its seal verifies, its totals are the order's; the XML
and PDF download once stamped and arrive by e-mail at a real SMTP server."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from satcfdi.cfdi import CFDI
from sqlalchemy import delete, select, update

from carepost.core.models import Account, Invoice, InvoiceIssuer, Order, OrderEvent
from tests.invoicing_world import drain, invoice_mails, invoicing_worker, money, seal_verifies
from tests.mail_server import start_smtp
from tests.pharmacy_world import order_body, pharmacy_world, token_for

INVOICING = {
    "full_name": "Ana López Pérez", "email": "facturas@ana.example", "rfc": "XOJI740919U48", "street": "Av. Reforma",
    "exterior_number": "222", "neighborhood": "Juárez", "city": "Ciudad de México", "state": "CDMX", "country": "México",
    "zipcode": "06600",
}


@pytest.fixture
def smtp():
    controller, inbox = start_smtp()
    yield f"smtp://127.0.0.1:{controller.port}", inbox
    controller.stop()


@pytest.fixture
def worker(db, settings, smtp):
    return invoicing_worker(db, settings, smtp[0])


def invoiced_body(world: Any, invoicing: dict[str, Any] | None = None, **order: Any) -> dict[str, Any]:
    """Both IVA rates, a coupon and charged shipping: every part of the CFDI's arithmetic."""
    body = order_body(world, coupon="DIEZ", shipping_method=world.shipping_methods["nat"], **order)
    body["invoicing"] = invoicing or INVOICING
    return body


async def detail(client, world, token, order_id: int) -> dict[str, Any]:
    response = await client.get(f"/api/orders/{order_id}/", headers=world.headers(token))
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


async def test_an_order_with_invoicing_is_stamped_after_commit_and_its_cfdi_is_the_order(client, world, token, worker, smtp):
    created = await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["cfdi"] is None and order["invoice"]["status"] == "pending"  # nothing stamped inside the request
    assert (await client.get(f"/api/orders/{order['id']}/invoice.xml", headers=world.headers(token))).status_code == 404

    await drain(worker)

    shown = await detail(client, world, token, order["id"])
    assert shown["invoice"]["status"] == "stamped", shown["invoice"]
    assert shown["cfdi"] == shown["invoice"]["cfdi"] and len(shown["cfdi"]) == 36
    assert shown["invoicing"] == shown["invoice"]["id"]
    xml = await client.get(shown["invoice"]["xml"], headers=world.headers(token))
    assert xml.status_code == 200 and xml.headers["content-type"].startswith("application/xml")
    cfdi = CFDI.from_string(xml.content)
    assert seal_verifies(xml.content)
    assert cfdi["Complemento"]["TimbreFiscalDigital"]["UUID"] == shown["cfdi"]
    assert money(cfdi["Total"]) == money(shown["total"])
    assert money(cfdi["Descuento"]) == money(shown["discount"])
    assert money(cfdi["Impuestos"]["TotalImpuestosTrasladados"]) == money(shown["iva"])
    assert money(cfdi["SubTotal"]) == money(shown["subtotal"]) + money(shown["shipping_cost"])
    rates = {Decimal(str(t["TasaOCuota"])) for t in cfdi["Impuestos"]["Traslados"].values()}
    assert rates == {Decimal("0.000000"), Decimal("0.160000")}
    conceptos = cfdi["Conceptos"]
    assert [c["Descripcion"] for c in conceptos] == ["Paracetamol", "Gasas", "Envío"]
    assert conceptos[-1]["ClaveProdServ"] == "78102203" and money(conceptos[-1]["ValorUnitario"]) == Decimal("149.00")
    assert (cfdi["MetodoPago"], cfdi["FormaPago"]) == ("PPD", "99")  # net-terms credit
    receptor = cfdi["Receptor"]
    assert (receptor["Rfc"], receptor["RegimenFiscalReceptor"], receptor["UsoCFDI"]) == ("XOJI740919U48", "612", "G03")
    assert cfdi["Folio"] == str(order["id"])

    pdf = await client.get(shown["invoice"]["pdf"], headers=world.headers(token))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    [mail] = invoice_mails(smtp[1], order["id"])
    assert mail["To"] == INVOICING["email"]
    assert mail["Date"] and mail["Message-ID"] and shown["cfdi"] in mail.get_body(("plain",)).get_content()
    attached = {part.get_filename(): part for part in mail.iter_attachments()}
    assert sorted(name.rsplit(".", 1)[1] for name in attached) == ["pdf", "xml"]
    xml_part = next(part for name, part in attached.items() if name.endswith(".xml"))
    assert xml_part.get_content() in (xml.content, xml.content.decode())

    await drain(worker)  # a second delivery of the same events changes nothing and sends nothing
    assert len(invoice_mails(smtp[1], order["id"])) == 1


async def test_transfer_orders_are_paid_in_one_payment(client, world, token, worker):
    body = invoiced_body(world, payment_method=world.payment_methods["spei"])
    created = (await client.post("/api/orders/resources/", json=body, headers=world.headers(token))).json()
    await drain(worker)
    shown = await detail(client, world, token, created["id"])
    cfdi = CFDI.from_string((await client.get(shown["invoice"]["xml"], headers=world.headers(token))).content)
    assert (cfdi["MetodoPago"], cfdi["FormaPago"]) == ("PUE", "03")


async def test_test_mode_is_stamped_in_the_sandbox_and_mailed_to_the_sandbox_mailbox(client, world, worker, settings, smtp):
    token = await token_for(client, world, mode="test")
    headers = world.headers(token, mode="test")
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=headers)).json()
    await drain(worker)
    shown = (await client.get(f"/api/orders/{created['id']}/", headers=headers)).json()["results"][0]
    assert shown["invoice"]["status"] == "stamped" and shown["invoice"]["sandbox"] is True
    cfdi = CFDI.from_string((await client.get(shown["invoice"]["xml"], headers=headers)).content)
    timbre = cfdi["Complemento"]["TimbreFiscalDigital"]
    assert "sin validez fiscal" in timbre["Leyenda"] and timbre["NoCertificadoSAT"] == "0" * 20
    assert invoice_mails(smtp[1], created["id"]) == []
    sandbox = [p.read_bytes() for p in (settings.data_dir / "sandbox-mail").glob("*.eml")]
    assert any(shown["cfdi"].encode() in eml and b"application/pdf" in eml for eml in sandbox)


async def test_the_generic_rfc_is_invoiced_to_the_general_public(client, world, token, worker):
    public = {**INVOICING, "rfc": "XAXX010101000", "zipcode": "64000"}
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world, public), headers=world.headers(token))).json()
    await drain(worker)
    shown = await detail(client, world, token, created["id"])
    receptor = CFDI.from_string((await client.get(shown["invoice"]["xml"], headers=world.headers(token))).content)["Receptor"]
    assert (receptor["Nombre"], receptor["RegimenFiscalReceptor"], receptor["UsoCFDI"]) == ("PUBLICO EN GENERAL", "616", "S01")
    assert receptor["DomicilioFiscalReceptor"] == "42501"  # the issuer's postal code, as SAT requires


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"rfc": "XOJI740919U4A"}, "rfc", "valid RFC"),  # a wrong check digit
        ({"rfc": "XOJI7409"}, "rfc", "valid RFC"),
        ({"zipcode": "00001"}, "zipcode", "c_CodigoPostal"),
        ({"fiscal_regime": "999"}, "fiscal_regime", "c_RegimenFiscal"),
        ({"fiscal_regime": "601"}, "fiscal_regime", "persona física"),  # a company's régimen for a person's RFC
        ({"cfdi_use": "Z99"}, "cfdi_use", "c_UsoCFDI"),
        ({"rfc": "EKU9003173C9", "cfdi_use": "D01"}, "cfdi_use", "only for personas físicas"),
        ({"fiscal_regime": "616", "cfdi_use": "G03"}, "cfdi_use", "régimen 616"),
        ({"rfc": "XAXX010101000", "fiscal_regime": "612"}, "fiscal_regime", "616"),
        ({"rfc": "XAXX010101000", "cfdi_use": "G03"}, "cfdi_use", "S01"),
    ],
)
async def test_a_bad_receiver_is_refused_on_its_field_and_no_order_is_made(client, world, token, change, field, words):
    body = invoiced_body(world, {**INVOICING, **change})
    response = await client.post("/api/orders/resources/", json=body, headers=world.headers(token))
    assert response.status_code == 400, response.text
    [message] = response.json()["invoicing"][field]
    assert words in message
    listed = (await client.get("/api/orders/", headers=world.headers(token))).json()
    assert listed["count"] == 0


async def test_request_invoice_within_the_window_then_never_twice(client, world, token, worker):
    created = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    assert created["invoice"] is None and created["invoicing"] is None
    path = f"/api/orders/{created['id']}/request-invoice/"
    requested = await client.put(path, json={"invoicing": {**INVOICING, "cfdi_use": "D01", "fiscal_regime": "605"}}, headers=world.headers(token))
    assert requested.status_code == 200, requested.text
    assert requested.json()["invoice"]["status"] == "pending"
    again = await client.put(path, json={"invoicing": INVOICING}, headers=world.headers(token))
    assert again.status_code == 400 and "already has an invoice" in again.json()["non_field_errors"][0]
    await drain(worker)
    shown = await detail(client, world, token, created["id"])
    receptor = CFDI.from_string((await client.get(shown["invoice"]["xml"], headers=world.headers(token))).content)["Receptor"]
    assert (receptor["UsoCFDI"], receptor["RegimenFiscalReceptor"]) == ("D01", "605")
    stamped_again = await client.put(path, json={"invoicing": INVOICING}, headers=world.headers(token))
    assert stamped_again.status_code == 400 and "already has an invoice" in stamped_again.text


async def test_request_invoice_is_refused_after_three_days_and_for_a_cancelled_order(client, db, world, token):
    late = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    async with db.transaction() as session:
        placed = await session.scalar(select(Order.placed_at).where(Order.id == late["id"]))
        await session.execute(update(Order).where(Order.id == late["id"]).values(placed_at=placed - timedelta(days=3, minutes=1)))
    response = await client.put(f"/api/orders/{late['id']}/request-invoice/", json={"invoicing": INVOICING}, headers=world.headers(token))
    assert response.status_code == 400 and "3 days" in response.json()["non_field_errors"][0]

    cancelled = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    await client.patch(f"/api/orders/{cancelled['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    response = await client.put(f"/api/orders/{cancelled['id']}/request-invoice/", json={"invoicing": INVOICING}, headers=world.headers(token))
    assert response.status_code == 400 and "cancelled" in response.json()["non_field_errors"][0]


async def test_request_invoice_checks_the_receiver_like_create(client, world, token):
    created = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    path = f"/api/orders/{created['id']}/request-invoice/"
    for change, field in [({"rfc": "NOT-AN-RFC"}, "rfc"), ({"zipcode": "00001"}, "zipcode"), ({"fiscal_regime": "616", "cfdi_use": "G01"}, "cfdi_use")]:
        response = await client.put(path, json={"invoicing": {**INVOICING, **change}}, headers=world.headers(token))
        assert response.status_code == 400 and field in response.json()["invoicing"], response.text
    missing = await client.put(path, json={}, headers=world.headers(token))
    assert missing.status_code == 400 and missing.json() == {"invoicing": ["This field is required."]}


async def test_invoices_are_the_accounts_own(client, db, settings, world, token, worker):
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    await drain(worker)
    other = await pharmacy_world(db, settings.resolved_secret_key)
    other_token = await token_for(client, other)
    for path in (f"/api/orders/{created['id']}/invoice.xml", f"/api/orders/{created['id']}/invoice.pdf"):
        assert (await client.get(path, headers=other.headers(other_token))).status_code == 404
    request = await client.put(f"/api/orders/{created['id']}/request-invoice/", json={"invoicing": INVOICING}, headers=other.headers(other_token))
    assert request.status_code == 404
    test_token = await token_for(client, world, mode="test")  # live objects are out of test keys' reach
    assert (await client.get(f"/api/orders/{created['id']}/invoice.xml", headers=world.headers(test_token, mode="test"))).status_code == 404


async def test_cancelling_an_invoiced_order_cancels_its_cfdi(client, db, world, token, worker):
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    await drain(worker)
    cancelled = await client.patch(f"/api/orders/{created['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    assert cancelled.status_code == 200 and cancelled.json()["invoice"]["status"] == "cancelling"
    await drain(worker)
    shown = await detail(client, world, token, created["id"])
    assert shown["invoice"]["status"] == "cancelled" and shown["cfdi"] is not None and shown["invoice"]["cancelled_at"]
    async with db.read() as session:
        names = list(await session.scalars(select(OrderEvent.name).where(OrderEvent.order_id == created["id"]).order_by(OrderEvent.id)))
        invoice = await session.scalar(select(Invoice).where(Invoice.order_id == created["id"]))
    assert names[-2:] == ["invoice_cancellation_requested", "invoice_cancelled"]
    assert invoice.cancellation == {"status": "201", "acknowledgment": None}


async def test_an_order_cancelled_before_its_invoice_is_stamped_is_never_invoiced(client, world, token, worker, smtp):
    created = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    await client.patch(f"/api/orders/{created['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    await drain(worker)
    shown = await detail(client, world, token, created["id"])
    assert shown["invoice"]["status"] == "cancelled" and shown["cfdi"] is None
    assert invoice_mails(smtp[1], created["id"]) == []


async def test_an_account_without_an_issuer_gets_an_invoice_error_not_a_failed_order(client, db, settings, worker, smtp):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    async with db.transaction() as session:
        account_id = await session.scalar(select(Account.id).where(Account.slug == world.slug))
        await session.execute(delete(InvoiceIssuer).where(InvoiceIssuer.account_id == account_id))
    token = await token_for(client, world)
    created = await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))
    assert created.status_code == 201
    await drain(worker)
    shown = await detail(client, world, token, created.json()["id"])
    assert shown["cfdi"] is None and shown["invoice"]["status"] == "failed" and "issuer" in shown["invoice"]["error"]
    assert shown["order_status"] == "quoted" and invoice_mails(smtp[1], created.json()["id"]) == []


async def test_concurrent_requests_open_one_invoice(client, db, world, token):
    created = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    path = f"/api/orders/{created['id']}/request-invoice/"
    answers = await asyncio.gather(*(client.put(path, json={"invoicing": INVOICING}, headers=world.headers(token)) for _ in range(6)))
    assert sorted(a.status_code for a in answers) == [200] + [400] * 5, [a.text for a in answers]
    async with db.read() as session:
        invoices = list(await session.scalars(select(Invoice).where(Invoice.order_id == created["id"])))
        requested = list(await session.scalars(select(OrderEvent).where(OrderEvent.order_id == created["id"], OrderEvent.name == "invoice_requested")))
    assert len(invoices) == 1 and len(requested) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"full_name": "Ana\x00López"}, None),  # the edge refuses control characters before any rule
        ({"full_name": "A" * 301}, "full_name"),
        ({"rfc": 13}, "rfc"),
        ({"zipcode": "6600"}, "zipcode"),
        ({"cfdi_use": "G0301"}, "cfdi_use"),
        ({"email": "no es correo"}, "email"),
    ],
)
async def test_malformed_invoicing_is_a_field_error(client, world, token, change, field):
    created = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    response = await client.put(
        f"/api/orders/{created['id']}/request-invoice/", json={"invoicing": {**INVOICING, **change}}, headers=world.headers(token)
    )
    assert response.status_code == 400, response.text
    if field is not None:
        assert field in response.json()["invoicing"]
    assert (await detail(client, world, token, created["id"]))["invoice"] is None


async def test_request_invoice_on_an_unknown_order_is_404(client, world, token):
    for order_id in ("999999999", "abc"):
        response = await client.put(f"/api/orders/{order_id}/request-invoice/", json={"invoicing": INVOICING}, headers=world.headers(token))
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}


async def test_a_request_retried_with_its_idempotency_key_answers_as_the_first(client, world, token):
    created = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    path = f"/api/orders/{created['id']}/request-invoice/"
    headers = {**world.headers(token), "Idempotency-Key": f"invoice-{created['id']}"}
    first = await client.put(path, json={"invoicing": INVOICING}, headers=headers)
    replay = await client.put(path, json={"invoicing": INVOICING}, headers=headers)
    assert first.status_code == replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == first.json()
    other_body = await client.put(path, json={"invoicing": {**INVOICING, "rfc": "XAXX010101000"}}, headers=headers)
    assert other_body.status_code == 422  # the same key with another body (docs/pharmacy.md, "Error shapes")
    fresh = await client.put(path, json={"invoicing": INVOICING}, headers=world.headers(token))
    assert fresh.status_code == 400 and "already has an invoice" in fresh.text


async def test_request_invoice_with_the_id_of_the_patients_invoicing_information(client, db, settings, world, token, worker):
    """The contract: "simply by sending the ID of the corresponding invoicing information"
    (issue 24, item 9) — an earlier invoice of the same patient, its receiver as it was checked."""
    body = order_body(world)
    first = (await client.post("/api/orders/resources/", json={**body, "invoicing": {**INVOICING, "cfdi_use": "D01", "fiscal_regime": "605"}},
        headers=world.headers(token))).json()
    assert isinstance(first["invoicing"], int)
    second_body = order_body(world)
    second_body["user"] = body["user"]  # the same patient
    second = (await client.post("/api/orders/resources/", json=second_body, headers=world.headers(token))).json()
    path = f"/api/orders/{second['id']}/request-invoice/"
    requested = await client.put(path, json={"invoicing": first["invoicing"]}, headers=world.headers(token))
    assert requested.status_code == 200, requested.text
    await drain(worker)
    shown = await detail(client, world, token, second["id"])
    receptor = CFDI.from_string((await client.get(shown["invoice"]["xml"], headers=world.headers(token))).content)["Receptor"]
    assert (receptor["Rfc"], receptor["UsoCFDI"], receptor["RegimenFiscalReceptor"]) == ("XOJI740919U48", "D01", "605")


async def test_an_invoicing_id_of_another_patient_or_unknown_is_drfs_invalid_pk(client, world, token):
    invoiced = (await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))).json()
    someone_else = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    path = f"/api/orders/{someone_else['id']}/request-invoice/"
    for invoicing_id in (invoiced["invoicing"], 2**52):
        answer = await client.put(path, json={"invoicing": invoicing_id}, headers=world.headers(token))
        assert answer.status_code == 400
        assert answer.json() == {"invoicing": [f'Invalid pk "{invoicing_id}" - object does not exist.']}
    for bad in (True, -1, "doce", [1]):
        answer = await client.put(path, json={"invoicing": bad}, headers=world.headers(token))
        assert answer.status_code == 400 and "invoicing" in answer.json(), answer.text
    assert (await detail(client, world, token, someone_else["id"]))["invoice"] is None
