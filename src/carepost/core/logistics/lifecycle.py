"""The logistics (devices) lifecycle: confirm, pack, ship, deliver, and returns."""

from __future__ import annotations

from enum import StrEnum

from carepost.core.orders.lifecycle import Lifecycle

NAME = "logistics"  # the orders' `flow`


class DeviceStatus(StrEnum):
    """Logistics (devices) states, spelled as the devices contract's `currentStatus`."""

    RECONFIRM_ADDRESS = "reconfirmAddress"  # new: the ship-to address is confirmed before packing
    PROCESSING = "processing"  # address confirmed; waiting to be packed
    PACKED = "packed"  # kits packed, serialized devices assigned
    SHIPPED = "shipped"  # handed to the carrier, tracking numbers known
    DELIVERED = "delivered"
    AWAITING_RETURN = "awaitingReturn"  # a return-only order: the return label is out
    RETURN_RECEIVED = "returnReceived"  # the returned devices and items are back and restocked
    CANCELLED = "cancelled"


LOGISTICS = Lifecycle(
    flow=NAME,
    initial=DeviceStatus.RECONFIRM_ADDRESS,
    transitions={
        (DeviceStatus.RECONFIRM_ADDRESS, "reconfirm_address"): DeviceStatus.PROCESSING,
        (DeviceStatus.PROCESSING, "pack"): DeviceStatus.PACKED,
        (DeviceStatus.PACKED, "ship"): DeviceStatus.SHIPPED,
        (DeviceStatus.SHIPPED, "deliver"): DeviceStatus.DELIVERED,
        # Two-way orders: the returns come back after the delivery.
        (DeviceStatus.DELIVERED, "receive_returns"): DeviceStatus.RETURN_RECEIVED,
        # Return-only orders: nothing to pack; a return label goes out instead.
        (DeviceStatus.PROCESSING, "send_return_label"): DeviceStatus.AWAITING_RETURN,
        (DeviceStatus.AWAITING_RETURN, "receive_returns"): DeviceStatus.RETURN_RECEIVED,
        # Cancel releases reserved stock; possible until the order ships.
        **{
            (status, "cancel"): DeviceStatus.CANCELLED
            for status in (DeviceStatus.RECONFIRM_ADDRESS, DeviceStatus.PROCESSING, DeviceStatus.PACKED, DeviceStatus.AWAITING_RETURN)
        },
    },
)
