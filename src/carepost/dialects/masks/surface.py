"""Where the masks dialect answers, and how its errors look."""

from carepost.core.manufacturing.scan_upload import LARGEST_FILE
from carepost.dialects._shared.surfaces import Surface
from carepost.dialects.masks import errors

SURFACE = Surface(dialect="masks", prefixes=("/api/partner/v1/",), render=errors.render, max_body_bytes=64 * 1024)

# The patient portal takes videos: its limit is the largest scan file plus the multipart framing.
PORTAL_SURFACE = Surface(
    dialect="masks", prefixes=("/api/portal/",), render=errors.render, max_body_bytes=LARGEST_FILE + 1024 * 1024
)
