"""The retail (pharmacy) lifecycles: the order's status, and its payment's."""

from __future__ import annotations

from enum import StrEnum

from carepost.core.orders.lifecycle import Lifecycle

NAME = "retail"  # the orders' `flow`


class RetailStatus(StrEnum):
    """Retail (pharmacy) `order_status`: a quote the pharmacy approves, builds, dispatches and delivers."""

    QUOTED = "quoted"  # placed; the pharmacy has not confirmed it yet
    APPROVED = "approved"  # confirmed: stock and prescriptions checked by the pharmacy
    BUILDING = "building"  # being picked and packed (or readied at the store)
    DISPATCHED = "dispatched"  # handed to the carrier, or ready for pick-up at the store
    DELIVERED = "delivered"  # received by the patient
    CANCELLED = "cancelled"


RETAIL = Lifecycle(
    flow=NAME,
    initial=RetailStatus.QUOTED,
    transitions={
        (RetailStatus.QUOTED, "approve"): RetailStatus.APPROVED,
        (RetailStatus.APPROVED, "start_building"): RetailStatus.BUILDING,
        (RetailStatus.BUILDING, "dispatch"): RetailStatus.DISPATCHED,
        (RetailStatus.DISPATCHED, "deliver"): RetailStatus.DELIVERED,
        # Products may change, and the order may be cancelled, until building starts.
        (RetailStatus.QUOTED, "cancel"): RetailStatus.CANCELLED,
        (RetailStatus.APPROVED, "cancel"): RetailStatus.CANCELLED,
    },
)

# Where products may still change (contract 001: "only if the status is quoted or approved").
RETAIL_EDITABLE = frozenset({RetailStatus.QUOTED, RetailStatus.APPROVED})

# The contract's `patient_order_status`, derived from `order_status`: what the patient sees.
PATIENT_ORDER_STATUS: dict[str, str] = {
    RetailStatus.QUOTED: "in_process",
    RetailStatus.APPROVED: "in_process",
    RetailStatus.BUILDING: "in_process",
    RetailStatus.DISPATCHED: "shipped",
    RetailStatus.DELIVERED: "delivered",
    RetailStatus.CANCELLED: "cancelled",
}


class PaymentStatus(StrEnum):
    """The contract's `payment_status` values."""

    UNPAID = "unpaid"
    CREDIT = "credit"
    PAID = "paid"
    REJECTED = "rejected"
    IN_PROCESS = "in_process"


# An order starts unpaid or on credit (by its payment method's kind); the operator records the rest.
PAYMENT = Lifecycle(
    flow=NAME,
    initial=PaymentStatus.UNPAID,
    transitions={
        (PaymentStatus.UNPAID, "start_payment"): PaymentStatus.IN_PROCESS,
        (PaymentStatus.REJECTED, "start_payment"): PaymentStatus.IN_PROCESS,
        **{(status, "mark_paid"): PaymentStatus.PAID for status in (PaymentStatus.UNPAID, PaymentStatus.CREDIT, PaymentStatus.IN_PROCESS)},
        **{(status, "reject_payment"): PaymentStatus.REJECTED for status in (PaymentStatus.UNPAID, PaymentStatus.IN_PROCESS)},
    },
)
