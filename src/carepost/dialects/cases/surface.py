"""Where the cases dialect answers, and how its errors look."""

from carepost.dialects.cases import errors, shapes, test_helpers
from carepost.dialects.cases.auth import organization
from carepost.http.openapi import Documentation
from carepost.http.surfaces import Surface

SURFACE = Surface(
    dialect="cases",
    prefixes=("/api/v1/cases", "/api/cases/", test_helpers.PREFIX),
    render=errors.render,
    max_body_bytes=256 * 1024,
    gate=organization,
    challenge='ApiKey realm="cases" header="cv-api-key"',
    documentation=Documentation(
        error=shapes.CasesError,
        security={
            "CvApiKey": {"type": "apiKey", "in": "header", "name": "cv-api-key", "description": "The organization's API key (cpk_live_… or cpk_test_…)."}
        },
        described=errors.SCENARIOS,
    ),
)
