"""The logistics flow (the devices dialect), declared once: its statuses, what the
fulfillment team (and a test key's sandbox helper) may do at each, and what each moves."""

from __future__ import annotations

from carepost.core.flows.autopilot import Autopilot, Step, steps, test_tracking_number
from carepost.core.flows.inputs import ADDRESS, DEVICE_IDS, FULFILLMENT_SITE, NOTE, TRACKING_NUMBERS, ActionInput
from carepost.core.flows.spec import Action, FlowSpec
from carepost.core.logistics import fhir
from carepost.core.logistics import operations as moves
from carepost.core.logistics.lifecycle import LOGISTICS
from carepost.core.logistics.packing import choices_to_pack
from carepost.core.logistics.repository import DIALECT
from carepost.core.sandbox import catalog

FLOW = FlowSpec(
    name=LOGISTICS.flow,
    dialect=DIALECT,
    title="Devices",
    colour="#009E73",
    lifecycle=LOGISTICS,
    actions=(
        Action("reconfirm_address", "Confirm the address", "address_reconfirmed", (ADDRESS,), effect=moves.reconfirm_address),
        Action("pack", "Pack", "packed", (DEVICE_IDS, NOTE), effect=moves.pack, offered_when=moves.unless_ruled_out("pack")),
        Action("ship", "Ship", "shipped", (TRACKING_NUMBERS, NOTE), effect=moves.ship),
        Action("deliver", "Mark delivered", "delivered", effect=moves.deliver),
        Action(
            "send_return_label", "Send the return label", "return_label_sent", effect=moves.send_return_label,
            offered_when=moves.unless_ruled_out("send_return_label"),
        ),
        Action(
            "receive_returns", "Receive the returns", "returns_received", (FULFILLMENT_SITE,), effect=moves.receive_returns,
            offered_when=moves.unless_ruled_out("receive_returns"),
        ),
        Action("cancel", "Cancel the order", "cancelled", (NOTE,), effect=moves.cancel, destructive=True),
    ),
    choices={DEVICE_IDS.name: choices_to_pack},
    on_moved=moves.count_moved,
    numbered=True,
    autopilot=Autopilot(
        starts_after="placed",
        # A return-only order is not packed (its pack is not offered): its return label goes out instead.
        path=(
            *steps("reconfirm_address", "pack", "send_return_label"),
            Step("ship", lambda order: ActionInput(tracking_numbers=(("usps", test_tracking_number(order)),))),
            *steps("deliver", "receive_returns"),
        ),
        detours={"cancel": steps("cancel")},
    ),
    fhir=fhir.SOURCES,
    catalog=catalog.devices,
)
