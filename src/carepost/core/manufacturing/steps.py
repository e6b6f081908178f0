"""How each made-to-measure step reads, to a clinic polling status and to the
patient on the portal alike (the contract says they match)."""

from __future__ import annotations

from dataclasses import dataclass

from carepost.core.manufacturing.lifecycle import MaskStep


@dataclass(frozen=True)
class StepView:
    id: str
    label: str
    caption: str


_VIEWS = {
    MaskStep.AWAITING_SCAN: ("Awaiting scan", "Waiting for the patient to upload their scan"),
    MaskStep.SCAN_REVIEW: ("Scan review", "Scan received and under review"),
    MaskStep.SCAN_APPROVED: ("Scan approved", "Scan approved, queued for production"),
    MaskStep.MESHING: ("Meshing", "Building the mask model from the scan"),
    MaskStep.PRINTING: ("Printing", "Printing in progress"),
    MaskStep.QA: ("Quality check", "Quality check in progress"),
    MaskStep.LABELLED: ("Labelled", "Labelled and ready to ship"),
    MaskStep.SHIPPED: ("Shipped", "On its way to the patient"),
    MaskStep.DELIVERED: ("Delivered", "Delivered to the patient"),
    MaskStep.CANCELLED: ("Cancelled", "This order was cancelled"),
}


def step_view(state: str) -> StepView:
    label, caption = _VIEWS[MaskStep(state)]
    return StepView(id=state, label=label, caption=caption)
