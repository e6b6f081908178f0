"""Where the pharmacy dialect answers, and how its errors look."""

from carepost.dialects._shared.openapi import Documentation
from carepost.dialects._shared.surfaces import Surface
from carepost.dialects.pharmacy import errors, shapes

SURFACE = Surface(
    dialect="pharmacy",
    prefixes=("/api/token", "/api/orders"),
    render=errors.render,
    max_body_bytes=64 * 1024 * 1024,  # orders carry base64 prescriptions (10 MB each, decoded)
    challenge='Bearer realm="api"',  # SimpleJWT's
    documentation=Documentation(
        error=shapes.PharmacyError,
        security={
            "PharmacyApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            "PharmacyBearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
        },
    ),
)
