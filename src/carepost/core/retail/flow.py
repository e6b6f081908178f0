"""The retail flow (the pharmacy dialect), declared once: an order's statuses and its
payment's, the pharmacy's moves on each, and a failed invoice's retry."""

from __future__ import annotations

from carepost.core.flows.autopilot import Autopilot, Step, steps, test_tracking_number
from carepost.core.flows.inputs import CARRIER, REASON, TRACKING_NUMBER, ActionInput
from carepost.core.flows.spec import Action, FlowSpec, Track
from carepost.core.retail import fhir
from carepost.core.retail import operations as moves
from carepost.core.retail.documents import DOCUMENTS
from carepost.core.retail.lifecycle import PAYMENT, RETAIL
from carepost.core.retail.order_repository import DIALECT
from carepost.core.sandbox import catalog
from carepost.core.webhooks.types import ORDER_SHIPPED

# An order starts unpaid or on credit (by its payment method's kind); the operator records the rest.
_PAYMENT = Track("payment", PAYMENT, moves.payment_status, moves.set_payment_status)

FLOW = FlowSpec(
    name=RETAIL.flow,
    dialect=DIALECT,
    title="Pharmacy",
    colour="#D55E00",
    lifecycle=RETAIL,
    actions=(
        Action("approve", "Approve", "approved"),
        Action("start_building", "Start building", "building_started"),
        # Not needed for a pick-up at a store (the effect asks for them when shipped).
        Action("dispatch", "Dispatch", "dispatched", (CARRIER, TRACKING_NUMBER), effect=moves.dispatch, webhook=ORDER_SHIPPED),
        Action("deliver", "Mark delivered", "delivered", effect=moves.deliver),
        Action("cancel", "Cancel the order", "cancelled", effect=moves.cancel, after=moves.cancel_invoice, destructive=True),
        Action("start_payment", "Payment started", "payment_started", track=_PAYMENT),
        Action("mark_paid", "Mark paid", "paid", effect=moves.mark_paid, track=_PAYMENT),
        Action("reject_payment", "Reject the payment", "payment_rejected", (REASON,), effect=moves.reject_payment, track=_PAYMENT, destructive=True),
        # No table: the invoice's own status decides, and its own events are recorded.
        Action("retry_invoice", "Retry the invoice", None, effect=moves.retry_invoice, track=None, offered_when=moves.invoice_failed),
    ),
    documents=DOCUMENTS,
    account_features=frozenset({"users"}),
    numbered=True,
    autopilot=Autopilot(
        starts_after="placed",
        # A pick-up at a store needs no carrier: dispatch takes none for it.
        path=(
            *steps("approve", "mark_paid", "start_building"),
            Step("dispatch", lambda order: ActionInput(carrier="dhl", tracking_number=test_tracking_number(order))),
            *steps("deliver"),
        ),
        detours={
            "payment_rejected": (Step("reject_payment", lambda _: ActionInput(reason="Card declined (sandbox)")), *steps("cancel")),
            "cancel": steps("cancel"),
        },
    ),
    fhir=fhir.SOURCES,
    catalog=catalog.pharmacy,
)
