"""The OpenAPI document names what a client generator turns into code: one short operation
id per operation (`masks_create_order`), and one component per model, never two of a name."""

from __future__ import annotations

import re


async def test_operation_ids_are_short_unique_and_prefixed_by_their_api(client) -> None:
    document = (await client.get("/openapi.json")).json()
    ids = [operation["operationId"] for operations in document["paths"].values() for operation in operations.values()]

    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", name) for name in ids), [n for n in ids if "api_" in n]
    assert {"masks_create_order", "devices_create_order", "pharmacy_create_order", "cases_place_order", "pharmacy_list_orders"} <= set(ids)


async def test_models_of_one_name_in_two_dialects_get_their_dialects_prefix(client) -> None:
    document = (await client.get("/openapi.json")).json()
    schemas = document["components"]["schemas"]
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', str(document).replace("'", '"')))

    assert not [name for name in schemas if "__" in name]
    assert {"MasksCreateOrderIn", "PharmacyCreateOrderIn", "DevicesCreateOrderIn"} <= set(schemas)
    assert all(schemas[name].get("title", name) == name for name in ("MasksCreateOrderIn", "PharmacyOrderPage"))
    assert refs <= set(schemas)  # every reference still lands
