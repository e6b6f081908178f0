"""Every resource Carepost serves, for orders of all four flows in both modes, parses and
validates as R4B; a read answers what the search found; a key sees its own mode only."""

from __future__ import annotations

import pytest

from tests.fhir.helpers import EVERY_FLOW, every_resource, fhir_get, validated

TYPES = ("Patient", "Practitioner", "Organization", "Location", "MedicationRequest", "DeviceRequest", "Device", "Task", "DocumentReference")


@pytest.mark.parametrize("orders", EVERY_FLOW, ids=lambda f: f.__name__)
async def test_every_resource_of_every_flow_validates_and_reads_back_in_its_own_mode_only(client, db, settings, orders):
    placed = await orders(client, db, settings)
    seen: dict[str, dict[str, set[str]]] = {}
    for mode, key in placed.keys.items():
        seen[mode] = {}
        for type_name in TYPES:
            found = await every_resource(client, type_name, key, _count=2)
            seen[mode][type_name] = {r["id"] for r in found}
            for resource in found:
                read = await fhir_get(client, f"{type_name}/{resource['id']}", key)
                assert read.status_code == 200 and read.json() == validated(resource)
                for content in resource.get("content", []):  # a DocumentReference's file, with the same key
                    attachment = content["attachment"]
                    downloaded = await client.get(attachment["url"], headers={"Authorization": f"Bearer {key}"})
                    assert downloaded.status_code == 200 and downloaded.headers["content-type"].startswith(attachment["contentType"])
                    assert len(downloaded.content) > 100
                    other_mode = await client.get(attachment["url"], headers={"Authorization": f"Bearer {placed.keys['live' if mode == 'test' else 'test']}"})
                    assert other_mode.status_code == 404 and other_mode.json()["resourceType"] == "OperationOutcome"
    assert {t for mode in seen for t, ids in seen[mode].items() if ids} == placed.types
    assert {t for t, ids in seen["live"].items() if ids} >= {"Patient", "Organization", "Task"}
    for type_name in ("Patient", "MedicationRequest", "DeviceRequest", "Device", "Task", "DocumentReference"):
        assert not seen["test"][type_name] & seen["live"][type_name]
        for resource_id in seen["test"][type_name]:
            other_mode = await fhir_get(client, f"{type_name}/{resource_id}", placed.keys["live"])
            assert other_mode.status_code == 404
            assert other_mode.json()["issue"][0]["code"] == "not-found"
