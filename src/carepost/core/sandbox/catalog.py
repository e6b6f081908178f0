"""The sandbox's catalog (`GET /api/sandbox/v1/catalog`): for an API key, the ids its account
may name in each of its APIs, in the key's mode — what a first order needs. Each flow
declares which of these readers is its own (`FlowSpec.catalog`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.flows.registry import flows
from carepost.core.sandbox.catalog_repository import CatalogRepository


async def of(session: AsyncSession, *, scope: Scope, dialects: frozenset[str]) -> dict[str, Any]:
    """dialect -> its entries, for each API the account uses."""
    return {spec.dialect: await spec.catalog(session, scope) for spec in flows() if spec.dialect in dialects and spec.catalog is not None}


async def masks(session: AsyncSession, scope: Scope) -> dict[str, Any]:
    return {"mask_types": await CatalogRepository(session).mask_types(scope.account_id)}


async def devices(session: AsyncSession, scope: Scope) -> dict[str, Any]:
    repository = CatalogRepository(session)
    return {
        "items": await repository.device_items(), "kits": await repository.kits(),
        "patients": await repository.patients(scope), "sites": await repository.sites(scope),
    }


async def pharmacy(session: AsyncSession, scope: Scope) -> dict[str, Any]:
    repository = CatalogRepository(session)
    return {
        "products": await repository.retail_products(), "payment_methods": await repository.payment_methods(scope.account_id),
        "shipping_methods": await repository.shipping_methods(), "stores": await repository.stores(),
    }


async def cases(session: AsyncSession, scope: Scope) -> dict[str, Any]:
    repository = CatalogRepository(session)
    return {"cases": await repository.cases(scope), "pharmacies": await repository.pharmacies(), "drugs": await repository.drugs()}
