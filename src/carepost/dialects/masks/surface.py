"""Where the masks dialect answers, and how its errors look."""

from carepost.dialects._shared.surfaces import Surface
from carepost.dialects.masks import errors

SURFACE = Surface(
    dialect="masks",
    prefixes=("/api/partner/v1/", "/api/portal/"),
    render=errors.render,
    max_body_bytes=64 * 1024,
)
