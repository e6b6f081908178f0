"""The cases pipeline's work after the request (core/cases/pipeline.py): a prescription PDF
stored, the order handed to its pharmacy, and the embedded pharmacy's own moves."""

from __future__ import annotations

from collections.abc import Mapping

from carepost.adapters.documents import document_store
from carepost.adapters.pharmacies.embedded import EmbeddedPharmacy
from carepost.adapters.pharmacies.http import HttpPharmacy
from carepost.config import Settings
from carepost.core.cases import pipeline
from carepost.core.cases.access import DIALECT
from carepost.core.cases.pipeline import PipelinePorts
from carepost.core.outbox.relay import Delivery, Handler
from carepost.http.dialect import WorkerContext


def pipeline_ports(settings: Settings) -> PipelinePorts:
    http, embedded = HttpPharmacy(), EmbeddedPharmacy()
    return PipelinePorts(
        documents=document_store(settings),
        pharmacy_for=lambda pharmacy: http if pharmacy.adapter == "http" else embedded,
        embedded_pharmacy=embedded,
        embedded_schedule=tuple(float(part) for part in settings.cases_pharmacy_schedule.split(",")),
    )


def handlers(context: WorkerContext) -> Mapping[str, Handler]:
    db, ports = context.db, pipeline_ports(context.settings)

    async def prescribe(delivery: Delivery) -> None:
        if delivery.payload.get("dialect") == DIALECT:  # a topic names an event, not a flow
            await pipeline.store_prescription(db, delivery.payload["order_id"], ports, attempt=delivery.attempt)

    async def hand_off(delivery: Delivery) -> None:
        await pipeline.send_to_pharmacy(db, delivery.payload["order_id"], ports, attempt=delivery.attempt)

    async def pharmacy_step(delivery: Delivery) -> None:
        await pipeline.pharmacy_step(db, delivery.payload["order_id"], delivery.payload["step"], ports)

    return {
        "order.received": prescribe,
        "order.retried": prescribe,
        "order.prescription_stored": hand_off,
        pipeline.PHARMACY_STEP: pharmacy_step,
    }
