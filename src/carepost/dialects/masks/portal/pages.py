"""The portal's HTML: its templates, its two static assets, and its problem page.

The patient reaches the portal from an e-mail, in a browser: whatever goes
wrong on the page itself (a link cut short, a refused character, too many
tries) is shown as a page in words, never as a JSON envelope.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse, Response

from carepost.dialects.masks import errors
from carepost.http.problems import STATUS_BY_KIND, Problem

PAGE_PATH = "/api/portal/start-scan"
ASSETS = Path(__file__).parent / "assets"
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

_HEADINGS = {"rate_limited": "Please wait a moment", "unavailable": "Please try again shortly"}


def problem_page(heading: str, message: str, status: int) -> HTMLResponse:
    body = templates.get_template("problem.html").render(heading=heading, message=message)
    return HTMLResponse(body, status_code=status)


def render(problem: Problem, request_id: str, path: str) -> Response:
    """The portal surface's renderer: a page for the page, the masks envelope for the uploads."""
    if path != PAGE_PATH:
        return errors.render(problem, request_id, path)
    heading = _HEADINGS.get(problem.kind, "This link does not work")
    return problem_page(heading, _patient_message(problem), STATUS_BY_KIND.get(problem.kind, 500))


def _patient_message(problem: Problem) -> str:
    if problem.kind in ("invalid_input", "not_found", "method_not_allowed"):
        return "This scan link is not valid. Please use the link from your e-mail."
    return problem.message
