"""FHIR Bulk Data export: kick-off, status, manifest and NDJSON files, for an account with orders
in every flow; _type and _since honoured; a group's export; files with the same key only; cancel."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

from carepost.adapters.documents import document_store
from carepost.core.accounts.service import authenticate
from carepost.core.fhir import export
from carepost.core.fhir.export_repository import ExportRepository
from carepost.worker import Worker
from tests.fhir.every_flow import every_flow_account
from tests.fhir.helpers import FHIR, validated

ASYNC = {"Prefer": "respond-async"}


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def kick_off(client, key: str, path: str = "$export", **params) -> str:
    answer = await client.get(f"{FHIR}/{path}", params=params, headers={**ASYNC, **auth(key)})
    assert answer.status_code == 202, answer.text
    return answer.headers["content-location"]


async def finished(client, worker: Worker, key: str, status_url: str) -> dict:
    """The manifest, once the worker has written every file (202 and its progress until then)."""
    deadline = time.monotonic() + 30
    while True:
        answer = await client.get(status_url, headers=auth(key))
        if answer.status_code == 200:
            return answer.json()
        assert answer.status_code == 202 and answer.headers["x-progress"], answer.text
        assert time.monotonic() < deadline, "the export did not finish in time"
        await worker.run_once()


async def lines_of(client, key: str, manifest: dict) -> dict[str, list[dict]]:
    found = {}
    for output in manifest["output"]:
        answer = await client.get(output["url"], headers=auth(key))
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/fhir+ndjson")
        resources = [json.loads(line) for line in answer.text.splitlines()]
        assert len(resources) == output["count"] and {r["resourceType"] for r in resources} == {output["type"]}
        found[output["type"]] = [validated(r) for r in resources]
    return found


@pytest.fixture
def worker(db, settings) -> Worker:
    return Worker.for_settings(db, settings)


async def test_an_account_of_every_flow_exports_every_resource_and_since_limits_it(client, db, settings, worker):
    account = await every_flow_account(client, db, settings)
    key = account.keys["test"]
    manifest = await finished(client, worker, key, await kick_off(client, key))
    exported = await lines_of(client, key, manifest)

    assert manifest["requiresAccessToken"] is True and manifest["error"] == []
    assert {"Patient", "Practitioner", "Organization", "MedicationRequest", "DeviceRequest", "Task", "DocumentReference", "Group"} <= set(exported)
    tasks = {t["identifier"][0]["value"] for t in exported["Task"]}
    assert tasks >= {account.orders["masks"], account.orders["cases"]} and len(tasks) == 4  # one per flow's order
    assert {r["id"].split("-")[0] for r in exported["MedicationRequest"]} == {"pharmacy", "cases"}
    assert {r["id"].split("-")[0] for r in exported["DeviceRequest"]} == {"masks", "devices"}
    documents = exported["DocumentReference"]  # the pharmacy's prescription (the cases PDF is the worker's, made by now)
    assert any(d["id"].startswith("pharmacy-") for d in documents)
    download = await client.get(documents[0]["content"][0]["attachment"]["url"], headers=auth(key))
    assert download.status_code == 200

    later = (datetime.now(UTC) + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    nothing_new = await finished(client, worker, key, await kick_off(client, key, _since=later))
    kinds = {o["type"] for o in nothing_new["output"]}
    assert not kinds & {"Patient", "MedicationRequest", "DeviceRequest", "Task", "DocumentReference", "Practitioner"}

    only = await finished(client, worker, key, await kick_off(client, key, _type="MedicationRequest,Task"))
    assert {o["type"] for o in only["output"]} == {"MedicationRequest", "Task"}


async def test_a_group_export_holds_one_apis_resources_only(client, db, settings, worker):
    account = await every_flow_account(client, db, settings)
    key = account.keys["test"]
    group = await client.get(f"{FHIR}/Group/cases", headers=auth(key))
    assert group.status_code == 200 and validated(group.json())["type"] == "person"
    exported = await lines_of(client, key, await finished(client, worker, key, await kick_off(client, key, "Group/cases/$export")))
    assert {t["identifier"][0]["value"] for t in exported["Task"]} == {account.orders["cases"]}
    assert "DeviceRequest" not in exported


async def test_exports_and_their_files_belong_to_their_account_and_mode_and_can_be_cancelled(client, db, settings, worker):
    account, other = await every_flow_account(client, db, settings), await every_flow_account(client, db, settings)
    key = account.keys["test"]
    status_url = await kick_off(client, key)
    manifest = await finished(client, worker, key, status_url)
    file_url = manifest["output"][0]["url"]
    for stranger in (account.keys["live"], other.keys["test"]):
        assert (await client.get(status_url, headers=auth(stranger))).status_code == 404
        refused = await client.get(file_url, headers=auth(stranger))
        assert refused.status_code == 404 and refused.json()["resourceType"] == "OperationOutcome"
    assert (await client.delete(status_url, headers=auth(key))).status_code == 202
    assert (await client.get(status_url, headers=auth(key))).status_code == 404
    assert (await client.get(file_url, headers=auth(key))).status_code == 404


BAD_KICK_OFFS = [
    ({}, {}, "invalid"),  # no Prefer: respond-async
    (ASYNC, {"_type": "Observation"}, "invalid"),
    (ASYNC, {"_since": "yesterday"}, "invalid"),
    (ASYNC, {"_since": "2026-02-30T00:00:00Z"}, "invalid"),
    (ASYNC, {"_outputFormat": "application/fhir+json"}, "not-supported"),
    (ASYNC, {"_elements": "id"}, "not-supported"),
]


@pytest.mark.parametrize(("headers", "params", "issue"), BAD_KICK_OFFS)
async def test_bad_kick_offs_are_refused_with_an_operation_outcome(client, db, settings, headers, params, issue):
    account = await every_flow_account(client, db, settings)
    answer = await client.get(f"{FHIR}/$export", params=params, headers={**headers, **auth(account.keys["test"])})
    assert answer.status_code == 400, answer.text
    assert answer.json()["issue"][0]["code"] == issue
    unknown_group = await client.get(f"{FHIR}/Group/nope/$export", headers={**ASYNC, **auth(account.keys["test"])})
    assert unknown_group.status_code == 404


async def test_an_expired_export_is_forgotten_with_its_files(client, db, settings, worker):
    account = await every_flow_account(client, db, settings)
    async with db.transaction() as session:
        caller = await authenticate(session, secret=account.keys["test"])
        job = await export.request(
            session,
            caller=caller,
            wanted=export.Wanted(None, None),
            group=None,
            request_url="http://test/fhir/R4/$export",
            base_url="http://test/fhir/R4",
            hours=0,  # its expiry is due at once
        )
    store = document_store(settings)
    await export.run(db, job.id, store)  # the worker's first part, by hand: its files are written
    async with db.read() as session:
        files = [f["key"] for f in (await ExportRepository(session).get(job.id)).files]
    assert len(files) >= 5 and all([await store.get(key) for key in files])
    deadline = time.monotonic() + 30
    while True:  # then the worker forgets it (the expiry message was due as soon as it was queued)
        async with db.read() as session:
            gone = await ExportRepository(session).get(job.id) is None
        if gone:
            break
        assert time.monotonic() < deadline
        await worker.run_once()
    for key in files:
        with pytest.raises(FileNotFoundError):
            await store.get(key)
