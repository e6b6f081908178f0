"""A pharmacy order's invoice, asked for later (contract 001's request-invoice): up to
3 days after the order was created, never for an order of a past month (months as
they run in Mexico City, where the CFDI is dated), never for a cancelled order or
one already invoiced. The receiver is checked as at create, or — "simply by sending the
ID of the corresponding invoicing information" — taken from an earlier invoice of the
same patient, as it was checked then."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.invoicing import requesting
from carepost.core.invoicing.receiver import InvoicingIn, Receiver
from carepost.core.invoicing.repository import InvoiceRepository
from carepost.core.kit.errors import InvalidInput
from carepost.core.orders import events
from carepost.core.retail.order_repository import DIALECT
from carepost.core.retail.reading import RetailOrderView, get_order

REQUEST_WINDOW = timedelta(days=3)
FISCAL_TIME_ZONE = ZoneInfo("America/Mexico_City")
_OPEN = (requesting.PENDING, requesting.STAMPED, requesting.CANCELLING)


async def request_invoice(
    session: AsyncSession, *, caller: Caller, order_id: int, given: InvoicingIn | int, now: datetime
) -> RetailOrderView:
    caller.require_dialect(DIALECT)
    caller.require_write()
    view = await get_order(session, scope=caller.scope, order_id=order_id, lock=True)
    order = view.order
    existing = await InvoiceRepository(session).for_order(order.id, lock=True)
    _check_may_request(order.status, order.placed_at, existing.status if existing else None, now)
    if isinstance(given, int):
        receiver = await _receiver_of(session, caller, given, patient_id=order.patient_id)
    else:
        receiver = await requesting.check(session, account_id=caller.account_id, given=given)
    await requesting.open_invoice(session, order, receiver, actor=events.api_key_actor(caller.api_key_id), existing=existing)
    return await get_order(session, scope=caller.scope, order_id=order.id)


async def _receiver_of(session: AsyncSession, caller: Caller, invoice_id: int, *, patient_id: int | None) -> Receiver:
    """The invoicing information an earlier invoice of this order's patient was asked with."""
    found = None
    if patient_id is not None:
        found = await InvoiceRepository(session).of_patient(
            invoice_id, account_id=caller.account_id, mode=caller.mode, patient_id=patient_id
        )
    if found is None:  # DRF's PrimaryKeyRelatedField; another patient's or account's alike
        raise InvalidInput(f'Invalid pk "{invoice_id}" - object does not exist.', field="invoicing")
    return Receiver(**found.receiver)


def _check_may_request(status: str, placed_at: datetime, invoice_status: str | None, now: datetime) -> None:
    if status == "cancelled":
        raise _refusal("A cancelled order cannot request an invoice.", "order_cancelled")
    if invoice_status in _OPEN:
        raise _refusal("This order already has an invoice.", "already_invoiced")
    if now - placed_at > REQUEST_WINDOW:
        raise _refusal("An invoice can only be requested up to 3 days after the order was created.", "invoice_window_closed")
    placed, today = placed_at.astimezone(FISCAL_TIME_ZONE), now.astimezone(FISCAL_TIME_ZONE)
    if (placed.year, placed.month) != (today.year, today.month):
        raise _refusal("Orders of past months cannot request an invoice.", "invoice_past_month")


def _refusal(message: str, code: str) -> InvalidInput:
    return InvalidInput(message, code=code, field="non_field_errors")
