"""An order's documents, whatever its flow, as the flow lists them (core/<flow>/documents.py):
a masks order's scan files and UDI label, a pharmacy order's prescriptions and stamped
invoice, a cases order's prescription PDF."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.documents.port import DocumentStore
from carepost.core.flows.documents import DocumentFile, OrderDocument
from carepost.core.flows.registry import flow_of
from carepost.core.kit.errors import NotFound
from carepost.core.models import Order


async def documents_of(session: AsyncSession, order: Order) -> list[OrderDocument]:
    documents = flow_of(order.flow).documents
    return await documents.listed(session, order) if documents is not None else []


async def document_file(session: AsyncSession, order: Order, document_id: str, store: DocumentStore) -> DocumentFile:
    found = next((d for d in await documents_of(session, order) if d.id == document_id), None)
    if found is None:
        raise NotFound("This order has no such document.", code="document_not_found")
    if found.storage_key is not None:
        return DocumentFile(found, store.stream(found.storage_key))
    drawn = flow_of(order.flow).documents
    assert drawn is not None and drawn.drawn is not None, "a document without a storage key is drawn by its flow"
    return DocumentFile(found, _whole(await drawn.drawn(session, order, found)))


async def _whole(content: bytes) -> AsyncIterator[bytes]:
    yield content
