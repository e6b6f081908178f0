"""Sites of an account: the customer's own locations, where patients belong and orders can go."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import Site
from carepost.core.patients.addresses import blank, check_address
from carepost.core.patients.repository import PatientRepository


@dataclass(frozen=True)
class SiteRef:
    """How a request names a site: by id, or (unusably) without one."""

    id: int | None


@dataclass(frozen=True)
class SiteIn:
    name: str | None
    address: dict[str, Any] | None
    phone_number: str | None = None
    active: bool = True


async def usable_site(session: AsyncSession, *, scope: Scope, ref: SiteRef) -> Site:
    """An active site of this account and mode, or the reason it can't be used."""
    if ref.id is None:
        raise InvalidInput("The site could not be identified.", code="site_unidentified")
    site = await PatientRepository(session).site(scope, ref.id)
    if site is None:
        raise InvalidInput(f"Site {ref.id} not found.", code="site_not_found", site_id=ref.id)
    if not site.active:
        raise InvalidInput(f"Site {ref.id} is not active.", code="site_not_active", site_id=ref.id)
    return site


async def create_site(session: AsyncSession, *, scope: Scope, site_in: SiteIn) -> Site:
    site = Site(account_id=scope.account_id, mode=scope.mode)
    _apply(site, site_in)
    await PatientRepository(session).add(site)
    return site


async def update_site(session: AsyncSession, *, scope: Scope, site_id: int, site_in: SiteIn) -> Site:
    site = await get_site(session, scope=scope, site_id=site_id, lock=True)
    _apply(site, site_in)
    await session.flush()
    return site


async def deactivate_site(session: AsyncSession, *, scope: Scope, site_id: int) -> Site:
    """A site is archived by making it inactive: it stays readable, takes no new orders or patients."""
    site = await get_site(session, scope=scope, site_id=site_id, lock=True)
    site.active = False
    await session.flush()
    return site


async def get_site(session: AsyncSession, *, scope: Scope, site_id: int, lock: bool = False) -> Site:
    site = await PatientRepository(session).site(scope, site_id, lock=lock)
    if site is None:
        raise NotFound("No such site.", code="unknown_site")
    return site


async def list_sites(session: AsyncSession, *, scope: Scope, active: bool | None, page: PageRequest) -> Page[Site]:
    return await PatientRepository(session).site_page(scope, page, active=active)


def _apply(site: Site, site_in: SiteIn) -> None:
    if blank(site_in.name):
        raise InvalidInput("A site needs a name.", code="site_name_blank", field="name")
    site.name = (site_in.name or "").strip()
    site.address = check_address(site_in.address)
    site.phone_number = site_in.phone_number
    site.active = site_in.active


async def ensure_site(session: AsyncSession, *, scope: Scope, site_in: SiteIn) -> Site:
    """The site with this name, created or brought to `site_in` (the tenant file's match)."""
    existing = await PatientRepository(session).site_named(scope, (site_in.name or "").strip())
    if existing is None:
        return await create_site(session, scope=scope, site_in=site_in)
    return await update_site(session, scope=scope, site_id=existing.id, site_in=site_in)
