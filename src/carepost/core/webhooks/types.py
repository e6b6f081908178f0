"""Which webhook event each order event becomes (docs/webhooks.md, "Event types").

Order events are past-tense names recorded on an order's timeline (`placed`,
`shipped`, a factory step…). Partners get a small, stable set of types; the
precise change rides along as `change`. Steps that are only Carepost's own
bookkeeping (an invoice asked for, a cancellation queued at the PAC) send nothing.
"""

from __future__ import annotations

ORDER_CREATED = "order.created"
ORDER_UPDATED = "order.updated"  # a status or step changed; `change` names it
ORDER_SHIPPED = "order.shipped"
ORDER_DELIVERED = "order.delivered"
ORDER_CANCELLED = "order.cancelled"
INVOICE_STAMPED = "order.invoice.stamped"
INVOICE_FAILED = "order.invoice.failed"
INVOICE_CANCELLED = "order.invoice.cancelled"
WEBHOOK_TEST = "webhook.test"
ENDPOINT_DISABLED = "webhook.endpoint.disabled"


# The common mapping; a flow's action may name another type for its event (a pharmacy
# `dispatched` is shipped), and a flow may have its own family (cases, below).
_BY_EVENT_NAME = {
    "placed": ORDER_CREATED,
    "shipped": ORDER_SHIPPED,
    "delivered": ORDER_DELIVERED,
    "cancelled": ORDER_CANCELLED,
    "invoice_stamped": INVOICE_STAMPED,
    "invoice_failed": INVOICE_FAILED,
    "invoice_cancelled": INVOICE_CANCELLED,
}
_SILENT = frozenset({"invoice_requested", "invoice_cancellation_requested"})


# The cases contract's pipeline has its own family: `case.order.<event>` (docs/cases.md).
CASE_ORDER_EVENTS = (
    "received", "prescription_stored", "sent_to_pharmacy", "accepted", "rejected", "filled", "shipped", "delivered",
    "failed", "retried", "cancelled",
)
CASE_TYPES = tuple(f"case.order.{name}" for name in CASE_ORDER_EVENTS)


TYPES = (
    ORDER_CREATED, ORDER_UPDATED, ORDER_SHIPPED, ORDER_DELIVERED, ORDER_CANCELLED,
    INVOICE_STAMPED, INVOICE_FAILED, INVOICE_CANCELLED, WEBHOOK_TEST, ENDPOINT_DISABLED, *CASE_TYPES,
)


def silent(event_name: str) -> bool:
    """Carepost's own bookkeeping (an invoice asked for, a cancellation queued at the PAC)."""
    return event_name in _SILENT


def common_type(event_name: str) -> str:
    return _BY_EVENT_NAME.get(event_name, ORDER_UPDATED)


def case_type(event_name: str) -> str | None:
    return f"case.order.{event_name}" if event_name in CASE_ORDER_EVENTS else None


def wanted(event_type: str, event_types: list[str] | None) -> bool:
    """An endpoint with no list wants every type; `webhook.test` goes only where it is sent."""
    return event_types is None or event_type in event_types
