"""An order's fulfilment as its Task (status, the flow's own status, tracking) and its documents
as DocumentReferences whose files download with the same key."""

from __future__ import annotations

import time

from carepost.worker import Worker
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.fhir.helpers import every_match, fhir_get, masks_orders


async def test_a_shipped_then_delivered_mask_is_a_task_with_its_tracking(client, db, settings):
    placed = await masks_orders(client, db, settings)  # its test order is labelled
    key, order_id = placed.keys["test"], placed.extra["order"]
    advance = f"/api/partner/v1/test_helpers/orders/{order_id}/advance"
    shipped = await client.post(advance, json={"action": "ship", "carrier": "fedex", "tracking_number": "7700 1234"}, headers={"X-Api-Key": key})
    assert shipped.status_code == 200, shipped.text

    [task] = await every_match(client, "Task", key)
    assert task["status"] == "in-progress" and task["businessStatus"]["text"] == "shipped"
    assert task["output"][0]["valueIdentifier"] == {"type": {"text": "fedex"}, "value": "7700 1234"}
    assert task["focus"] == {"reference": f"DeviceRequest/{task['id']}"} and task["for"] == {"reference": f"Patient/{task['id']}"}
    assert "end" not in task["executionPeriod"]
    assert await every_match(client, "Task", key, status="completed") == []

    assert (await client.post(advance, json={"action": "deliver"}, headers={"X-Api-Key": key})).status_code == 200
    [done] = await every_match(client, "Task", key, status="completed")
    assert done["id"] == task["id"] and done["executionPeriod"]["end"] == done["lastModified"]
    [request] = await every_match(client, "DeviceRequest", key, status="completed")
    assert request["id"] == task["id"]


async def test_a_cases_order_walked_by_the_worker_ends_completed_with_its_prescription_pdf(client, db, settings):
    world = await cases_world(db, settings.resolved_secret_key)
    placed = await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=world.headers())
    assert placed.status_code == 200, placed.text
    worker, deadline = Worker.for_settings(db, settings), time.monotonic() + 20
    while not await every_match(client, "Task", world.live_key, status="completed"):
        assert time.monotonic() < deadline, "the order did not reach the patient in time"
        await worker.run_once()

    [task] = await every_match(client, "Task", world.live_key)
    assert task["businessStatus"]["text"] == "delivered" and task["owner"]["reference"].startswith("Organization/network-")
    assert task["output"][0]["valueIdentifier"]["value"]  # the pharmacy's tracking
    [request] = await every_match(client, "MedicationRequest", world.live_key)
    assert request["status"] == "completed" and task["basedOn"] == [{"reference": f"MedicationRequest/{request['id']}"}]
    [document] = await every_match(client, "DocumentReference", world.live_key, patient=f"case-{world.live_case}")
    assert document["context"]["related"] == [{"reference": f"Task/{task['id']}"}] and document["subject"] == task["for"]
    attachment = document["content"][0]["attachment"]
    pdf = await client.get(attachment["url"], headers={"cv-api-key": world.live_key})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"].endswith(attachment["title"])
    by_order = await every_match(client, "DocumentReference", world.live_key, identifier=task["identifier"][0]["value"])
    assert by_order == [document]


async def test_a_document_search_must_name_a_patient_or_an_order(client, db, settings):
    world = await cases_world(db, settings.resolved_secret_key)
    answer = await fhir_get(client, "DocumentReference", world.live_key, status="current")
    assert answer.status_code == 400 and answer.json()["issue"][0]["code"] == "too-costly"
