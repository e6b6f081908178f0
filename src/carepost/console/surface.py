"""Where the console answers, and the headers every console page carries."""

from carepost.console import pages
from carepost.dialects._shared.surfaces import Surface, page_headers

# Pages show orders and keys: no cache keeps them, no frame embeds them; forms post only here.
CONSOLE_HEADERS = page_headers(
    b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    b" form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    referrer_policy=b"same-origin",
)

SURFACE = Surface(
    dialect="console",
    prefixes=("/console",),
    render=pages.render,
    max_body_bytes=64 * 1024,
    headers=CONSOLE_HEADERS,
)
