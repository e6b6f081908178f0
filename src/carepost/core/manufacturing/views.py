"""A mask order as clinics and the portal see it: the order, its scan, its production."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.manufacturing.repository import ProductionRepository
from carepost.core.models import MaskProduction, MaskScan, Order


@dataclass(frozen=True)
class MaskOrderView:
    order: Order
    scan: MaskScan | None
    production: MaskProduction | None


def patient_first_name(order: Order) -> str:
    """How the patient is greeted: the ship-to first name, else the first word of their name."""
    return (order.shipping_address or {}).get("first_name") or order.recipient["name"].split()[0]


async def view_of(session: AsyncSession, order: Order) -> MaskOrderView:
    production = ProductionRepository(session)
    return MaskOrderView(
        order=order, scan=await production.latest_scan(order.id), production=await production.production(order.id)
    )
