"""SQL for the masks flow: clinic settings, products, scans, production."""

from __future__ import annotations

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.ids import fupc as new_fupc
from carepost.core.kit.lean import LeanStatement, Runner, columns_of, detached, detached_or_none
from carepost.core.models import MaskClinicSettings, MaskProduct, MaskProduction, MaskScan, MaskScanFile, Order

_FUPC_ATTEMPTS = 5


_SETTINGS = LeanStatement(select(*columns_of(MaskClinicSettings)).where(MaskClinicSettings.account_id == bindparam("account_id")))


class MaskSettingsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, account_id: int) -> MaskClinicSettings | None:
        return await self.session.get(MaskClinicSettings, account_id)

    async def read(self, account_id: int) -> MaskClinicSettings | None:
        """The settings, detached, for reading (every create asks: lean.py)."""
        row = await _SETTINGS.first(self.session, account_id=account_id)
        return None if row is None else detached(MaskClinicSettings, row)

    async def save(self, settings: MaskClinicSettings) -> None:
        await self.session.merge(settings)
        await self.session.flush()


class MaskProductRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, mask_type: str) -> MaskProduct | None:
        return await self.session.get(MaskProduct, mask_type)

    async def save(self, product: MaskProduct) -> None:
        await self.session.merge(product)
        await self.session.flush()


_LATEST_SCAN = select(func.max(MaskScan.id)).where(MaskScan.order_id == Order.id).correlate(Order).scalar_subquery()

# The status read of every poll, in one round trip: the order (placed with this key),
# its latest scan and its production record.
_ORDER_VIEW = LeanStatement(
    select(*columns_of(Order), *columns_of(MaskScan), *columns_of(MaskProduction))
    .outerjoin(MaskScan, MaskScan.id == _LATEST_SCAN)
    .outerjoin(MaskProduction, MaskProduction.order_id == Order.id)
    .where(
        Order.account_id == bindparam("account_id"),
        Order.api_key_id == bindparam("api_key_id"),
        Order.public_id == bindparam("public_id"),
    )
)

# Where each model's columns start in a row of _ORDER_VIEW.
_SCAN_STARTS = len(columns_of(Order))
_PRODUCTION_STARTS = _SCAN_STARTS + len(columns_of(MaskScan))


async def order_view(
    on: Runner, *, account_id: int, api_key_id: int, public_id: str
) -> tuple[Order, MaskScan | None, MaskProduction | None] | None:
    """An order placed with this key, its latest scan and its production, detached
    (for reading: lean.py), on a session or a bare connection."""
    row = await _ORDER_VIEW.first(on, account_id=account_id, api_key_id=api_key_id, public_id=public_id)
    if row is None:
        return None
    order = detached(Order, row[:_SCAN_STARTS])
    scan = detached_or_none(MaskScan, row[_SCAN_STARTS:_PRODUCTION_STARTS])
    production = detached_or_none(MaskProduction, row[_PRODUCTION_STARTS:])
    return order, scan, production


class ProductionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def latest_scan(self, order_id: int) -> MaskScan | None:
        return await self.session.scalar(
            select(MaskScan).where(MaskScan.order_id == order_id).order_by(MaskScan.id.desc()).limit(1)
        )

    async def add_scan(self, scan: MaskScan) -> MaskScan:
        self.session.add(scan)
        await self.session.flush()
        return scan

    async def production(self, order_id: int) -> MaskProduction | None:
        return await self.session.get(MaskProduction, order_id)

    async def production_or_new(self, *, order_id: int, account_id: int) -> MaskProduction:
        """The order's production record, created on first use."""
        existing = await self.production(order_id)
        if existing is not None:
            return existing
        production = MaskProduction(order_id=order_id, account_id=account_id)
        self.session.add(production)
        await self.session.flush()
        return production

    async def assign_fupc(self, production: MaskProduction) -> str:
        """A FUPC unique across the whole system, drawn again on the rare collision."""
        for attempt in range(1, _FUPC_ATTEMPTS + 1):
            candidate = new_fupc()
            try:
                async with self.session.begin_nested():
                    production.fupc = candidate
                    await self.session.flush()
                return candidate
            except IntegrityError:
                if attempt == _FUPC_ATTEMPTS:
                    raise
        return candidate


class MaskLookupRepository:
    """Finding a clinic's mask order by what is printed on the mask or its paperwork."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _clinic_orders(self, *, account_id: int, mode: str):
        return select(Order).where(Order.account_id == account_id, Order.mode == mode, Order.dialect == "masks")

    async def by_fupc(self, *, account_id: int, mode: str, fupc: str) -> Order | None:
        query = self._clinic_orders(account_id=account_id, mode=mode).join(MaskProduction, MaskProduction.order_id == Order.id)
        return await self.session.scalar(query.where(MaskProduction.fupc == fupc))

    async def by_scan(self, *, account_id: int, mode: str, scan_id: str) -> Order | None:
        query = self._clinic_orders(account_id=account_id, mode=mode).join(MaskScan, MaskScan.order_id == Order.id)
        return await self.session.scalar(query.where(MaskScan.public_id == scan_id))

    async def by_order(self, *, account_id: int, mode: str, public_id: str) -> Order | None:
        return await self.session.scalar(self._clinic_orders(account_id=account_id, mode=mode).where(Order.public_id == public_id))


class ScanFileRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def order_for_portal(self, public_id: str) -> Order | None:
        """The portal link carries no key: the order id and the patient's e-mail are the credential."""
        query = select(Order).where(Order.public_id == public_id, Order.dialect == "masks").with_for_update()
        return await self.session.scalar(query)

    async def files(self, order_id: int) -> list[MaskScanFile]:
        return list(await self.session.scalars(select(MaskScanFile).where(MaskScanFile.order_id == order_id)))

    async def get(self, order_id: int, kind: str) -> MaskScanFile | None:
        return await self.session.get(MaskScanFile, (order_id, kind))

    async def save(self, scan_file: MaskScanFile) -> None:
        await self.session.merge(scan_file)
        await self.session.flush()

    async def clear(self, order_id: int) -> list[str]:
        """Take every file off the order (a rejected scan's); returns their storage keys."""
        query = delete(MaskScanFile).where(MaskScanFile.order_id == order_id).returning(MaskScanFile.storage_key)
        return list(await self.session.scalars(query))
