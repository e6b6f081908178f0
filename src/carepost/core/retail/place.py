"""Placing a retail (pharmacy) order: quote it, check its prescriptions, find or
create its patient, count its coupon's use, reserve its stock, and write it.
One transaction; any refusal leaves nothing (but a stored document, docs/pharmacy.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.documents.port import DocumentStore
from carepost.core.inventory.allocation import INSUFFICIENT, allocate
from carepost.core.invoicing import requesting
from carepost.core.invoicing.receiver import InvoicingIn
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import AccountUser, Invoice, Order, OrderEvent, Patient, Prescription, RetailOrder, RetailOrderLine
from carepost.core.orders import events
from carepost.core.orders.new_order import new_order
from carepost.core.orders.repository import OrderRepository
from carepost.core.patients.contacts import ContactIn, patient_for_contact
from carepost.core.retail import prescriptions as prescription_rules
from carepost.core.retail.lifecycle import RETAIL
from carepost.core.retail.order_repository import DIALECT
from carepost.core.retail.prescriptions import PrescriptionIn
from carepost.core.retail.quote import LineRequest, Quote, QuoteIn, price, quote
from carepost.core.retail.reading import RetailOrderView, placed_view
from carepost.core.retail.repository import RetailRepository
from carepost.core.retail.rules import initial_payment_status


@dataclass(frozen=True)
class RetailOrderIn:
    user: ContactIn
    order: QuoteIn
    prescriptions: tuple[PrescriptionIn, ...] = ()
    comments: str | None = None
    invoicing: InvoicingIn | None = None  # sending it asks for the CFDI, issued after commit


@dataclass(frozen=True)
class PlacedRetailOrder:
    order: Order
    retail: RetailOrder
    lines: list[RetailOrderLine]
    prescriptions: list[Prescription]
    patient: Patient
    quote: Quote
    event: OrderEvent
    invoice: Invoice | None


async def place(
    session: AsyncSession, *, caller: Caller, placed_by: AccountUser, order_in: RetailOrderIn, documents: DocumentStore
) -> PlacedRetailOrder:
    caller.require_dialect(DIALECT)
    caller.require_write()
    now = utcnow()
    quoted = await quote(session, scope=caller.scope, quote_in=order_in.order, at=now)
    kinds = prescription_rules.check(order_in.prescriptions, field="order.prescriptions", today=now.date())
    require_prescriptions(quoted.products, given=bool(order_in.prescriptions), field="order.prescriptions")
    receiver = None
    if order_in.invoicing is not None:
        receiver = await requesting.check(session, account_id=caller.account_id, given=order_in.invoicing)
    patient = await patient_for_contact(session, scope=caller.scope, contact=order_in.user, field="user")
    quoted = await _use_coupon(session, caller, quoted, order_in.order)
    order = await OrderRepository(session).add(
        new_order(
            caller,
            dialect=DIALECT,
            lifecycle=RETAIL,
            recipient={"name": f"{patient.first_name} {patient.last_name}".strip(), "email": patient.email, "phone": patient.phone_number},
            shipping_address=order_in.order.shipping,
            patient_id=patient.id,
            attributes={},
            warnings=[],
        )
    )
    await reserve(session, caller, order, order_in.order.details, field="order.details")
    retail, lines = _rows(order, quoted, order_in, placed_by.id)
    documents_kept = await prescription_rules.keep(documents, order=order, prescriptions=order_in.prescriptions, kinds=kinds)
    await RetailRepository(session).add_placed(retail, lines, documents_kept)
    actor = events.api_key_actor(caller.api_key_id)

    async def view_after(event: OrderEvent) -> RetailOrderView:  # as placing leaves it: an invoice is opened after the event
        return placed_view(PlacedRetailOrder(order, retail, lines, documents_kept, patient, quoted, event, None), placed_by=placed_by)

    event = await events.record(session, order, name="placed", actor=actor, view_after=view_after)
    invoice = await requesting.open_invoice(session, order, receiver, actor=actor) if receiver is not None else None
    return PlacedRetailOrder(order, retail, lines, documents_kept, patient, quoted, event, invoice)


def require_prescriptions(products: dict[int, tuple[Any, Any]], *, given: bool, field: str) -> None:
    """An order with a product that needs a prescription needs one; the refusal names the products."""
    needing = sorted(item.name for item, product in products.values() if product.requires_prescription)
    if needing and not given:
        raise InvalidInput(f"A prescription is required for: {', '.join(needing)}.", field=field)


async def _use_coupon(session: AsyncSession, caller: Caller, quoted: Quote, quote_in: QuoteIn) -> Quote:
    """Count the coupon's use; if another order took its last one meanwhile, go without it.
    A test order counts no use: the sandbox never spends what live orders may."""
    if quoted.coupon is None or caller.is_test or await RetailRepository(session).use_coupon(quoted.coupon.id):
        return quoted
    totals = price(quote_in.details, quoted.products, coupon_value=None, shipping_method=quoted.shipping_method)
    return Quote(quoted.products, quoted.payment_method, quoted.shipping_method, quoted.store, None, totals, quoted.window)


async def reserve(session: AsyncSession, caller: Caller, order: Order, details: Sequence[LineRequest], *, field: str) -> None:
    """Reserve the lines' units at one fulfillment site, or refuse them all (on `field`)."""
    needed: Counter[int] = Counter()
    for line in details:
        needed[line.product_id] += line.quantity
    # Test orders check the sandbox's shelf and reserve nothing (allocation.py).
    await allocate(
        session, account_id=caller.account_id, order_id=order.id, needed=dict(needed), reserve=not caller.is_test,
        refusal=lambda: InvalidInput("There is not enough stock for this order.", code=INSUFFICIENT, field=field),
    )


def _rows(order: Order, quoted: Quote, order_in: RetailOrderIn, user_id: int) -> tuple[RetailOrder, list[RetailOrderLine]]:
    totals = quoted.totals
    retail = RetailOrder(
        order_id=order.id,
        account_id=order.account_id,
        payment_method_id=quoted.payment_method.id,
        payment_status=initial_payment_status(quoted.payment_method.kind),
        shipping_method_id=quoted.shipping_method.id if quoted.shipping_method else None,
        store_id=quoted.store.id if quoted.store else None,
        coupon_id=quoted.coupon.id if quoted.coupon else None,
        coupon_code=quoted.coupon.code if quoted.coupon else None,
        coupon_value=quoted.coupon.value if quoted.coupon else None,
        subtotal=totals.subtotal,
        discount=totals.discount,
        iva=totals.iva,
        shipping_price=totals.shipping_price,
        shipping_discount=totals.shipping_discount,
        total=totals.total,
        expected_delivery_date=quoted.window.expected if quoted.window else None,
        max_delivery_date=quoted.window.latest if quoted.window else None,
        comments=order_in.comments,
        invoicing=asdict(order_in.invoicing) if order_in.invoicing else None,
        generated_by=user_id,
        updated_by=user_id,
        insurance_refund_status="not_applicable",
        origin="api",
    )
    lines = [
        RetailOrderLine(
            order_id=order.id, item_id=line.product_id, quantity=line.quantity, unit_price=line.unit_price,
            iva_rate=quoted.products[line.product_id][1].iva_rate, subtotal=line.subtotal, discount=line.discount,
            iva=line.iva, total=line.total,
        )
        for line in totals.lines
    ]
    return retail, lines
