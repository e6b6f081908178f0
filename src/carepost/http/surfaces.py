"""Which dialect answers for a path: its error envelope, body limit and headers.

Every error, from a validation failure deep in FastAPI to a body cut off by
the size limit, is rendered by the surface that owns the path, so a partner
only ever sees its own contract's envelope.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.responses import Response

from carepost.http.json_response import JSONResponse
from carepost.http.problems import STATUS_BY_KIND, Problem

if TYPE_CHECKING:
    from starlette.requests import Request

    from carepost.http.openapi import Documentation
    from carepost.http.runtime import Runtime

# (problem, request id, request path) -> the response in the surface's own error envelope
Renderer = Callable[[Problem, str, str], Response]
Headers = tuple[tuple[bytes, bytes], ...]
# The credential check of a surface whose credentials travel in headers: raises a CoreError as
# its handlers' own dependency would. Run before a large body is read (bodies.py).
CredentialGate = Callable[["Request", "Runtime"], Awaitable[object]]

# Every response, whoever owns it: browsers must not guess a JSON body is a page.
BASE_HEADERS: Headers = ((b"x-content-type-options", b"nosniff"),)
# A partner API answers with patient data: no cache, shared or private, may keep it.
API_HEADERS: Headers = (*BASE_HEADERS, (b"cache-control", b"no-store"))


def page_headers(content_security_policy: bytes, *, referrer_policy: bytes) -> Headers:
    """For HTML pages that show private data: no cache keeps them, no frame embeds them,
    and they load only what the policy allows."""
    return (
        *API_HEADERS,
        (b"content-security-policy", content_security_policy),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", referrer_policy),
    )


@dataclass(frozen=True)
class Surface:
    dialect: str
    prefixes: tuple[str, ...]
    render: Renderer
    max_body_bytes: int
    headers: Headers = API_HEADERS
    # The WWW-Authenticate value of a 401: how this surface wants credentials.
    challenge: str | None = None
    # Multipart uploads reach the handler as a stream (counted against the limit), not buffered whole.
    streams_uploads: bool = False
    # How its operations appear in /openapi.json (openapi.py); None: as FastAPI makes them.
    documentation: Documentation | None = None
    # A body sent as another media type than JSON is 415 (DRF's parsers); False: read as JSON whatever it says.
    json_only: bool = False
    # Checked before more than bodies.GATED_AFTER bytes of a body are read; None: the credential is in the body.
    gate: CredentialGate | None = None


def render_plain(problem: Problem, request_id: str, path: str) -> Response:
    """For paths no dialect owns (the root, a typo): a small neutral envelope."""
    status = STATUS_BY_KIND.get(problem.kind, 500)
    body = {"error": {"code": problem.code, "message": problem.message, "request_id": request_id}}
    return JSONResponse(body, status_code=status)


FALLBACK = Surface(dialect="", prefixes=(), render=render_plain, max_body_bytes=64 * 1024, headers=BASE_HEADERS)


class Surfaces:
    def __init__(self) -> None:
        self._surfaces: list[Surface] = []

    def register(self, surface: Surface) -> None:
        self._surfaces.append(surface)
        # Longest prefix first, so a nested path is owned by its most specific surface.
        self._surfaces.sort(key=lambda s: -max(len(p) for p in s.prefixes))

    def for_path(self, path: str) -> Surface:
        for surface in self._surfaces:
            if any(path.startswith(prefix) for prefix in surface.prefixes):
                return surface
        return FALLBACK
