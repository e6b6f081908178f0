"""Where the pharmacy dialect answers, and how its errors look."""

from carepost.dialects.pharmacy import errors, shapes, test_helpers
from carepost.dialects.pharmacy.auth import TOKEN_PATH, gate
from carepost.http.openapi import Documentation
from carepost.http.surfaces import Surface

SURFACE = Surface(
    dialect="pharmacy",
    prefixes=(TOKEN_PATH, "/api/orders", test_helpers.PREFIX),
    render=errors.render,
    # Orders carry base64 prescriptions (each at most 5 MiB decoded, core/retail/prescriptions.py).
    max_body_bytes=16 * 1024 * 1024,
    gate=gate,
    json_only=True,
    challenge='Bearer realm="api"',  # SimpleJWT's
    documentation=Documentation(
        error=shapes.PharmacyError,
        security={
            "PharmacyApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "The account's API key: on every request."},
            "PharmacyBearer": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": "A user's access token from POST /api/token/ (with the same key).",
            },
        },
        all_schemes=True,  # the key and the token on every request; the token endpoint takes the key alone
    ),
)
