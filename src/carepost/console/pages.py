"""The console's HTML: its templates, its stylesheet, and its problem page. Whatever
goes wrong on a console page is shown as a page in words, never as JSON."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse, RedirectResponse, Response

from carepost.dialects._shared.problems import STATUS_BY_KIND, Problem

ASSETS = Path(__file__).parent / "assets"
SIGN_IN_PATH = "/console/sign-in"
SIGNED_OUT = "console_signed_out"  # raised by auth.signed_in
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")  # autoescaped: .html

_HEADINGS = {
    "not_found": "Nothing here",
    "forbidden": "Not for your role",
    "rate_limited": "Please wait a moment",
    "unavailable": "Please try again shortly",
    "invalid_input": "That did not work",
}


def problem_page(heading: str, message: str, status: int) -> HTMLResponse:
    return HTMLResponse(templates.get_template("problem.html").render(heading=heading, message=message), status_code=status)


def render(problem: Problem, request_id: str, path: str) -> Response:
    """The console surface's renderer (surfaces.py): every error as a page, and a
    signed-out browser sent to the sign-in page."""
    if problem.code == SIGNED_OUT:
        return RedirectResponse(SIGN_IN_PATH, status_code=303)
    heading = _HEADINGS.get(problem.kind, "Something went wrong")
    message = problem.message if problem.kind != "internal" else f"The error was logged as {request_id}."
    return problem_page(heading, message, STATUS_BY_KIND.get(problem.kind, 500))
