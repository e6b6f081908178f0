"""How an order is named from outside: its public id (`ORD_…`, a cases order's id), or
the number partners see where their contract shows numeric ids (a flow `numbered`:
devices, pharmacy)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false

from carepost.core.flows.registry import flow_of
from carepost.core.kit.bounds import is_id
from carepost.core.models import Order


def named(reference: str) -> ColumnElement[bool]:
    """The condition an order named `reference` meets (no order, for a number past any id)."""
    if reference.isdecimal():
        return Order.id == int(reference) if len(reference) < 19 and is_id(int(reference)) else false()
    return Order.public_id == reference


def shown(order_id: int, public_id: str, flow: str) -> str:
    """The name its partners know it by."""
    return str(order_id) if flow_of(flow).numbered else public_id
