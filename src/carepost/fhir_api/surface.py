"""Where the FHIR API answers, and how its errors look (OperationOutcome)."""

from carepost.fhir_api import outcome
from carepost.http.surfaces import Surface

SURFACE = Surface(
    dialect="fhir",
    prefixes=("/fhir/R4/",),
    render=outcome.render,
    max_body_bytes=1024,  # read-only: nothing it serves takes a body
    challenge='Bearer realm="fhir"',
)
