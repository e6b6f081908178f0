"""Serialized devices: where each one is, and the events of its life.

available (on a fulfillment site's shelf) -> packed (into an order) ->
shipped -> delivered (out with a patient or site) -> available again when
the return is received, now `used`. Cancelling a packed order puts its
devices back on the shelf.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.clock import utcnow
from carepost.core.models import Device, DeviceEvent


class DeviceState(StrEnum):
    AVAILABLE = "available"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"


# Still a fulfillment site's stock: on its shelf, or packed and not yet shipped.
ON_THE_SHELF = (DeviceState.AVAILABLE, DeviceState.PACKED)


async def move(session: AsyncSession, device: Device, state: DeviceState, *, event: str) -> None:
    device.status = state
    session.add(DeviceEvent(device_id=device.id, type=event, occurred_at=utcnow()))
    await session.flush()


async def shelve(session: AsyncSession, device: Device, *, site_id: int, event: str, used: bool) -> None:
    """Back on a fulfillment site's shelf, no longer with any customer."""
    device.fulfillment_site_id = site_id
    device.account_id = device.patient_id = device.site_id = None
    device.used = device.used or used
    await move(session, device, DeviceState.AVAILABLE, event=event)
