"""Where the partners' webhook API answers, and how its errors look (the platform's
own envelope, as the operator API's: `{"error": {"code", "message", "request_id", "fields"?}}`)."""

from carepost.http.openapi import ANY_API_KEY, Documentation
from carepost.http.surfaces import Surface
from carepost.ops import errors
from carepost.webhooks_api import shapes

SURFACE = Surface(
    dialect="webhooks",
    prefixes=("/api/webhooks/v1/",),
    render=errors.render,
    max_body_bytes=64 * 1024,
    challenge='Bearer realm="webhooks"',
    documentation=Documentation(
        error=shapes.WebhooksError,
        security=ANY_API_KEY,
    ),
)
