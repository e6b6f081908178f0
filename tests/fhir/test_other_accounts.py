"""Another account's ids look like unknown ones: 404, for every type, in every flow."""

from __future__ import annotations

import pytest

from tests.fhir.helpers import EVERY_FLOW, every_resource, fhir_get
from tests.fhir.test_resources import TYPES

# Rows every account of a flow shares (the pharmacy network, the pick-up stores) are no account's own.
SHARED = ("network-", "store-", "fulfillment-")


@pytest.mark.parametrize("orders", EVERY_FLOW, ids=lambda f: f.__name__)
async def test_another_accounts_resources_are_not_found(client, db, settings, orders):
    mine, theirs = await orders(client, db, settings), await orders(client, db, settings)
    checked: set[str] = set()
    for mode in ("test", "live"):
        for type_name in TYPES:
            for resource in await every_resource(client, type_name, theirs.keys[mode]):
                if resource["id"].startswith(SHARED):
                    continue
                answer = await fhir_get(client, f"{type_name}/{resource['id']}", mine.keys[mode])
                assert answer.status_code == 404, f"{type_name}/{resource['id']}"
                assert answer.json()["issue"][0]["code"] == "not-found"
                checked.add(type_name)
    assert checked == theirs.types - ({"Location"} if theirs.flow == "pharmacy" else set())  # the stores are everyone's
