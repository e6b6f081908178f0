"""Where the console answers, and the headers every console page carries."""

from carepost.console import pages
from carepost.http.surfaces import Surface, page_headers

# Pages show orders and keys: no cache keeps them, no frame embeds them; forms post only here.
CONSOLE_HEADERS = page_headers(
    b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    b" frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    referrer_policy=b"same-origin",
)

# A partner's HTML e-mail in the account page's frame: nothing runs (sandbox), nothing loads
# but its inline styles and images, and only the console may frame it.
EMAIL_PREVIEW_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox",
    "x-frame-options": "SAMEORIGIN",
}

SURFACE = Surface(
    dialect="console",
    prefixes=("/console",),
    render=pages.render,
    max_body_bytes=64 * 1024,
    headers=CONSOLE_HEADERS,
)
