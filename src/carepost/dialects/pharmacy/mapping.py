"""Pure functions wire ⇄ core for the pharmacy contract. Amounts are Decimals in the
core and JSON numbers (the contract's DOUBLE) on the wire; times are DRF's ISO 8601."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime
from decimal import Decimal
from typing import Any

from carepost.core.invoicing.receiver import InvoicingIn
from carepost.core.invoicing.requesting import ISSUED
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import AccountUser, Prescription, Store
from carepost.core.patients.contacts import ContactIn
from carepost.core.retail.lifecycle import PATIENT_ORDER_STATUS
from carepost.core.retail.place import RetailOrderIn
from carepost.core.retail.prescriptions import MAX_BYTES, TOO_LARGE, PrescriptionIn
from carepost.core.retail.quote import LineRequest, Quote, QuoteIn
from carepost.core.retail.reading import RetailOrderView
from carepost.dialects.pharmacy.schemas import CreateOrderIn, OrderPartIn
from carepost.dialects.pharmacy.schemas import InvoicingIn as InvoicingWire

_WHITESPACE = re.compile(rb"\s+")


def quote_in(order: OrderPartIn) -> QuoteIn:
    return QuoteIn(
        details=tuple(LineRequest(d.product, d.quantity) for d in order.details),
        payment_method_id=order.payment_method,
        shipping=order.shipping.model_dump() if order.shipping else None,
        shipping_method_id=order.shipping_method,
        store_id=order.store,
        coupon_code=order.coupon,
    )


def order_in(body: CreateOrderIn) -> RetailOrderIn:
    user = body.user
    return RetailOrderIn(
        user=ContactIn(email=user.email, phone=user.phone, first_name=user.first_name, last_name=user.last_name),
        order=quote_in(body.order),
        prescriptions=tuple(
            PrescriptionIn(
                document=decode_document(p.document, field=f"order.prescriptions.{i}.document"),
                document_name=p.document_name,
                issue_date=p.issue_date,
                expiring_date=p.expiring_date,
            )
            for i, p in enumerate(body.order.prescriptions)
        ),
        comments=body.order.comments,
        invoicing=invoicing_in(body.invoicing) if body.invoicing else None,
    )


def invoicing_in(body: InvoicingWire) -> InvoicingIn:
    return InvoicingIn(**body.model_dump())


def decode_document(text: str, *, field: str) -> bytes:
    """Strict base64 (line breaks allowed, as MIME encoders wrap), optionally as a `data:…;base64,` URL."""
    if text.startswith("data:"):
        header, _, text = text.partition(",")
        if not header.endswith(";base64"):
            raise InvalidInput("The document must be base64-encoded.", field=field)
    packed = _WHITESPACE.sub(b"", text.encode("ascii", errors="replace"))
    if len(packed) > (MAX_BYTES + 2) // 3 * 4:
        raise InvalidInput(TOO_LARGE, field=field)
    try:
        return base64.b64decode(packed, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput("The document is not valid base64.", field=field) from None


def number(amount: Decimal | None) -> float | None:
    """The contract's DOUBLE: exact to the cent, since every amount is rounded to cents."""
    return None if amount is None else float(amount)


def timestamp(moment: datetime | None) -> str | None:
    """DRF's DateTimeField: ISO 8601 in UTC with a Z."""
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def quoted(quote: Quote, *, shipping: dict[str, Any] | None) -> dict[str, Any]:
    """`POST /api/orders/calculate/`: the totals an order with this body would have."""
    totals = quote.totals
    return {
        "subtotal": number(totals.subtotal),
        "shipping_price": number(totals.shipping_price),
        "shipping_discount": number(totals.shipping_discount),
        "coupon": {"code": quote.coupon.code, "value": number(quote.coupon.value)} if quote.coupon else None,
        "discount": number(totals.discount),
        "iva": number(totals.iva),
        "total": number(totals.total),
        "selected_shipping_method": quote.shipping_method.id if quote.shipping_method else None,
        "expected_delivery_date": timestamp(quote.window.expected) if quote.window else None,
        "max_delivery_date": timestamp(quote.window.latest) if quote.window else None,
        "details": [
            {
                "product": line.product_id, "quantity": line.quantity, "subtotal": number(line.subtotal),
                "discount": number(line.discount), "iva": number(line.iva), "total": number(line.total),
            }
            for line in totals.lines
        ],
        "shipping": shipping,
        "store": _store(quote.store),
    }


def _store(store: Store | None) -> dict[str, Any] | None:
    """The create's and PATCH's `store`: the pick-up store as an object (the detail shows its id)."""
    return {"id": store.id, "name": store.name, "address": store.address} if store else None


def list_item(view: RetailOrderView) -> dict[str, Any]:
    """A result of `GET /api/orders/`: exactly the contract's list fields."""
    order, retail, shipping = view.order, view.retail, view.order.shipping_address
    return {
        "id": order.id,
        "created_at": timestamp(order.placed_at),
        "order_status": order.status,
        "patient_order_status": PATIENT_ORDER_STATUS[order.status],
        "patient": f"{view.patient.first_name} {view.patient.last_name}".strip(),
        "payment_status": retail.payment_status,
        "products_count": sum(line.line.quantity for line in view.lines),
        "details": [{"default_image": line.product.image_url if line.product else None, "quantity": line.line.quantity} for line in view.lines],
        "shipping": {k: shipping.get(k) for k in ("street", "exterior_number", "city")} if shipping else None,
        "payment_method": view.payment_method.name if view.payment_method else None,
        "total": number(retail.total),
        "origin": retail.origin,
        "expected_delivery_date": timestamp(retail.expected_delivery_date),
        "max_delivery_date": timestamp(retail.max_delivery_date),
    }


def detail(view: RetailOrderView, documents: dict[int, bytes] | None = None) -> dict[str, Any]:
    """The order as `GET /api/orders/{id}` shows it, every field the contract names; each
    prescription's `document` as base64 when `documents` (by prescription id) are given."""
    order, retail, patient = view.order, view.retail, view.patient
    user = {"email": patient.email, "phone": patient.phone_number, "first_name": patient.first_name, "last_name": patient.last_name}
    return {
        "id": order.id,
        "details": [
            {
                "id": line.line.id,
                "product": {
                    "id": line.item.id, "name": line.item.name,
                    "default_image": line.product.image_url if line.product else None,
                    "requires_prescription": bool(line.product and line.product.requires_prescription),
                    "iva_rate": number(line.line.iva_rate),
                },
                "price": number(line.line.unit_price),
                "subtotal": number(line.line.subtotal),
                "total": number(line.line.total),
                "discount": number(line.line.discount),
                "iva": number(line.line.iva),
                "quantity": line.line.quantity,
            }
            for line in view.lines
        ],
        "patient": {"id": patient.id, "user": user, "default_shipping": None, "default_invoicing": None, "preferred_payment": None},
        "shipping": order.shipping_address,
        "store": retail.store_id,
        "payment": None,
        "payment_references": [],
        "payment_method": _payment_method(view),
        "coupon": {"code": retail.coupon_code, "value": number(retail.coupon_value)} if retail.coupon_code else None,
        "generated_by": _account_user(view.users.get(retail.generated_by or 0)),
        "updated_by": _account_user(view.users.get(retail.updated_by or 0)),
        "invoicing": view.invoice.id if view.invoice else None,
        "payment_date": timestamp(retail.payment_date),
        "shipping_date": timestamp(retail.shipping_date),
        "expected_delivery_date": timestamp(retail.expected_delivery_date),
        "max_delivery_date": timestamp(retail.max_delivery_date),
        "receiving_date": timestamp(retail.receiving_date),
        "patient_order_status": PATIENT_ORDER_STATUS[order.status],
        "prescriptions": [_prescription(p, documents) for p in view.prescriptions],
        "shipping_method": _shipping_method(view),
        "created_at": timestamp(order.placed_at),
        "updated_at": timestamp(order.updated_at),
        "insurance_refund_status": retail.insurance_refund_status,
        "order_status": order.status,
        "payment_status": retail.payment_status,
        "rejection_reason": retail.rejection_reason,
        "origin": retail.origin,
        "subtotal": number(retail.subtotal),
        "iva": number(retail.iva),
        "shipping_price": number(retail.shipping_price),
        "shipping_discount": number(retail.shipping_discount),
        "shipping_cost": number(retail.shipping_price - retail.shipping_discount),
        "discount": number(retail.discount),
        "total": number(retail.total),
        "cfdi": view.invoice.uuid if view.invoice and view.invoice.status in ISSUED else None,
        "reminder": None,
        "invoice": _invoice(view),
    }


def _invoice(view: RetailOrderView) -> dict[str, Any] | None:
    """Beyond the contract: the invoice's state and, once stamped, where to download it."""
    invoice = view.invoice
    if invoice is None:
        return None
    issued = invoice.status in ISSUED
    files = f"/api/orders/{view.order.id}/invoice"
    return {
        "id": invoice.id,
        "status": invoice.status,
        "cfdi": invoice.uuid if issued else None,
        "sandbox": invoice.sandbox if issued else None,  # known once a PAC stamped it
        "error": invoice.error,
        "xml": f"{files}.xml" if issued else None,
        "pdf": f"{files}.pdf" if issued else None,
        "stamped_at": timestamp(invoice.stamped_at),
        "cancelled_at": timestamp(invoice.cancelled_at) if invoice.status == "cancelled" else None,
    }


def _payment_method(view: RetailOrderView) -> dict[str, Any] | None:
    method = view.payment_method
    return {"id": method.id, "name": method.name, "kind": method.kind} if method else None


def _shipping_method(view: RetailOrderView) -> dict[str, Any] | None:
    method = view.shipping_method
    return {"id": method.id, "name": method.name, "price": number(method.price)} if method else None


def _prescription(p: Prescription, documents: dict[int, bytes] | None) -> dict[str, Any]:
    """The contract's PRESCRIPTION; the document itself only in `GET /api/orders/{id}` (docs/pharmacy.md)."""
    document = (documents or {}).get(p.id)
    return {
        "id": p.id, "document": base64.b64encode(document).decode("ascii") if document is not None else None,
        "document_name": p.document_name, "issue_date": p.issue_date.isoformat(),
        "expiring_date": p.expiring_date.isoformat() if p.expiring_date else None,
    }


def _account_user(user: AccountUser | None) -> dict[str, Any] | None:
    """The contract's USER, for the account's user who placed or changed the order (no phone is kept for them)."""
    if user is None:
        return None
    return {"id": user.id, "email": user.email, "phone": None, "first_name": user.first_name, "last_name": user.last_name}


def answered(view: RetailOrderView) -> dict[str, Any]:
    """The answer to a create or a PATCH: the fields contract 001 shows there (`store` as an
    object, `details` with product ids, `selected_shipping_method`), then the rest of the order."""
    return {
        **detail(view),
        "selected_shipping_method": view.retail.shipping_method_id,
        "store": _store(view.store),
        "details": [
            {
                "product": line.line.item_id, "quantity": line.line.quantity, "subtotal": number(line.line.subtotal),
                "discount": number(line.line.discount), "iva": number(line.line.iva), "total": number(line.line.total),
            }
            for line in view.lines
        ],
    }
