"""Allocation: one fulfillment site that can ship every outbound item of an order.

Kits are expanded into their items first. Sites are tried in id order; at
each, every item is reserved in item-id order (a fixed order, so two orders
never wait on each other's locks in a cycle) inside a savepoint that is
rolled back if any item falls short. No site able to ship everything:
`insufficient_inventory`.

Test-mode orders check availability the same way against the sandbox's own
shelf (`sandbox_stock`), and reserve nothing: the sandbox answers like
production, never touches live stock, and is never drained by integrators.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.inventory.repository import StockRepository
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import run_last
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import StockReservation


def expand(items: Iterable[tuple[int, int]], kits: Iterable[tuple[Mapping[int, int], int]]) -> dict[int, int]:
    """Units needed per item: direct (item_id, count) lines plus (kit contents, count) lines."""
    needed: Counter[int] = Counter()
    for item_id, count in items:
        needed[item_id] += count
    for contents, count in kits:
        for item_id, per_kit in contents.items():
            needed[item_id] += per_kit * count
    return dict(needed)


INSUFFICIENT = "insufficient_inventory"


async def _told_nothing(_site_id: int) -> None:
    """`allocate`'s default `on_site`, for a caller that need not know the site."""


async def allocate(
    session: AsyncSession,
    *,
    account_id: int,
    order_id: int,
    needed: dict[int, int],
    reserve: bool,
    on_site: Callable[[int], Awaitable[None]] = _told_nothing,
    refusal: Callable[[], InvalidInput] = lambda: InvalidInput("No fulfillment site has enough inventory.", code=INSUFFICIENT),
) -> None:
    """Find the fulfillment site that ships the order, tell `on_site`, and reserve
    the units there (a live order), or refuse (`refusal`, by default `insufficient_inventory`).

    Availability is checked now, without locks. The reservation itself runs last in
    the transaction (db.run_last): stock rows are the rows every order of the item
    writes, and a reservation holds its row locked until the commit. If another order
    took the units meanwhile, the next site able to ship is tried, then refused.
    """
    if not needed:
        return
    stock = StockRepository(session)
    free = await stock.free_units(sorted(needed), sandbox=not reserve)
    candidates = [site for site, levels in sorted(free.items()) if all(levels.get(i, 0) >= q for i, q in needed.items())]
    if not candidates:
        raise refusal()
    if not reserve:
        await on_site(candidates[0])
        return

    async def take_at_first_site_able() -> None:
        for site_id in candidates:
            if await _take_all_or_nothing(session, stock, site_id, needed):
                await stock.add_reservations(
                    StockReservation(
                        account_id=account_id, order_id=order_id, fulfillment_site_id=site_id, item_id=item_id,
                        quantity=needed[item_id], created_at=utcnow(),
                    )
                    for item_id in sorted(needed)
                )
                await on_site(site_id)
                return
            # another order got there first: try the next site
        raise refusal()

    await run_last(session, take_at_first_site_able)


async def _take_all_or_nothing(session: AsyncSession, stock: StockRepository, site_id: int, needed: dict[int, int]) -> bool:
    """Reserve every item at the site, or none of them."""
    if len(needed) == 1:  # one conditional UPDATE is all or nothing by itself: no savepoint needed
        ((item_id, quantity),) = needed.items()
        return await stock.take(site_id=site_id, item_id=item_id, quantity=quantity)
    savepoint = await session.begin_nested()
    for item_id in sorted(needed):
        if not await stock.take(site_id=site_id, item_id=item_id, quantity=needed[item_id]):
            await savepoint.rollback()  # undo the items already taken
            return False
    await savepoint.commit()
    return True


async def release(session: AsyncSession, *, order_id: int) -> None:
    """Give an order's reserved stock back (cancel)."""
    await _settle(session, order_id, StockRepository.give_back)


async def consume(session: AsyncSession, *, order_id: int) -> None:
    """The order has shipped: its reserved units leave the stock for good."""
    await _settle(session, order_id, StockRepository.consume)


async def _settle(session: AsyncSession, order_id: int, settle: Callable[..., Awaitable[None]]) -> None:
    """Close each open reservation once, settling its units with `settle`."""
    stock = StockRepository(session)
    now = utcnow()
    for reservation in await stock.open_reservations(order_id):
        await settle(stock, site_id=reservation.fulfillment_site_id, item_id=reservation.item_id, quantity=reservation.quantity)
        await stock.mark_released(reservation, at=now)


async def restock(session: AsyncSession, *, site_id: int, units: dict[int, int]) -> None:
    """Returned units, per item, back onto a site's shelf."""
    stock = StockRepository(session)
    for item_id in sorted(units):
        await stock.restock(site_id=site_id, item_id=item_id, quantity=units[item_id])
