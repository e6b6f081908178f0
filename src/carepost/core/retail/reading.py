"""Reading retail orders: one, or a page with the contract's search, filters and
ordering. A page costs the same few queries whatever its size: the orders, then
their lines, payment methods, shipping methods, stores, prescriptions and invoices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.invoicing.repository import InvoiceRepository
from carepost.core.kit.errors import NotFound
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import (
    AccountUser,
    Invoice,
    Item,
    Order,
    Patient,
    PaymentMethod,
    Prescription,
    RetailOrder,
    RetailOrderLine,
    RetailProduct,
    ShippingMethod,
    Store,
)
from carepost.core.retail.filters import RetailFilters
from carepost.core.retail.order_repository import OrderRow, RetailOrderRepository

if TYPE_CHECKING:  # annotations only: placing an order builds its view here (place.py imports this module)
    from carepost.core.retail.place import PlacedRetailOrder


@dataclass(frozen=True)
class RetailLineView:
    line: RetailOrderLine
    item: Item
    product: RetailProduct | None


@dataclass(frozen=True)
class RetailOrderView:
    order: Order
    retail: RetailOrder
    patient: Patient
    lines: list[RetailLineView] = field(default_factory=list)
    payment_method: PaymentMethod | None = None
    shipping_method: ShippingMethod | None = None
    store: Store | None = None
    prescriptions: list[Prescription] = field(default_factory=list)
    invoice: Invoice | None = None
    users: dict[int, AccountUser] = field(default_factory=dict)  # who placed and last changed it (one order's view)


async def list_orders(session: AsyncSession, *, scope: Scope, filters: RetailFilters, page: PageRequest) -> Page[RetailOrderView]:
    rows, total = await RetailOrderRepository(session).page(scope, filters, page)
    return Page(await views(session, rows), page, total)


async def get_order(session: AsyncSession, *, scope: Scope, order_id: int, lock: bool = False) -> RetailOrderView:
    """One order of this account and mode; anything else is NotFound, alike."""
    row = await RetailOrderRepository(session).one(scope, order_id, lock=lock)
    if row is None:
        raise NotFound("Not found.", code="order_not_found")
    (view,) = await views(session, [row])
    view.users.update(await RetailOrderRepository(session).by_id(AccountUser, {row[1].generated_by, row[1].updated_by}))
    return view


def placed_view(placed: PlacedRetailOrder, *, placed_by: AccountUser) -> RetailOrderView:
    """The view of an order just placed, from what placing it wrote and read: no query."""
    quoted = placed.quote
    return RetailOrderView(
        placed.order, placed.retail, placed.patient,
        [RetailLineView(line, *quoted.products[line.item_id]) for line in placed.lines],
        quoted.payment_method, quoted.shipping_method, quoted.store, list(placed.prescriptions), placed.invoice,
        {placed_by.id: placed_by},
    )


async def views(session: AsyncSession, rows: list[OrderRow]) -> list[RetailOrderView]:
    if not rows:
        return []
    repository = RetailOrderRepository(session)
    order_ids = [order.id for order, _, _ in rows]
    lines = await repository.lines(order_ids)
    methods = await repository.by_id(PaymentMethod, {retail.payment_method_id for _, retail, _ in rows})
    shipping = await repository.by_id(ShippingMethod, {retail.shipping_method_id for _, retail, _ in rows})
    stores = await repository.by_id(Store, {retail.store_id for _, retail, _ in rows})
    prescriptions = await repository.prescriptions(order_ids)
    invoices = await InvoiceRepository(session).for_orders(order_ids)
    return [
        RetailOrderView(
            order, retail, patient, [RetailLineView(*line) for line in lines[order.id]],
            methods.get(retail.payment_method_id), shipping.get(retail.shipping_method_id or 0),
            stores.get(retail.store_id or 0), prescriptions[order.id], invoices.get(order.id),
        )
        for order, retail, patient in rows
    ]
