"""Where the sandbox API answers, and how its errors look (the platform's own envelope)."""

from carepost.http.openapi import ANY_API_KEY, Documentation
from carepost.http.surfaces import Surface
from carepost.ops import errors
from carepost.webhooks_api.shapes import WebhooksError

SURFACE = Surface(
    dialect="sandbox",
    prefixes=("/api/sandbox/v1/",),
    render=errors.render,
    max_body_bytes=1024,
    challenge='Bearer realm="sandbox"',
    documentation=Documentation(
        error=WebhooksError,
        security=ANY_API_KEY,
    ),
)
