"""The CapabilityStatement (`GET /fhir/R4/metadata`): exactly the types, interactions, search
parameters and includes this server serves, read from the same lists the search uses."""

from __future__ import annotations

from typing import Any

from carepost.core.fhir.service import served_types
from carepost.core.fhir.types import PARAMETER_TYPES, TYPES

BULK_DATA = "http://hl7.org/fhir/uv/bulkdata"
# When what this statement says last changed (CapabilityStatement.date is required).
PUBLISHED = "2026-12-06"


def statement(base_url: str, *, version: str) -> dict[str, Any]:
    resources = []
    for name in served_types():
        type_ = TYPES[name]
        described: dict[str, Any] = {
            "type": name,
            "interaction": [{"code": "read"}, {"code": "search-type"}],
            "searchParam": [{"name": param, "type": PARAMETER_TYPES[param]} for param in sorted(type_.searches) if param in PARAMETER_TYPES],
        }
        if type_.includes:
            described["searchInclude"] = list(type_.includes)
        if name == "Group":  # a group's bulk export: one API's resources
            described["operation"] = [{"name": "export", "definition": f"{BULK_DATA}/OperationDefinition/group-export"}]
        resources.append(described)
    # A DocumentReference's attachment: its file, read in its own media type.
    resources.append({"type": "Binary", "interaction": [{"code": "read"}]})
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": PUBLISHED,
        "publisher": "Carepost",
        "kind": "instance",
        "software": {"name": "Carepost", "version": version},
        "implementation": {"description": "Carepost's read-only FHIR R4 view of an account's orders", "url": base_url},
        "instantiates": [f"{BULK_DATA}/CapabilityStatement/bulk-data"],
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "documentation": "Read-only. Authenticate with any of the account's API keys (X-Api-Key, Impilo-API-Key, "
                "cv-api-key or Authorization: Bearer); a test key sees test-mode resources only.",
                "security": {"description": "An account API key; each key sees its own account's resources in its own mode."},
                "resource": resources,
                "searchParam": [{"name": "_count", "type": "number"}, {"name": "_offset", "type": "number"}],
                "operation": [{"name": "export", "definition": f"{BULK_DATA}/OperationDefinition/export"}],
            }
        ],
    }
