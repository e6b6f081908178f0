"""Where the masks dialect answers, and how its errors and headers look."""

from carepost.core.manufacturing.scan_upload import LARGEST_FILE
from carepost.dialects.masks import errors, shapes
from carepost.dialects.masks.portal import pages
from carepost.http.openapi import Documentation
from carepost.http.surfaces import Surface, page_headers

SURFACE = Surface(
    dialect="masks",
    prefixes=("/api/partner/v1/",),
    render=errors.render,
    max_body_bytes=64 * 1024,
    challenge='Bearer realm="masks", ApiKey realm="masks" header="X-Api-Key"',
    # The key may also come as `secret_key` in a JSON body, which OpenAPI cannot name as a scheme.
    documentation=Documentation(
        error=shapes.MasksError,
        security={
            "MasksApiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key", "description": "The clinic's API key; or as `secret_key` in the body."},
            "MasksBearer": {"type": "http", "scheme": "bearer", "description": "The clinic's API key as a bearer token."},
        },
    ),
)

# The page a patient opens from an e-mail: its URL holds the patient's e-mail address,
# so no referrer leaves it, no frame embeds it, no cache keeps it, and it runs only its own script.
PORTAL_HEADERS = page_headers(
    b"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
    b" form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    referrer_policy=b"no-referrer",
)

# The patient portal takes videos: its limit is the largest scan file plus the multipart framing,
# counted as the upload streams in.
PORTAL_SURFACE = Surface(
    dialect="masks",
    prefixes=("/api/portal/",),
    render=pages.render,
    max_body_bytes=LARGEST_FILE + 1024 * 1024,
    headers=PORTAL_HEADERS,
    streams_uploads=True,
    documentation=Documentation(error=shapes.MasksError),  # the link is the credential: no scheme
)
