"""An order's documents, as a flow lists them: each with an id stable for the order
(`scan-video_front`, `invoice-pdf`, …) for a link, kept in the document store or drawn
when asked for (a masks order's UDI label)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Order


@dataclass(frozen=True)
class OrderDocument:
    id: str
    label: str
    content_type: str
    filename: str
    storage_key: str | None = None  # in the document store; None: drawn when asked for


@dataclass(frozen=True)
class DocumentFile:
    document: OrderDocument
    content: AsyncIterator[bytes]  # in pieces: a stored scan video may be 100 MB


@dataclass(frozen=True)
class FlowDocuments:
    listed: Callable[[AsyncSession, Order], Awaitable[list[OrderDocument]]]
    drawn: Callable[[AsyncSession, Order, OrderDocument], Awaitable[bytes]] | None = None
