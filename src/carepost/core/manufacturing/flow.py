"""The made-to-measure flow (the masks dialect), declared once: its steps, what operators,
the scan portal and the clinic's sandbox may do at each, and what partners are told."""

from __future__ import annotations

from carepost.core.flows.autopilot import Autopilot, Step, steps, test_tracking_number
from carepost.core.flows.inputs import CARRIER, NOTE, SHIPPED_DATE, TRACKING_NUMBER, ActionInput
from carepost.core.flows.spec import Action, FlowSpec
from carepost.core.manufacturing import factory, fhir
from carepost.core.manufacturing.documents import DOCUMENTS
from carepost.core.manufacturing.lifecycle import MADE_TO_MEASURE
from carepost.core.orders.made_to_measure import DIALECT
from carepost.core.sandbox import catalog
from carepost.core.webhooks.types import ORDER_CANCELLED

ACTIONS = (
    Action("complete_scan", "Mark the scan complete", "scan_completed", effect=factory.complete_scan),
    Action("approve_scan", "Approve the scan", "scan_approved", (NOTE,), effect=factory.approve_scan),
    Action("reject_scan", "Reject the scan", "scan_rejected", (NOTE,), effect=factory.reject_scan, destructive=True),
    Action("start_mesh", "Start meshing", "mesh_started", effect=factory.start_mesh),
    Action("start_print", "Start printing", "printing_started"),
    Action("start_qa", "Start the quality check", "qa_started"),
    Action("print_label", "Print the UDI label", "label_printed", effect=factory.print_label),
    # The production row's carrier column holds 40 characters.
    Action("ship", "Ship", "shipped", (CARRIER.bounded(40), TRACKING_NUMBER, SHIPPED_DATE), effect=factory.ship),
    Action("deliver", "Mark delivered", "delivered", effect=factory.deliver),
    Action(
        "factory_cancel", "Cancel in the factory", "factory_cancelled", (NOTE,), effect=factory.factory_cancel, destructive=True,
        webhook=ORDER_CANCELLED,
    ),
    Action("cancel", "Cancel the order", "cancelled", effect=factory.cancel, by_operator=False),  # the clinic's DELETE
)

# A test order's way through the factory, when the sandbox's autopilot walks it.
_MADE = (
    *steps("complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label"),
    Step("ship", lambda order: ActionInput(carrier="fedex", tracking_number=test_tracking_number(order))),
    *steps("deliver"),
)

FLOW = FlowSpec(
    name=MADE_TO_MEASURE.flow,
    dialect=DIALECT,
    title="Masks",
    colour="#0072B2",
    lifecycle=MADE_TO_MEASURE,
    actions=ACTIONS,
    documents=DOCUMENTS,
    # docs/webhooks.md names a factory step's `change` by its action (`complete_scan`, `ship`).
    webhook_change={a.event: a.name for a in ACTIONS if a.by_operator and a.event},
    account_features=frozenset({"patient_email"}),
    autopilot=Autopilot(
        starts_after="placed",
        path=_MADE,
        detours={
            "rescan": (*steps("complete_scan", "reject_scan"), *_MADE),  # the first scan is refused, the second made
            "factory_cancel": steps("factory_cancel"),
        },
    ),
    fhir=fhir.SOURCES,
    catalog=catalog.masks,
)
