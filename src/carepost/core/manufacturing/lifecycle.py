"""The made-to-measure (masks) lifecycle: scan, manufacture, label, ship."""

from __future__ import annotations

from enum import StrEnum

from carepost.core.orders.lifecycle import Lifecycle

NAME = "made_to_measure"  # the orders' `flow`


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
    flow=NAME,
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
