"""What a browser asks of any site: `/favicon.ico`, and HTML pages typed with a trailing
slash (`/console/`, `/docs/`), sent on to the page itself. The partner APIs keep their
documented paths exactly (no redirect there: docs/platform.md)."""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Match

router = APIRouter(include_in_schema=False)

# Where people, not partner clients, browse: a slash typed after a page's path is no other resource.
HTML_PAGES = ("/console", "/docs", "/redoc")
_FAVICON = files("carepost.console").joinpath("assets/favicon.svg").read_bytes()


@router.get("/favicon.ico")
async def favicon() -> Response:
    # An SVG: every current browser takes it by its Content-Type, whatever the name.
    return Response(_FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


def canonical_page(request: Request) -> Response | None:
    """For a GET of an HTML page's path with a trailing slash, a redirect to the page (relative:
    never built from the Host header); None for anything else."""
    path = request.url.path
    if request.method not in ("GET", "HEAD") or not path.endswith("/") or path == "/":
        return None
    page = path.rstrip("/")
    if not page.startswith(HTML_PAGES):
        return None
    scope = {"type": "http", "path": page, "method": "GET"}
    if not any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
        return None
    query = request.url.query
    return RedirectResponse(f"{page}?{query}" if query else page, status_code=308)
