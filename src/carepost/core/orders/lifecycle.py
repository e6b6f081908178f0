"""Order lifecycles as pure transition tables: (state, action) -> next state.

No database, no clock: `Lifecycle.next` either names the next state or raises
`TransitionNotAllowed`. Each flow (made-to-measure, retail, logistics,
prescription) gets its own table here as its dialect arrives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Flow(StrEnum):
    MADE_TO_MEASURE = "made_to_measure"  # masks: scan, manufacture, label, ship
    RETAIL = "retail"  # pharmacy
    LOGISTICS = "logistics"  # devices and kits
    PRESCRIPTION = "prescription"  # telehealth cases


class TransitionNotAllowed(Exception):
    def __init__(self, flow: str, state: str, action: str) -> None:
        super().__init__(f"{flow}: cannot {action} from {state}")
        self.flow, self.state, self.action = flow, state, action


@dataclass(frozen=True)
class Lifecycle:
    flow: str  # the orders' `flow`: a built-in Flow, or a registered flow's own name
    initial: str
    transitions: Mapping[tuple[str, str], str]

    @property
    def states(self) -> frozenset[str]:
        return frozenset({self.initial, *(s for s, _ in self.transitions), *self.transitions.values()})

    def allows(self, state: str, action: str) -> bool:
        return (state, action) in self.transitions

    def actions_from(self, state: str) -> tuple[str, ...]:
        """What may happen next, in the table's order."""
        return tuple(action for (from_state, action) in self.transitions if from_state == state)

    def next(self, state: str, action: str) -> str:
        try:
            return self.transitions[(state, action)]
        except KeyError:
            raise TransitionNotAllowed(self.flow, state, action) from None


class MaskStep(StrEnum):
    """Made-to-measure states; the masks contract calls them steps (`current_step_id`)."""

    AWAITING_SCAN = "awaiting_scan"
    SCAN_REVIEW = "scan_review"
    SCAN_APPROVED = "scan_approved"
    MESHING = "meshing"
    PRINTING = "printing"
    QA = "qa"
    LABELLED = "labelled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


_BEFORE_SHIPPING = (
    MaskStep.AWAITING_SCAN,
    MaskStep.SCAN_REVIEW,
    MaskStep.SCAN_APPROVED,
    MaskStep.MESHING,
    MaskStep.PRINTING,
    MaskStep.QA,
    MaskStep.LABELLED,
)

MADE_TO_MEASURE = Lifecycle(
    flow=Flow.MADE_TO_MEASURE,
    initial=MaskStep.AWAITING_SCAN,
    transitions={
        # The partner may cancel only while the scan is incomplete and nothing
        # has been made: the contract's 409 rule, in one line.
        (MaskStep.AWAITING_SCAN, "cancel"): MaskStep.CANCELLED,
        (MaskStep.AWAITING_SCAN, "complete_scan"): MaskStep.SCAN_REVIEW,
        (MaskStep.SCAN_REVIEW, "reject_scan"): MaskStep.AWAITING_SCAN,
        (MaskStep.SCAN_REVIEW, "approve_scan"): MaskStep.SCAN_APPROVED,
        (MaskStep.SCAN_APPROVED, "start_mesh"): MaskStep.MESHING,
        (MaskStep.MESHING, "start_print"): MaskStep.PRINTING,
        (MaskStep.PRINTING, "start_qa"): MaskStep.QA,
        (MaskStep.QA, "print_label"): MaskStep.LABELLED,
        (MaskStep.LABELLED, "ship"): MaskStep.SHIPPED,
        (MaskStep.SHIPPED, "deliver"): MaskStep.DELIVERED,
        # The factory may stop an order at any point before it leaves.
        **{(step, "factory_cancel"): MaskStep.CANCELLED for step in _BEFORE_SHIPPING},
    },
)

class DeviceStatus(StrEnum):
    """Logistics (devices) states, spelled as the devices contract's `currentStatus`."""

    RECONFIRM_ADDRESS = "reconfirmAddress"  # new: the ship-to address is confirmed before packing
    PROCESSING = "processing"  # address confirmed; waiting to be packed
    PACKED = "packed"  # kits packed, serialized devices assigned
    SHIPPED = "shipped"  # handed to the carrier, tracking numbers known
    DELIVERED = "delivered"
    AWAITING_RETURN = "awaitingReturn"  # a return-only order: the return label is out
    RETURN_RECEIVED = "returnReceived"  # the returned devices and items are back and restocked
    CANCELLED = "cancelled"


LOGISTICS = Lifecycle(
    flow=Flow.LOGISTICS,
    initial=DeviceStatus.RECONFIRM_ADDRESS,
    transitions={
        (DeviceStatus.RECONFIRM_ADDRESS, "reconfirm_address"): DeviceStatus.PROCESSING,
        (DeviceStatus.PROCESSING, "pack"): DeviceStatus.PACKED,
        (DeviceStatus.PACKED, "ship"): DeviceStatus.SHIPPED,
        (DeviceStatus.SHIPPED, "deliver"): DeviceStatus.DELIVERED,
        # Two-way orders: the returns come back after the delivery.
        (DeviceStatus.DELIVERED, "receive_returns"): DeviceStatus.RETURN_RECEIVED,
        # Return-only orders: nothing to pack; a return label goes out instead.
        (DeviceStatus.PROCESSING, "send_return_label"): DeviceStatus.AWAITING_RETURN,
        (DeviceStatus.AWAITING_RETURN, "receive_returns"): DeviceStatus.RETURN_RECEIVED,
        # Cancel releases reserved stock; possible until the order ships.
        **{
            (status, "cancel"): DeviceStatus.CANCELLED
            for status in (DeviceStatus.RECONFIRM_ADDRESS, DeviceStatus.PROCESSING, DeviceStatus.PACKED, DeviceStatus.AWAITING_RETURN)
        },
    },
)

class RetailStatus(StrEnum):
    """Retail (pharmacy) `order_status`: a quote the pharmacy approves, builds, dispatches and delivers."""

    QUOTED = "quoted"  # placed; the pharmacy has not confirmed it yet
    APPROVED = "approved"  # confirmed: stock and prescriptions checked by the pharmacy
    BUILDING = "building"  # being picked and packed (or readied at the store)
    DISPATCHED = "dispatched"  # handed to the carrier, or ready for pick-up at the store
    DELIVERED = "delivered"  # received by the patient
    CANCELLED = "cancelled"


RETAIL = Lifecycle(
    flow=Flow.RETAIL,
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
    flow=Flow.RETAIL,
    initial=PaymentStatus.UNPAID,
    transitions={
        (PaymentStatus.UNPAID, "start_payment"): PaymentStatus.IN_PROCESS,
        (PaymentStatus.REJECTED, "start_payment"): PaymentStatus.IN_PROCESS,
        **{(status, "mark_paid"): PaymentStatus.PAID for status in (PaymentStatus.UNPAID, PaymentStatus.CREDIT, PaymentStatus.IN_PROCESS)},
        **{(status, "reject_payment"): PaymentStatus.REJECTED for status in (PaymentStatus.UNPAID, PaymentStatus.IN_PROCESS)},
    },
)


class PrescriptionStatus(StrEnum):
    """A cases order on its way to the patient (docs/cases.md, "Statuses")."""

    RECEIVED = "received"  # stored and answered; the worker takes it from here
    PRESCRIPTION_STORED = "prescription_stored"  # its prescription PDF is in the document store
    SENT_TO_PHARMACY = "sent_to_pharmacy"
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # the pharmacy refused it
    FILLED = "filled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    FAILED = "failed"  # a pipeline step gave up; an operator may retry it
    CANCELLED = "cancelled"


_P = PrescriptionStatus
PRESCRIPTION = Lifecycle(
    flow=Flow.PRESCRIPTION,
    initial=_P.RECEIVED,
    transitions={
        (_P.RECEIVED, "store_prescription"): _P.PRESCRIPTION_STORED,
        (_P.PRESCRIPTION_STORED, "send_to_pharmacy"): _P.SENT_TO_PHARMACY,
        (_P.SENT_TO_PHARMACY, "accept"): _P.ACCEPTED,
        (_P.SENT_TO_PHARMACY, "reject"): _P.REJECTED,
        (_P.ACCEPTED, "fill"): _P.FILLED,
        (_P.FILLED, "ship"): _P.SHIPPED,
        (_P.SHIPPED, "deliver"): _P.DELIVERED,
        # The pipeline's own steps may fail; a retry resumes where the order stood.
        (_P.RECEIVED, "fail"): _P.FAILED,
        (_P.PRESCRIPTION_STORED, "fail"): _P.FAILED,
        (_P.FAILED, "retry"): _P.RECEIVED,
        # Until the pharmacy fills it, the order may be cancelled.
        **{(state, "cancel"): _P.CANCELLED for state in (_P.RECEIVED, _P.PRESCRIPTION_STORED, _P.SENT_TO_PHARMACY, _P.ACCEPTED, _P.FAILED)},
    },
)
