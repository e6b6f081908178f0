"""A search's answer: a `searchset` Bundle with its total, the matches and what `_include`
brought, and self/next/previous links that page with `_offset`."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from carepost.core.fhir.criteria import Paging
from carepost.core.fhir.service import Found


def searchset(base: str, type_name: str, pairs: list[tuple[str, str]], paging: Paging, found: Found) -> dict[str, Any]:
    kept = [(name, value) for name, value in pairs if name not in ("_offset", "_count")]

    def page_url(offset: int) -> str:
        return f"{base}/{type_name}?{urlencode([*kept, ('_count', str(paging.count)), ('_offset', str(offset))])}"

    links = [{"relation": "self", "url": page_url(paging.offset)}]
    if paging.count and paging.offset + paging.count < found.total:
        links.append({"relation": "next", "url": page_url(paging.offset + paging.count)})
    if paging.offset > 0:
        links.append({"relation": "previous", "url": page_url(max(paging.offset - paging.count, 0))})
    entries = [_entry(base, resource, "match") for resource in found.resources]
    entries += [_entry(base, resource, "include") for resource in found.included]
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "total": found.total, "link": links}
    if entries:
        bundle["entry"] = entries
    return bundle


def _entry(base: str, resource: dict[str, Any], mode: str) -> dict[str, Any]:
    return {"fullUrl": f"{base}/{resource['resourceType']}/{resource['id']}", "resource": resource, "search": {"mode": mode}}
