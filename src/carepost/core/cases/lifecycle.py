"""The prescription (cases) lifecycle: the pipeline's steps, the pharmacy's, a failure's retry."""

from __future__ import annotations

from enum import StrEnum

from carepost.core.orders.lifecycle import Lifecycle

NAME = "prescription"  # the orders' `flow`


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
    flow=NAME,
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
