"""Where the console answers, and the headers every console page carries."""

from carepost.console import pages
from carepost.dialects._shared.surfaces import BASE_HEADERS, Surface

CONSOLE_HEADERS = (
    *BASE_HEADERS,
    (b"cache-control", b"no-store"),  # pages show orders and keys: no cache keeps them
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        b" form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)

SURFACE = Surface(
    dialect="console",
    prefixes=("/console",),
    render=pages.render,
    max_body_bytes=64 * 1024,
    headers=CONSOLE_HEADERS,
)
