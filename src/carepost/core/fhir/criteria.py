"""A FHIR search's parameters, read once into Criteria every source understands.

Unknown parameters are refused rather than ignored (FHIR lets a server ignore them; a client
that misspells `patient` would otherwise be served everything, which is worse for patient data
than an error)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from carepost.core.kit.bounds import start_of_day, start_of_next_day
from carepost.core.kit.errors import InvalidInput
from carepost.core.kit.text import has_control_characters

DEFAULT_COUNT = 20
LARGEST_COUNT = 100
# Past this, a client wants every resource: that is the bulk export ($export), not paging.
LARGEST_OFFSET = 10_000
LONGEST_VALUE = 200

# What every search takes besides its type's own parameters (capability.py).
PAGING = frozenset({"_count", "_offset", "_format"})
FORMATS = frozenset({"json", "application/json", "application/fhir+json"})
_DATE = re.compile(r"^(?P<prefix>eq|gt|ge|lt|le)?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?P<time>T.+)?)?)?$")


@dataclass(frozen=True)
class Bound:
    """The resource's lastUpdated is at or after `start` and before `end` (None: unbounded)."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class Criteria:
    id: str | None = None  # a resource's whole id (`masks-1234567890`)
    patient: str | None = None  # a Patient's id
    statuses: frozenset[str] | None = None  # the resource's own status codes, any of them
    updated: tuple[Bound, ...] = ()  # every one holds
    identifier_system: str | None = None
    identifier: str | None = None
    includes: tuple[str, ...] = field(default=())  # `MedicationRequest:patient`
    base_url: str = ""  # where this server answers: a document's download link (documents.py)

    def with_id(self, resource_id: str) -> Criteria:
        return replace(self, id=resource_id)


@dataclass(frozen=True)
class Paging:
    offset: int = 0
    count: int = DEFAULT_COUNT


def parse(pairs: Sequence[tuple[str, str]], *, searches: frozenset[str]) -> tuple[Criteria, Paging]:
    """`searches`: the parameters the resource type is searched by (capability.py), besides paging's."""
    criteria, offset, count = Criteria(), 0, DEFAULT_COUNT
    allowed = searches | PAGING
    for name, value in pairs:
        if has_control_characters(name) or has_control_characters(value) or len(value) > LONGEST_VALUE:
            raise InvalidInput(f"A parameter holds a control character or a value longer than {LONGEST_VALUE}.", code="invalid_parameter")
        if name not in allowed:
            raise InvalidInput(f"Unknown search parameter {name[:40]!r}; this type takes {', '.join(sorted(allowed))}.", code="unknown_parameter")
        if name == "_count":
            count = _number(name, value, 0, LARGEST_COUNT)
        elif name == "_offset":
            offset = _number(name, value, 0, LARGEST_OFFSET)
        elif name == "_format":
            if value not in FORMATS:
                raise InvalidInput("_format must be json: this server answers application/fhir+json only.", code="unsupported_format")
        elif name == "_lastUpdated":
            criteria = replace(criteria, updated=(*criteria.updated, _bound(value)))
        elif name == "_include":
            criteria = replace(criteria, includes=(*criteria.includes, value))
        else:
            criteria = _single(criteria, name, value)
    return criteria, Paging(offset, count)


def _single(criteria: Criteria, name: str, value: str) -> Criteria:
    if not value:
        raise InvalidInput(f"{name} needs a value.", code="invalid_parameter")
    if name == "_id":
        return replace(criteria, id=value)
    if name == "patient":
        return replace(criteria, patient=value.removeprefix("Patient/"))
    if name == "status":
        anyof = frozenset(value.split(","))  # a comma: any of them; the parameter repeated: each must hold
        return replace(criteria, statuses=anyof if criteria.statuses is None else criteria.statuses & anyof)
    system, bar, code = value.rpartition("|")
    return replace(criteria, identifier_system=system or None if bar else None, identifier=code)


def instant_bound(value: str) -> datetime:
    """A FHIR instant or date (`2026-12-01T00:00:00Z`, `2026-12-01`): where `_since` starts."""
    found = _DATE.match(value)
    if found is None or found["prefix"]:
        raise InvalidInput("_since must be a FHIR instant, such as 2026-12-01T00:00:00Z.", code="invalid_parameter")
    try:
        return _range(found)[0]
    except (ValueError, OverflowError):
        raise InvalidInput("_since is not a time that exists.", code="invalid_parameter") from None


def _number(name: str, value: str, low: int, high: int) -> int:
    if not value.isdecimal() or not low <= int(value[:12]) <= high:
        raise InvalidInput(f"{name} must be a whole number from {low} to {high}.", code="invalid_parameter")
    return int(value)


def _bound(value: str) -> Bound:
    """`ge2026-01-01`, `lt2026-02`, `2026-03-04T10:00:00Z`: FHIR's date search, as a range of the
    value's own precision (a day means the whole day, UTC)."""
    found = _DATE.match(value)
    if found is None:
        raise InvalidInput("_lastUpdated must be a FHIR date, optionally after eq, gt, ge, lt or le (ge2026-01-31).", code="invalid_parameter")
    try:
        start, end = _range(found)
    except (ValueError, OverflowError):
        raise InvalidInput("_lastUpdated is not a date that exists.", code="invalid_parameter") from None
    prefix = found["prefix"] or "eq"
    return {
        "eq": Bound(start, end),
        "ge": Bound(start, None),
        "gt": Bound(end, None),
        "lt": Bound(None, start),
        "le": Bound(None, end),
    }[prefix]


def _range(found: re.Match[str]) -> tuple[datetime, datetime | None]:
    year, month, day = int(found["year"]), found["month"], found["day"]
    if found["time"]:
        moment = datetime.fromisoformat(f"{found['year']}-{month}-{day}{found['time'].replace('Z', '+00:00')}")
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return moment, moment + timedelta(seconds=1)
    if day:
        whole_day = date(year, int(month), int(day))
        return start_of_day(whole_day), start_of_next_day(whole_day)
    if month:
        start = start_of_day(date(year, int(month), 1))
        return start, None if (year, int(month)) == (9999, 12) else start_of_day(date(year + int(month) // 12, int(month) % 12 + 1, 1))
    return start_of_day(date(year, 1, 1)), None if year == 9999 else start_of_day(date(year + 1, 1, 1))
