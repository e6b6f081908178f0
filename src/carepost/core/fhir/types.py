"""The resource types served and how each is searched: the one list the parser, the search,
`_include` and the CapabilityStatement read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from carepost.core.kit.errors import NotFound


@dataclass(frozen=True)
class ResourceType:
    name: str
    searches: frozenset[str]  # its parameters (FHIR's names), besides _count, _offset, _format
    # `_include` values it takes -> the field of the resource holding the reference to include
    includes: Mapping[str, str] = field(default_factory=dict)


_ORDERS = frozenset({"_id", "_lastUpdated", "identifier", "patient", "status"})

TYPES = {
    t.name: t
    for t in (
        ResourceType("Patient", frozenset({"_id", "_lastUpdated", "identifier"})),
        ResourceType("Practitioner", frozenset({"_id", "_lastUpdated"})),
        ResourceType("Organization", frozenset({"_id", "identifier"})),
        ResourceType("Location", frozenset({"_id"})),
        ResourceType("Group", frozenset({"_id"})),
        ResourceType(
            "MedicationRequest",
            _ORDERS | {"_include"},
            {"MedicationRequest:patient": "subject", "MedicationRequest:requester": "requester"},
        ),
        ResourceType("DeviceRequest", _ORDERS | {"_include"}, {"DeviceRequest:patient": "subject"}),
        ResourceType("Device", _ORDERS | {"_include"}, {"Device:patient": "patient"}),
        ResourceType(
            "DocumentReference",
            frozenset({"_id", "_lastUpdated", "identifier", "patient", "status", "_include"}),
            {"DocumentReference:patient": "subject"},
        ),
        ResourceType("Task", _ORDERS | {"_include"}, {"Task:patient": "for", "Task:focus": "focus", "Task:owner": "owner"}),
    )
}

# The FHIR search parameter types, for the CapabilityStatement.
PARAMETER_TYPES = {"_id": "token", "_lastUpdated": "date", "identifier": "token", "patient": "reference", "status": "token"}


def resource_type(name: str) -> ResourceType:
    found = TYPES.get(name)
    if found is None:
        raise NotFound(f"This server serves no resource type {name[:40]!r}; see /fhir/R4/metadata.", code="unknown_resource_type")
    return found
