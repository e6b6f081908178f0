"""The CFDI of an order, without a database: its totals are the order's to the cent for
any mix of IVA rates, coupons and shipping; its seal verifies; the receiver and the
request window follow SAT's and the contract's rules."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from satcfdi.models import Signer

from carepost.core.invoicing import cfdi
from carepost.core.invoicing.receiver import InvoicingIn, ReceiverDefaults, check_receiver
from carepost.core.invoicing.totals import LineIn, ShippingIn, compute
from carepost.core.kit.errors import InvalidInput
from carepost.core.retail.invoices import _check_may_request
from carepost.demo.csd import CERTIFICATE, KEY, PASSWORD
from tests.invoicing_world import seal_verifies
from tests.pharmacy_world import sat_test_csd

ISSUER = cfdi.Issuer("EKU9003173C9", "ESCUELA KEMPER URGATE", "601", "42501", "CP")
GIVEN = InvoicingIn(
    full_name="Ana López", email="ana@example.mx", rfc="XOJI740919U48", street="Reforma", exterior_number="1",
    neighborhood="Juárez", city="CDMX", state="CDMX", country="México", zipcode="06600",
)


def invoiceable_for(seed: int) -> cfdi.Invoiceable:
    """A random order priced by the order's own rules (totals.py), as the worker would invoice it."""
    rng = random.Random(seed)
    lines = [
        LineIn(i, rng.randint(1, 12), Decimal(rng.randint(1, 99_999)) / 100, rng.choice([Decimal("0"), Decimal("0.16")]))
        for i in range(rng.randint(1, 6))
    ]
    coupon = rng.choice([None, Decimal("0.10"), Decimal("0.3333"), Decimal("50"), Decimal("7.77")])
    shipping = rng.choice([None, ShippingIn(Decimal("99.00")), ShippingIn(Decimal("149.00"), free_from=Decimal("500"))])
    totals = compute(lines, coupon_value=coupon, shipping=shipping)
    invoice_lines = [
        cfdi.InvoiceLine(f"Producto {t.product_id}", "51101500", "H87", t.quantity, t.unit_price, t.discount, line.iva_rate, t.iva)
        for t, line in zip(totals.lines, lines, strict=True)
    ]
    shipping_iva = totals.iva - sum((t.iva for t in totals.lines), Decimal(0))
    ship = cfdi.shipping_line(totals.shipping_price, totals.shipping_discount, shipping_iva)
    return cfdi.Invoiceable(str(seed), [*invoice_lines, *([ship] if ship else [])], rng.choice(["credit", "transfer", "cash"]), totals.total)


@pytest.mark.parametrize("seed", range(200))
def test_the_cfdi_totals_are_the_orders_to_the_cent(seed):
    invoiceable = invoiceable_for(seed)
    receiver = check_receiver(GIVEN, ReceiverDefaults())
    comprobante = cfdi.build(ISSUER, receiver, invoiceable)  # raises TotalsMismatch otherwise
    assert comprobante["Total"] == invoiceable.total


def test_a_cfdi_that_would_not_match_the_order_is_not_built():
    invoiceable = invoiceable_for(1)
    wrong = cfdi.Invoiceable(invoiceable.folio, invoiceable.lines, invoiceable.payment_kind, invoiceable.total + Decimal("0.01"))
    with pytest.raises(cfdi.TotalsMismatch):
        cfdi.build(ISSUER, check_receiver(GIVEN, ReceiverDefaults()), wrong)


def test_the_seal_verifies_against_the_certificate_and_breaks_when_touched():
    directory = sat_test_csd()
    signer = Signer.load(
        certificate=(directory / CERTIFICATE).read_bytes(), key=(directory / KEY).read_bytes(),
        password=(directory / PASSWORD).read_text().strip(),
    )
    xml = cfdi.seal(cfdi.build(ISSUER, check_receiver(GIVEN, ReceiverDefaults()), invoiceable_for(7)), signer)
    assert seal_verifies(xml)
    assert not seal_verifies(xml.replace(b'Folio="7"', b'Folio="8"'))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, ("612", "G03")),  # a person, the account's defaults
        ({"rfc": "EKU9003173C9"}, ("601", "G03")),  # a company
        ({"fiscal_regime": "616"}, ("616", "S01")),  # the default use is not allowed with 616: S01
        ({"fiscal_regime": "605", "cfdi_use": "D01"}, ("605", "D01")),
        ({"rfc": "xoji740919u48"}, ("612", "G03")),  # capitals are SAT's; lower case is read as meant
    ],
)
def test_a_receiver_gets_its_regime_and_use(change, expected):
    receiver = check_receiver(InvoicingIn(**{**GIVEN.__dict__, **change}), ReceiverDefaults())
    assert (receiver.fiscal_regime, receiver.cfdi_use) == expected


def test_the_foreign_generic_rfc_keeps_its_name_and_takes_the_issuers_postal_code():
    receiver = check_receiver(InvoicingIn(**{**GIVEN.__dict__, "rfc": "XEXX010101000"}), ReceiverDefaults(issuer_postal_code="42501"))
    assert (receiver.name, receiver.postal_code, receiver.fiscal_regime, receiver.cfdi_use) == ("Ana López", "42501", "616", "S01")


def test_a_persons_rfc_without_homoclave_is_refused():
    with pytest.raises(InvalidInput) as refused:
        check_receiver(InvoicingIn(**{**GIVEN.__dict__, "rfc": "XOJI740919"}), ReceiverDefaults())
    assert refused.value.details["field"] == "invoicing.rfc"


NOON = datetime(2026, 12, 15, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("placed_at", "now", "status", "invoice", "refusal"),
    [
        (NOON, NOON + timedelta(days=3), "quoted", None, None),  # exactly 3 days: still in time
        (NOON, NOON + timedelta(days=3, seconds=1), "quoted", None, "invoice_window_closed"),
        # 1 December 02:00 UTC is still 30 November in Mexico City: a past month on 2 December
        (datetime(2026, 12, 1, 2, 0, tzinfo=UTC), datetime(2026, 12, 2, 18, 0, tzinfo=UTC), "quoted", None, "invoice_past_month"),
        (datetime(2026, 12, 1, 7, 0, tzinfo=UTC), datetime(2026, 12, 2, 18, 0, tzinfo=UTC), "quoted", None, None),
        (NOON, NOON, "cancelled", None, "order_cancelled"),
        (NOON, NOON, "quoted", "stamped", "already_invoiced"),
        (NOON, NOON, "quoted", "pending", "already_invoiced"),
        (NOON, NOON, "quoted", "failed", None),  # a failed invoice may be asked for again, with new data
        (NOON, NOON, "quoted", "cancelled", None),
    ],
)
def test_when_an_invoice_may_be_requested(placed_at, now, status, invoice, refusal):
    if refusal is None:
        _check_may_request(status, placed_at, invoice, now)
        return
    with pytest.raises(InvalidInput) as refused:
        _check_may_request(status, placed_at, invoice, now)
    assert refused.value.code == refusal
