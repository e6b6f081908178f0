"""The console's inventory: stock per fulfillment site and item (on hand, reserved, free),
and the serialized devices with where each one is. Spans every site and account."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import FulfillmentSite
from carepost.core.operators.repository import OperatorRepository

MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class StockRow:
    site_name: str
    site_code: str
    sku: str
    item_name: str
    serialized: bool
    on_hand: int
    reserved: int

    @property
    def free(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class DeviceRow:
    id: int
    external_identifier: str
    item_name: str
    status: str
    site_name: str | None  # the shelf it is on, or the one it left from
    account_name: str | None  # out with this account's …
    patient_id: int | None  # … patient, or
    care_site_name: str | None  # … site


async def stock(session: AsyncSession, *, site_id: int | None, query: str | None, request: PageRequest) -> Page[StockRow]:
    rows, total = await OperatorRepository(session).stock_page(
        site_id=site_id, query=_query(query), offset=request.offset, limit=request.size
    )
    return Page([StockRow(*row) for row in rows], request, total)


async def devices(
    session: AsyncSession, *, site_id: int | None, status: str | None, query: str | None, request: PageRequest
) -> Page[DeviceRow]:
    rows, total = await OperatorRepository(session).device_page(
        site_id=site_id, status=status, query=_query(query), offset=request.offset, limit=request.size
    )
    return Page([DeviceRow(*row) for row in rows], request, total)


async def fulfillment_sites(session: AsyncSession) -> list[FulfillmentSite]:
    return await OperatorRepository(session).fulfillment_sites()


def _query(query: str | None) -> str | None:
    return (query or "").strip()[:MAX_QUERY_LENGTH] or None
