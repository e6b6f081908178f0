"""Looking a mask up by what is printed on it: scoped to the clinic (any of its
keys of the same mode), audited, and silent about other clinics' masks."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.audit.service import record_access
from carepost.core.kit.errors import NotFound
from carepost.core.manufacturing.barcodes import ParsedBarcode
from carepost.core.manufacturing.repository import MaskLookupRepository
from carepost.core.manufacturing.views import MaskOrderView, view_of
from carepost.core.models import Order

REQUEST_TYPES = ("summary", "patient", "clinical", "manufacturing", "qa", "udi", "order", "full")


async def look_up(session: AsyncSession, *, caller: Caller, barcode: ParsedBarcode, request_id: str, action: str) -> MaskOrderView:
    caller.require_dialect("masks")
    order = await _resolve(MaskLookupRepository(session), caller, barcode)
    view = await view_of(session, order) if order is not None else None
    # A GS1 string names a device too: a lot printed with another product's GTIN is not this mask.
    if view is None or (barcode.gs1 and view.production and view.production.gtin != barcode.gs1.gtin):
        raise NotFound("No mask with this code belongs to your clinic.", code="mask_not_found")
    await record_access(
        session, account_id=caller.account_id, api_key_id=caller.api_key_id, order_id=view.order.id, action=action, request_id=request_id
    )
    return view


async def _resolve(repository: MaskLookupRepository, caller: Caller, barcode: ParsedBarcode) -> Order | None:
    account_id, mode = caller.account_id, caller.mode
    if barcode.scan_id:
        return await repository.by_scan(account_id=account_id, mode=mode, scan_id=barcode.scan_id)
    if barcode.order_id:
        return await repository.by_order(account_id=account_id, mode=mode, public_id=barcode.order_id)
    assert barcode.fupc is not None
    return await repository.by_fupc(account_id=account_id, mode=mode, fupc=barcode.fupc)
