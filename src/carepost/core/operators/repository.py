"""SQL for operator tokens, and for the operator's view across every account."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, exists, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.invoicing.requesting import FAILED as INVOICE_FAILED
from carepost.core.kit.bounds import start_of_day, start_of_next_day
from carepost.core.kit.db import utc_day
from carepost.core.models import (
    Account,
    ApiKey,
    Device,
    FulfillmentSite,
    Invoice,
    Item,
    OperatorToken,
    Order,
    OrderExternalId,
    OutboxMessage,
    Patient,
    Site,
    Stock,
    WebhookEndpoint,
)
from carepost.core.orders import references

# Who an order goes to, by name: its recipient (masks, pharmacy, cases), else its patient or site (devices).
_RECIPIENT = func.coalesce(
    cast(Order.recipient["name"].as_string(), String), Patient.first_name + literal(" ") + Patient.last_name, Site.name, literal("")
)


class OperatorRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, token: OperatorToken) -> OperatorToken:
        self.session.add(token)
        await self.session.flush()
        return token

    async def by_hash(self, secret_hash: str) -> OperatorToken | None:
        return await self.session.scalar(select(OperatorToken).where(OperatorToken.secret_hash == secret_hash))

    async def order(self, reference: str, *, lock: bool = False) -> Order | None:
        """Operators work for the supplier: they reach every account's orders, by public
        id (ORD_…) or by the number partners see where a contract shows numeric ids (devices)."""
        query = select(Order).where(references.named(reference))
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def order_counts(self, *, mode: str) -> list[tuple[str, str, int]]:
        """(dialect, status, count) over every account's orders in this mode."""
        rows = await self.session.execute(
            select(Order.dialect, Order.status, func.count()).where(Order.mode == mode).group_by(Order.dialect, Order.status)
        )
        return [(dialect, status, count) for dialect, status, count in rows]

    async def daily_counts(self, *, mode: str, since: datetime) -> list[tuple[str, str, int]]:
        """(UTC day, dialect, count) of the orders placed since `since`, in this mode."""
        day = utc_day(Order.placed_at)
        rows = await self.session.execute(
            select(day, Order.dialect, func.count()).where(Order.mode == mode, Order.placed_at >= since).group_by(day, Order.dialect)
        )
        return [(str(d), dialect, count) for d, dialect, count in rows]

    async def failing_endpoints(self, *, limit: int) -> list[tuple[WebhookEndpoint, str, str]]:
        """Endpoints whose deliveries fail, or that were disabled for failing, with their account's name and slug."""
        query = (
            select(WebhookEndpoint, Account.name, Account.slug)
            .join(Account, Account.id == WebhookEndpoint.account_id)
            .where(or_(WebhookEndpoint.failing_since.is_not(None), WebhookEndpoint.disabled_reason.is_not(None)))
            .order_by(WebhookEndpoint.failing_since, WebhookEndpoint.id)
            .limit(limit)
        )
        return [(endpoint, name, slug) for endpoint, name, slug in await self.session.execute(query)]

    async def stuck_outbox(self, *, available_before: datetime) -> list[tuple[str, int, datetime]]:
        """(topic, count, oldest) of the messages still undelivered long after they were due."""
        rows = await self.session.execute(
            select(OutboxMessage.topic, func.count(), func.min(OutboxMessage.available_at))
            .where(OutboxMessage.delivered_at.is_(None), OutboxMessage.available_at < available_before)
            .group_by(OutboxMessage.topic)
            .order_by(func.count().desc())
        )
        return [(topic, count, oldest) for topic, count, oldest in rows]

    async def failed_invoices(self, *, limit: int) -> list[tuple[Invoice, str, str]]:
        """Invoices the PAC would not stamp, with their order's public id and account's name."""
        query = (
            select(Invoice, Order.public_id, Account.name)
            .join(Order, Order.id == Invoice.order_id)
            .join(Account, Account.id == Invoice.account_id)
            .where(Invoice.status == INVOICE_FAILED)
            .order_by(Invoice.requested_at.desc())
            .limit(limit)
        )
        return [(invoice, public_id, name) for invoice, public_id, name in await self.session.execute(query)]

    async def patient_and_site(self, order: Order) -> tuple[Patient | None, Site | None]:
        patient = await self.session.get(Patient, order.patient_id) if order.patient_id is not None else None
        site = await self.session.get(Site, order.site_id) if order.site_id is not None else None
        return patient, site

    async def keys_of(self, account_id: int, key_ids: set[int]) -> list[ApiKey]:
        return list(await self.session.scalars(select(ApiKey).where(ApiKey.id.in_(key_ids), ApiKey.account_id == account_id)))

    async def order_page(
        self, *, flow: str | None, status: str | None, account: str | None, mode: str | None, placed_from: date | None,
        placed_to: date | None, query: str | None, offset: int, limit: int,
    ) -> tuple[list[tuple[Any, ...]], int]:
        """A page of orders across every account, newest first, and how many match."""
        conditions = _equal_where_given((Order.dialect, flow), (Order.status, status), (Account.slug, account), (Order.mode, mode))
        if placed_from is not None:
            conditions.append(Order.placed_at >= start_of_day(placed_from))
        ends = start_of_next_day(placed_to) if placed_to is not None else None
        if ends is not None:
            conditions.append(Order.placed_at < ends)
        if query is not None:
            conditions.append(_matching(query))
        joined = (
            select(
                Order.public_id, Order.id, Order.dialect, Order.status, Account.slug, Account.name, Order.mode, Order.placed_at, _RECIPIENT
            )
            .join(Account, Account.id == Order.account_id)
            .outerjoin(Patient, Patient.id == Order.patient_id)
            .outerjoin(Site, Site.id == Order.site_id)
            .where(*conditions)
        )
        return await self._counted_page(joined, Order.id.desc(), offset=offset, limit=limit)


    async def stock_page(self, *, site_id: int | None, query: str | None, offset: int, limit: int) -> tuple[list[tuple[Any, ...]], int]:
        """Stock rows of every fulfillment site, by site and item name, and how many match."""
        conditions = _equal_where_given((Stock.fulfillment_site_id, site_id))
        if query is not None:
            conditions.append(or_(Item.sku == query, func.lower(Item.name).like(_contains(query), escape="\\")))
        joined = (
            select(FulfillmentSite.name, FulfillmentSite.code, Item.sku, Item.name, Item.serialized, Stock.on_hand, Stock.reserved)
            .join(FulfillmentSite, FulfillmentSite.id == Stock.fulfillment_site_id)
            .join(Item, Item.id == Stock.item_id)
            .where(*conditions)
        )
        return await self._counted_page(joined, FulfillmentSite.name, Item.name, Item.id, offset=offset, limit=limit)

    async def device_page(
        self, *, site_id: int | None, status: str | None, query: str | None, offset: int, limit: int
    ) -> tuple[list[tuple[Any, ...]], int]:
        """Serialized devices and where each is: a site's shelf, or an account's patient or site."""
        conditions = _equal_where_given((Device.fulfillment_site_id, site_id), (Device.status, status), (Device.external_identifier, query))
        joined = (
            select(
                Device.id, Device.external_identifier, Item.name, Device.status, FulfillmentSite.name, Account.name,
                Device.patient_id, Site.name,
            )
            .join(Item, Item.id == Device.item_id)
            .outerjoin(FulfillmentSite, FulfillmentSite.id == Device.fulfillment_site_id)
            .outerjoin(Account, Account.id == Device.account_id)
            .outerjoin(Site, Site.id == Device.site_id)
            .where(*conditions)
        )
        return await self._counted_page(joined, Device.id, offset=offset, limit=limit)

    async def fulfillment_sites(self) -> list[FulfillmentSite]:
        return list(await self.session.scalars(select(FulfillmentSite).order_by(FulfillmentSite.name)))

    async def _counted_page(self, query: Select[*tuple[Any, ...]], *order: Any, offset: int, limit: int) -> tuple[list[tuple[Any, ...]], int]:
        """One page of the query's rows in this order, and how many rows match in all."""
        total = await self.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = await self.session.execute(query.order_by(*order).offset(offset).limit(limit))
        return [tuple(row) for row in rows], total or 0


def _equal_where_given(*pairs: tuple[Any, Any]) -> list[ColumnElement[bool]]:
    """A filter's conditions: each column equal to its value, where a value was given."""
    return [column == value for column, value in pairs if value is not None]


def _contains(query: str) -> str:
    """A LIKE pattern for `query` anywhere, its own % and _ taken as plain characters."""
    return "%" + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _matching(query: str) -> ColumnElement[bool]:
    """An order id (ORD_… or its number), an external id, or part of a recipient's name
    (a query of digits only is a number, not part of a name)."""
    options: list[ColumnElement[bool]] = [
        Order.public_id == query,
        exists().where(OrderExternalId.order_id == Order.id, OrderExternalId.value == query),
    ]
    if query.isdecimal():
        if len(query) < 19:
            options.append(Order.id == int(query))
    else:
        options.append(func.lower(_RECIPIENT).like(_contains(query), escape="\\"))
    return or_(*options)
