"""Shortcuts for masks API tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories import mask_order

ORDERS = "/api/partner/v1/orders"


async def place(client: httpx.AsyncClient, key: str, **overrides: Any) -> str:
    response = await client.post(ORDERS, json=mask_order(**overrides), headers={"X-Api-Key": key})
    assert response.status_code == 201, response.text
    return response.json()["data"]["vitacore_order_id"]


def status_url(order_id: str) -> str:
    return f"{ORDERS}/{order_id}/status"


def cancel_url(order_id: str) -> str:
    return f"{ORDERS}/{order_id}/cancel"
