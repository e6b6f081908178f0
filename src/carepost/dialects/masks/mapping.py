"""Pure translations between the masks wire format and the core. No I/O."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from carepost.core.accounts.service import Caller
from carepost.core.idempotency.service import IdempotentRequest
from carepost.core.kit.clock import iso_millis
from carepost.core.kit.errors import InvalidInput
from carepost.core.manufacturing.lifecycle import MaskStep
from carepost.core.manufacturing.products import MaskType
from carepost.core.manufacturing.steps import step_view
from carepost.core.manufacturing.udi import element_string
from carepost.core.manufacturing.views import MaskOrderView
from carepost.core.models import MaskProduction, Order
from carepost.core.orders.made_to_measure import Cancellation, MaskOrderIn
from carepost.dialects.masks.schemas import CreateOrderIn
from carepost.http import idempotency

CREATE_ENDPOINT = "masks.create_order"
_NOT_HASHED = {"secret_key", "idempotency_key"}


def order_in(body: CreateOrderIn) -> MaskOrderIn:
    return MaskOrderIn(
        patient_email=str(body.patient_email),
        patient_name=body.patient_name,
        phone=body.phone,
        shipping_address=body.shipping_address.model_dump(),
        mask_type=body.mask_type or MaskType.CPAP,
        forge_sends_email_to_client=bool(body.forge_sends_email_to_client),
    )


def idempotent_request(caller: Caller, body: CreateOrderIn, *, header_key: str | None = None) -> IdempotentRequest | None:
    """The request's idempotency identity; the credentials never take part in it. The key is
    the body's or the `Idempotency-Key` header's; two different ones are a 400."""
    if body.idempotency_key and header_key and body.idempotency_key != header_key:
        raise InvalidInput(
            "The Idempotency-Key header and the body's idempotency_key differ; send one key.", field="idempotency_key"
        )
    key = body.idempotency_key or header_key
    if key is None:
        return None
    payload = body.model_dump(mode="json", exclude=_NOT_HASHED)
    payload["mask_type"] = (body.mask_type or MaskType.CPAP).value  # omitted means cpap: the same request
    payload["forge_sends_email_to_client"] = bool(body.forge_sends_email_to_client)
    return idempotency.idempotent_request(caller, key, endpoint=CREATE_ENDPOINT, payload=payload)


def scan_upload_url(public_url: str, order: Order) -> str:
    """The patient's link; a test order's link opens the portal's sandbox page."""
    query = {"order_id": order.public_id, "email": order.recipient["email"]}
    if order.mode == "test":
        query["sandbox"] = "true"
    return f"{public_url.rstrip('/')}/api/portal/start-scan?{urlencode(query)}"


def shopify_ids(order: Order) -> tuple[str | None, str | None]:
    """`shopify_order_id` and `shopify_order_name`. Test mode mirrors nothing to Shopify: it
    answers clearly fake values of the documented types (docs/masks.md), as the contract's
    sandbox hands out a dummy scan_upload_url, so a typed client never meets a null there."""
    if order.mode == "test" and order.commerce_order_id is None:
        return f"test_{order.public_id}", f"#TEST-{order.public_id.removeprefix('ORD_')[:8].upper()}"
    return order.commerce_order_id, order.commerce_order_name


def created(order: Order, *, request_id: str, public_url: str, email_sent: bool | None) -> dict[str, Any]:
    """The create response's `data`; `email_sent` is None when no e-mail was asked for."""
    data: dict[str, Any] = {
        "idempotent_replay": False,
        "request_id": request_id,
        **_shopify(order),
        "vitacore_order_id": order.public_id,
        "patient_email": order.recipient["email"],
        "patient_name": order.recipient["name"],
        "forge_sends_email_to_client": order.attributes["forge_sends_email_to_client"],
    }
    if email_sent is not None:
        data["patient_scan_email_sent"] = email_sent
    data["mask_type"] = order.attributes["mask_type"]
    if not email_sent:
        data["scan_upload_url"] = scan_upload_url(public_url, order)
    data["placed_at"] = iso_millis(order.placed_at)
    return data


def _shopify(order: Order) -> dict[str, str | None]:
    order_id, name = shopify_ids(order)
    return {"shopify_order_id": order_id, "shopify_order_name": name}


def replayed(body: dict[str, Any]) -> dict[str, Any]:
    return {**body, "data": {**body["data"], "idempotent_replay": True}}


def status(view: MaskOrderView) -> dict[str, Any]:
    order, scan = view.order, view.scan
    step = step_view(order.status)
    return {
        "vitacore_order_id": order.public_id,
        **_shopify(order),
        "patient_email": order.recipient["email"],
        "patient_name": order.recipient["name"],
        "placed_at": iso_millis(order.placed_at),
        "is_test": order.mode == "test",
        "scan_id": scan.public_id if scan else None,
        "scan_status": scan.status if scan else None,
        "current_step_id": step.id,
        "current_step_label": step.label,
        "progress_caption": step.caption,
        "is_shipped": order.status in (MaskStep.SHIPPED, MaskStep.DELIVERED),
        "is_cancelled": order.status == MaskStep.CANCELLED,
        "cancelled_at": iso_millis(order.cancelled_at),
        "tracking": tracking(view.production),
        "udi": udi(view.production),
        "updated_at": iso_millis(order.updated_at),
    }


def tracking(production: MaskProduction | None) -> dict[str, Any] | None:
    if production is None or production.tracking_number is None:
        return None
    return {
        "carrier": production.carrier,
        "tracking_number": production.tracking_number,
        "shipped_date": production.shipped_date.isoformat() if production.shipped_date else None,
    }


def udi(production: MaskProduction | None) -> dict[str, Any] | None:
    if production is None or production.label_printed_at is None or production.fupc is None:
        return None
    assert production.gtin is not None and production.production_date is not None
    return {
        "di": production.gtin,
        "lot": production.fupc,
        "production_date": production.production_date.isoformat(),
        "gs1_element_string": element_string(
            gtin=production.gtin, production_date=production.production_date, fupc=production.fupc
        ),
        "printed_at": iso_millis(production.label_printed_at),
    }


def cancelled(result: Cancellation) -> dict[str, Any]:
    order = result.order
    return {
        "vitacore_order_id": order.public_id,
        "shopify_order_id": shopify_ids(order)[0],
        "already_cancelled": result.already_cancelled,
        "cancelled_at": iso_millis(order.cancelled_at),
        "shopify_cancelled": order.commerce_cancelled,
        "scan_upload_blocked": True,
    }
