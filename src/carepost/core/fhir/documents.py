"""An order's documents as DocumentReferences: whatever its flow lists (core/<flow>/documents.py)
— scan files and the UDI label, prescriptions and CFDI XML and PDF, a prescription PDF — each
downloadable at `Binary/<id>` with the same key.

A document's id is `<dialect>-<digits>-<the flow's document id>`, `_` written `.` (FHIR ids
take no `_`): `masks-1234567890-scan-video.front`. The flows list documents in code, not in one
table, so a search lists them order by order: it must name a patient or an order (as US Core's
DocumentReference search requires a patient), and reads at most MOST_ORDERS orders."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.documents.port import DocumentStore
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.elements import concept, instant, ref, resource
from carepost.core.fhir.repository import FhirRepository
from carepost.core.fhir.source import OrderSource, Resource, order_identifiers, order_resource_id, own_key
from carepost.core.fhir.tasks import Parts
from carepost.core.flows.documents import DocumentFile, OrderDocument
from carepost.core.kit.db import Database
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Order
from carepost.core.operators.order_documents import document_file, documents_of

MOST_ORDERS = 1000
_KEY = re.compile(r"^(?P<digits>\d{1,18})-(?P<document>[a-z0-9.-]{1,40})$")


def document_resource_id(dialect: str, order: Order, document: OrderDocument) -> str:
    return f"{order_resource_id(dialect, order)}-{document.id.replace('_', '.')}"


@dataclass(frozen=True)
class DocumentSource:
    """A flow's order documents. `orders` names the orders a search matches (as its Tasks do)."""

    orders: OrderSource
    parts: Parts  # the order's subject, as its Task names it
    numbered: bool = False
    type: str = "DocumentReference"

    @property
    def prefix(self) -> str:
        return self.orders.prefix

    async def count(self, session: AsyncSession, scope: Scope, criteria: Criteria) -> int:
        return len(await self.listed(session, scope, criteria))

    async def page(self, session: AsyncSession, scope: Scope, criteria: Criteria, offset: int, limit: int) -> list[Resource]:
        listed = (await self.listed(session, scope, criteria))[offset : offset + limit]
        subjects = await self.parts(session, list({order.id: order for order, _ in listed}.values()))
        return [self._resource(order, document, subjects[order.id].subject, criteria.base_url) for order, document in listed]

    async def listed(self, session: AsyncSession, scope: Scope, criteria: Criteria) -> list[tuple[Order, OrderDocument]]:
        if criteria.id is None and criteria.patient is None and criteria.identifier is None:
            raise InvalidInput("A DocumentReference search names a patient or an identifier (an order).", code="search_too_wide")
        if criteria.statuses is not None and "current" not in criteria.statuses:
            return []
        wanted_document = None
        narrowed = replace(criteria, statuses=None, id=None)
        if criteria.id is not None:
            key = _KEY.match(own_key(self.prefix, criteria.id) or "")
            if key is None:
                return []
            narrowed, wanted_document = replace(narrowed, id=f"{self.prefix}-{key['digits']}"), key["document"].replace(".", "_")
        query = self.orders.query(narrowed)
        if query is None:
            return []
        rows = await FhirRepository(session).page(repository.orders(scope, query), 0, MOST_ORDERS)
        return [(row[0], document) for row in rows for document in await documents_of(session, row[0]) if wanted_document in (None, document.id)]

    async def batches(self, db: Database, scope: Scope, criteria: Criteria, size: int) -> AsyncIterator[list[Resource]]:
        """Every document of every order the criteria match (a bulk export: no patient needed), order page by order page."""
        query = self.orders.query(replace(criteria, statuses=None))
        if query is None:
            return
        offset = 0
        while True:
            async with db.read(may_lag=True) as session:
                rows = await FhirRepository(session).page(repository.orders(scope, query), offset, size)
                listed = [(row[0], document) for row in rows for document in await documents_of(session, row[0])]
                subjects = await self.parts(session, [row[0] for row in rows])
            if listed:
                yield [self._resource(order, document, subjects[order.id].subject, criteria.base_url) for order, document in listed]
            if len(rows) < size:
                return
            offset += size

    def _resource(self, order: Order, document: OrderDocument, subject: dict[str, object], base_url: str) -> Resource:
        resource_id = document_resource_id(self.prefix, order, document)
        return resource(
            "DocumentReference",
            resource_id,
            last_updated=order.updated_at,
            identifier=order_identifiers(order, numbered=self.numbered),
            status="current",
            type=concept(document.label),
            subject=subject,
            date=instant(order.updated_at),
            description=document.label,
            content=[{"attachment": {"contentType": document.content_type, "url": f"{base_url}/Binary/{resource_id}", "title": document.filename}}],
            context={"related": [ref("Task", order_resource_id(self.prefix, order))]},
        )


def document_source(orders: OrderSource, parts: Parts) -> DocumentSource:
    return DocumentSource(orders=replace(orders, type="DocumentReference", statuses={}), parts=parts, numbered=orders.numbered)


async def download(session: AsyncSession, scope: Scope, source: DocumentSource, resource_id: str, store: DocumentStore) -> DocumentFile | None:
    """A DocumentReference's file, when `source` made it for this scope."""
    found = await source.listed(session, scope, Criteria(id=resource_id))
    if not found:
        return None
    order, document = found[0]
    return await document_file(session, order, document.id, store)
