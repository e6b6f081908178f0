"""FHIR Bulk Data export (`$export`, docs/fhir.md): a job the request opens and the worker runs,
writing one NDJSON file per resource type into the document store, streamed batch by batch
(an account of 100,000 orders never sits in memory), and forgotten with its files when it
expires (a delayed outbox message: no sweep to schedule).

Kick-off, status and files follow the Bulk Data Access IG (v2): 202 with a status URL, 202 with
progress while it runs, 200 with the manifest, DELETE to cancel."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.repository import AccountRepository
from carepost.core.accounts.service import Caller, Scope
from carepost.core.documents.port import DocumentStore
from carepost.core.fhir import service
from carepost.core.fhir.criteria import Bound, Criteria, instant_bound
from carepost.core.fhir.export_repository import ExportRepository
from carepost.core.fhir.types import TYPES
from carepost.core.kit import json_text
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.kit.text import has_control_characters
from carepost.core.models import FhirExport
from carepost.core.outbox.writer import publish

log = logging.getLogger("carepost.fhir.export")

TOPIC, EXPIRED_TOPIC = "fhir.export", "fhir.export_expired"
ACCEPTED, RUNNING, COMPLETED, FAILED = "accepted", "in-progress", "completed", "failed"
NDJSON_FORMATS = frozenset({"application/fhir+ndjson", "application/ndjson", "ndjson"})
PARAMETERS = frozenset({"_type", "_since", "_outputFormat"})
BATCH = 500  # resources read, rendered and written at a time
LARGEST_FILE = 64 * 2**30  # no real account comes near it; the store's upload wants a bound


@dataclass(frozen=True)
class Wanted:
    types: tuple[str, ...] | None  # None: every type served to the account
    since: datetime | None


def parse(pairs: Sequence[tuple[str, str]]) -> Wanted:
    types: tuple[str, ...] | None = None
    since = None
    for name, value in pairs:
        if name not in PARAMETERS or has_control_characters(value) or len(value) > 500:
            raise InvalidInput(f"$export takes {', '.join(sorted(PARAMETERS))}; {name[:40]!r} is not one of them, or is malformed.", code="unknown_parameter")
        if name == "_outputFormat" and value not in NDJSON_FORMATS:
            raise InvalidInput("_outputFormat must be application/fhir+ndjson.", code="unsupported_format")
        if name == "_type":
            types = (*(types or ()), *(t.strip() for t in value.split(",")))
            unknown = [t for t in types if t not in TYPES]
            if unknown:
                raise InvalidInput(f"_type names {unknown[0][:40]!r}, which this server does not serve.", code="unknown_type")
        if name == "_since":
            since = instant_bound(value)
    return Wanted(types, since)


async def request(session: AsyncSession, *, caller: Caller, wanted: Wanted, group: str | None, request_url: str, base_url: str, hours: float) -> FhirExport:
    """Open a job in the request's transaction, and queue its work and its expiry."""
    if group is not None and group not in caller.dialects:
        raise NotFound(f"Group/{group[:40]} is not known.", code="resource_not_found")
    dialects = frozenset({group}) if group else caller.dialects
    served = [t for t in TYPES if service.sources(dialects, t)]
    types = [t for t in served if wanted.types is None or t in wanted.types]
    now = utcnow()
    export = FhirExport(
        public_id=uuid.uuid4().hex,
        account_id=caller.account_id,
        api_key_id=caller.api_key_id,
        mode=caller.mode,
        status=ACCEPTED,
        types=types,
        since=wanted.since,
        group_id=group,
        request_url=request_url[:2048],
        base_url=base_url[:512],
        files=[],
        requested_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    await ExportRepository(session).add(export)
    await publish(session, topic=TOPIC, payload={"export_id": export.id}, account_id=caller.account_id)
    await publish(session, topic=EXPIRED_TOPIC, payload={"export_id": export.id}, account_id=caller.account_id, delay=timedelta(hours=hours))
    return export


async def of_scope(session: AsyncSession, scope: Scope, public_id: str) -> FhirExport:
    """A job of this account and mode that has not expired, or NotFound."""
    found = await ExportRepository(session).of_scope(scope, public_id[:32])
    if found is None or found.expires_at <= utcnow():
        raise NotFound("This export is not known, or has expired.", code="export_not_found")
    return found


async def cancel(session: AsyncSession, export: FhirExport) -> None:
    """`DELETE` of the status URL: the job is gone for its client at once; the worker forgets it
    and its files (a run in progress stops at its next type)."""
    export.expires_at = utcnow()
    await publish(session, topic=EXPIRED_TOPIC, payload={"export_id": export.id}, account_id=export.account_id)


async def run(db: Database, export_id: int, store: DocumentStore) -> None:
    """The worker's part: every type's NDJSON file, then the manifest's list of them."""
    async with db.transaction() as session:
        export = await ExportRepository(session).get(export_id, lock=True)
        if export is None or export.status not in (ACCEPTED, RUNNING):
            return
        export.status = RUNNING
        scope, types, group = Scope(export.account_id, export.mode), list(export.types), export.group_id
        criteria = Criteria(base_url=export.base_url, updated=(Bound(export.since + timedelta(microseconds=1), None),) if export.since else ())
        dialects = frozenset({group}) if group else frozenset(await AccountRepository(session).dialects(export.account_id))
    files = []
    try:
        for number, type_name in enumerate(types):
            key, counted = f"fhir-exports/{export.public_id}/{number}-{type_name}.ndjson", [0]
            await store.put_stream(key, _ndjson(db, scope, dialects, type_name, criteria, counted), max_bytes=LARGEST_FILE)
            if counted[0]:
                files.append({"type": type_name, "key": key, "count": counted[0]})
            else:  # Bulk Data: a type with nothing to export has no file
                await store.delete(key)
            if not await _progressed(db, export_id, f"{number + 1} of {len(types)} types"):
                await _delete_files(store, files)  # cancelled meanwhile
                return
    except Exception:
        log.exception("fhir export failed")
        async with db.transaction() as session:
            failed = await ExportRepository(session).get(export_id, lock=True)
            if failed is not None:
                failed.status = FAILED
        await _delete_files(store, files)
        return
    async with db.transaction() as session:
        done = await ExportRepository(session).get(export_id, lock=True)
        if done is None:
            await _delete_files(store, files)
            return
        done.status, done.files, done.completed_at, done.progress = COMPLETED, files, utcnow(), None


async def forget(db: Database, export_id: int, store: DocumentStore) -> None:
    """An expired or cancelled job goes, with its files."""
    async with db.transaction() as session:
        export = await ExportRepository(session).get(export_id)
        if export is None:
            return
        files = list(export.files)
        await ExportRepository(session).remove(export_id)
    await _delete_files(store, files)


async def _ndjson(db: Database, scope: Scope, dialects: frozenset[str], type_name: str, criteria: Criteria, counted: list[int]) -> AsyncIterator[bytes]:
    async for batch in service.batches(db, scope=scope, dialects=dialects, type_name=type_name, criteria=criteria, size=BATCH):
        counted[0] += len(batch)
        yield b"".join(json_text.dumps(resource) + b"\n" for resource in batch)


async def _progressed(db: Database, export_id: int, progress: str) -> bool:
    async with db.transaction() as session:
        export = await ExportRepository(session).get(export_id, lock=True)
        if export is None:
            return False
        export.progress = progress
        return True


async def _delete_files(store: DocumentStore, files: list[dict[str, object]]) -> None:
    for file in files:
        await store.delete(str(file["key"]))
