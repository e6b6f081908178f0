"""The worker's part of FHIR: running bulk exports and forgetting them when they expire."""

from __future__ import annotations

from collections.abc import Mapping

from carepost.adapters.documents import document_store
from carepost.core.fhir import export
from carepost.core.outbox.relay import Delivery, Handler
from carepost.http.dialect import WorkerContext


def handlers(context: WorkerContext) -> Mapping[str, Handler]:
    db, store = context.db, document_store(context.settings)

    async def run(delivery: Delivery) -> None:
        await export.run(db, delivery.payload["export_id"], store)

    async def forget(delivery: Delivery) -> None:
        await export.forget(db, delivery.payload["export_id"], store)

    return {export.TOPIC: run, export.EXPIRED_TOPIC: forget}
