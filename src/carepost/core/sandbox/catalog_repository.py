"""SQL for the sandbox's catalog: what an account may name in each of its APIs, in one mode."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.models import (
    Case,
    Drug,
    Item,
    Kit,
    MaskClinicSettings,
    MaskProduct,
    Patient,
    PaymentMethod,
    Pharmacy,
    RetailProduct,
    ShippingMethod,
    Site,
    Store,
)


class CatalogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def mask_types(self, account_id: int) -> list[dict[str, Any]]:
        settings = await self.session.get(MaskClinicSettings, account_id)
        allowed = list(settings.allowed_mask_types) if settings else []
        names = {p.mask_type: p.name for p in await self.session.scalars(select(MaskProduct).where(MaskProduct.mask_type.in_(allowed)))}
        return [{"mask_type": t, "name": names.get(t)} for t in allowed]

    async def device_items(self) -> list[dict[str, Any]]:
        sold_at_retail = exists().where(RetailProduct.item_id == Item.id)
        query = select(Item).where(Item.orderable.is_(True), ~sold_at_retail).order_by(Item.id)
        return [{"id": i.id, "sku": i.sku, "name": i.name, "serialized": i.serialized} for i in await self.session.scalars(query)]

    async def kits(self) -> list[dict[str, Any]]:
        query = select(Kit).where(Kit.archived.is_(False)).order_by(Kit.id)
        return [{"id": k.id, "name": k.name, "loaner": k.loaner} for k in await self.session.scalars(query)]

    async def patients(self, scope: Scope) -> list[dict[str, Any]]:
        """Ids only (and the partner's own identifier): names are patient data."""
        query = select(Patient.id, Patient.external_identifier).where(
            Patient.account_id == scope.account_id, Patient.mode == scope.mode, Patient.archived.is_(False)
        )
        return [{"id": i, "external_identifier": e} for i, e in await self.session.execute(query.order_by(Patient.id).limit(100))]

    async def sites(self, scope: Scope) -> list[dict[str, Any]]:
        query = select(Site).where(Site.account_id == scope.account_id, Site.mode == scope.mode, Site.active.is_(True)).order_by(Site.id)
        return [{"id": s.id, "name": s.name} for s in await self.session.scalars(query)]

    async def retail_products(self) -> list[dict[str, Any]]:
        query = select(Item, RetailProduct).join(RetailProduct, RetailProduct.item_id == Item.id).where(Item.orderable.is_(True))
        return [
            {"id": i.id, "name": i.name, "price": str(p.price), "iva_rate": str(p.iva_rate), "requires_prescription": p.requires_prescription}
            for i, p in await self.session.execute(query.order_by(Item.id))
        ]

    async def payment_methods(self, account_id: int) -> list[dict[str, Any]]:
        query = select(PaymentMethod).where(PaymentMethod.account_id == account_id, PaymentMethod.active.is_(True)).order_by(PaymentMethod.id)
        return [{"id": m.id, "name": m.name, "kind": m.kind} for m in await self.session.scalars(query)]

    async def shipping_methods(self) -> list[dict[str, Any]]:
        query = select(ShippingMethod).where(ShippingMethod.active.is_(True)).order_by(ShippingMethod.id)
        return [{"id": m.id, "name": m.name, "zip_prefixes": m.zip_prefixes} for m in await self.session.scalars(query)]

    async def stores(self) -> list[dict[str, Any]]:
        return [{"id": s.id, "name": s.name} for s in await self.session.scalars(select(Store).where(Store.active.is_(True)).order_by(Store.id))]

    async def cases(self, scope: Scope) -> list[dict[str, Any]]:
        query = select(Case.public_id).where(Case.account_id == scope.account_id, Case.mode == scope.mode)
        return [{"id": public_id} for public_id in await self.session.scalars(query.order_by(Case.id).limit(100))]

    async def pharmacies(self) -> list[dict[str, Any]]:
        query = select(Pharmacy).where(Pharmacy.active.is_(True)).order_by(Pharmacy.id)
        return [{"id": p.code, "name": p.name} for p in await self.session.scalars(query)]

    async def drugs(self) -> list[dict[str, Any]]:
        query = select(Drug).where(Drug.active.is_(True)).order_by(Drug.id)
        return [{"id": d.code, "name": d.name, "controlled": d.controlled} for d in await self.session.scalars(query)]
