"""FHIR R4 over HTTP (/fhir/R4): the read-only standard view of every flow (docs/fhir.md)."""
