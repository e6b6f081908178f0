"""What every new order starts with, whatever its flow: the key that placed it,
that key's mode, its dialect, the first state of its lifecycle, and the time."""

from __future__ import annotations

from typing import Any

from carepost.core.accounts.service import Caller
from carepost.core.kit.clock import utcnow
from carepost.core.models import Order
from carepost.core.orders.lifecycle import Lifecycle


def new_order(caller: Caller, *, dialect: str, lifecycle: Lifecycle, **details: Any) -> Order:
    """An unsaved order; `details` are the flow's own columns (recipient, addresses, attributes…)."""
    now = utcnow()
    return Order(
        account_id=caller.account_id,
        api_key_id=caller.api_key_id,
        mode=caller.mode,
        dialect=dialect,
        flow=lifecycle.flow,
        status=lifecycle.initial,
        placed_at=now,
        updated_at=now,
        **details,
    )
