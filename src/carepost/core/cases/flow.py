"""The prescription flow (the cases dialect), declared once: the pipeline's steps (the
worker's own), an operator's moves, and the `case.order.*` family partners are told."""

from __future__ import annotations

from carepost.core.cases import fhir
from carepost.core.cases import operations as moves
from carepost.core.cases.access import DIALECT
from carepost.core.cases.documents import DOCUMENTS
from carepost.core.cases.lifecycle import PRESCRIPTION
from carepost.core.flows.autopilot import Autopilot, Step, steps, test_tracking_number
from carepost.core.flows.inputs import CARRIER, REASON, TRACKING_NUMBER, ActionInput
from carepost.core.flows.spec import Action, FlowSpec
from carepost.core.sandbox import catalog
from carepost.core.webhooks.types import case_type

FLOW = FlowSpec(
    name=PRESCRIPTION.flow,
    dialect=DIALECT,
    title="Cases",
    colour="#CC79A7",
    lifecycle=PRESCRIPTION,
    actions=(
        Action("retry", "Retry", "retried"),
        Action("cancel", "Cancel the order", "cancelled", (REASON,), effect=moves.cancel, destructive=True),
        # An http pharmacy's progress, recorded by hand.
        Action("accept", "Accepted by the pharmacy", "accepted"),
        Action("reject", "Rejected by the pharmacy", "rejected", (REASON,), effect=moves.record_failure, destructive=True),
        Action("fill", "Filled", "filled"),
        Action("ship", "Ship", "shipped", (CARRIER, TRACKING_NUMBER), effect=moves.ship),
        Action("deliver", "Mark delivered", "delivered"),
        # The pipeline's own steps (core/cases/pipeline.py).
        Action("store_prescription", "Store the prescription", "prescription_stored", by_operator=False),
        Action("send_to_pharmacy", "Send to the pharmacy", "sent_to_pharmacy", by_operator=False),
        Action("fail", "Fail", "failed", (REASON,), effect=moves.record_failure, by_operator=False, in_sandbox=True),
    ),
    documents=DOCUMENTS,
    webhook_types=case_type,
    # The pipeline's own steps come first (a test order stops at sent_to_pharmacy, core/cases/pipeline.py).
    autopilot=Autopilot(
        starts_after="sent_to_pharmacy",
        path=(
            *steps("accept", "fill"),
            Step("ship", lambda order: ActionInput(carrier="usps", tracking_number=test_tracking_number(order))),
            *steps("deliver"),
        ),
        detours={"reject": (Step("reject", lambda _: ActionInput(reason="Rejected by the sandbox pharmacy")),)},
    ),
    fhir=fhir.SOURCES,
    catalog=catalog.cases,
)
