"""Search and read across every source of a type that the caller's account uses, in one order:
the account's own Organization first, then each flow's sources in the registry's order. A page
is a window over that sequence; each source is counted (the Bundle's `total`) and paged in SQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.documents.port import DocumentStore
from carepost.core.fhir.criteria import Criteria, Paging
from carepost.core.fhir.documents import DocumentSource, download
from carepost.core.fhir.groups import GroupSource
from carepost.core.fhir.shared import ACCOUNT_ORGANIZATION
from carepost.core.fhir.source import Resource, Source
from carepost.core.fhir.types import TYPES, resource_type
from carepost.core.flows.documents import DocumentFile
from carepost.core.flows.registry import flows
from carepost.core.kit.db import Database
from carepost.core.kit.errors import InvalidInput, NotFound


@dataclass(frozen=True)
class Found:
    total: int
    resources: list[Resource]
    included: list[Resource]


def sources(dialects: frozenset[str] | None, type_name: str) -> list[Source]:
    """The sources of a type for an account using `dialects` (None: every registered flow's)."""
    if type_name == "Group":
        return [GroupSource(dialects)]
    found: list[Source] = [ACCOUNT_ORGANIZATION]
    for flow in flows():
        if dialects is None or flow.dialect in dialects:
            found += [source for source in flow.fhir if source not in found]
    return [source for source in found if source.type == type_name]


def served_types() -> list[str]:
    return [name for name in TYPES if sources(None, name)]


async def search(session: AsyncSession, *, scope: Scope, dialects: frozenset[str], type_name: str, criteria: Criteria, paging: Paging) -> Found:
    type_ = resource_type(type_name)
    unknown = [name for name in criteria.includes if name not in type_.includes]
    if unknown:
        takes = ", ".join(type_.includes) or "none"
        raise InvalidInput(f"_include={unknown[0][:60]} is not supported for {type_name} (it takes {takes}).", code="unknown_include")
    counted = [(source, await source.count(session, scope, criteria)) for source in sources(dialects, type_name)]
    resources: list[Resource] = []
    skip, wanted = paging.offset, paging.count
    for source, count in counted:
        if wanted <= 0:
            break
        if skip >= count:
            skip -= count
            continue
        page = await source.page(session, scope, criteria, skip, min(wanted, count - skip))
        resources += page
        skip, wanted = 0, wanted - len(page)
    fields = [type_.includes[name] for name in criteria.includes]
    included = await _included(session, scope, dialects, resources, fields, criteria.base_url)
    return Found(sum(count for _, count in counted), resources, included)


async def batches(db: Database, *, scope: Scope, dialects: frozenset[str], type_name: str, criteria: Criteria, size: int) -> AsyncIterator[list[Resource]]:
    """Every resource of a type, `size` at a time, each batch read in a short transaction of its
    own (a bulk export: no long-running read holding a snapshot for an hour)."""
    for source in sources(dialects, type_name):
        if isinstance(source, DocumentSource):
            async for batch in source.batches(db, scope, criteria, size):
                yield batch
            continue
        async with db.read(may_lag=True) as session:
            total = await source.count(session, scope, criteria)
        for offset in range(0, total, size):
            async with db.read(may_lag=True) as session:
                page = await source.page(session, scope, criteria, offset, size)
            if page:
                yield page


async def read(session: AsyncSession, *, scope: Scope, dialects: frozenset[str], type_name: str, resource_id: str, base_url: str = "") -> Resource:
    resource_type(type_name)
    for source in sources(dialects, type_name):
        found = await source.page(session, scope, Criteria(id=resource_id, base_url=base_url), 0, 1)
        if found:
            return found[0]
    raise NotFound(f"{type_name}/{resource_id[:64]} is not known.", code="resource_not_found")


async def binary(session: AsyncSession, *, scope: Scope, dialects: frozenset[str], resource_id: str, store: DocumentStore) -> DocumentFile:
    """The file a DocumentReference's attachment names (`Binary/<its id>`), with the same key."""
    for source in sources(dialects, "DocumentReference"):
        if isinstance(source, DocumentSource):
            found = await download(session, scope, source, resource_id, store)
            if found is not None:
                return found
    raise NotFound(f"Binary/{resource_id[:64]} is not known.", code="resource_not_found")


async def _included(
    session: AsyncSession, scope: Scope, dialects: frozenset[str], resources: list[Resource], fields: list[str], base_url: str
) -> list[Resource]:
    references = {r[field]["reference"] for r in resources for field in fields if isinstance(r.get(field), dict) and "reference" in r[field]}
    found = []
    for reference in sorted(references):
        type_name, _, resource_id = reference.partition("/")
        try:
            found.append(await read(session, scope=scope, dialects=dialects, type_name=type_name, resource_id=resource_id, base_url=base_url))
        except NotFound:
            continue  # a reference the caller may not follow (another mode's) is left out, not an error
    return found
