"""The console's HTML: its templates, its stylesheet, and its problem page. Whatever
goes wrong on a console page is shown as a page in words, never as JSON."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse, RedirectResponse, Response

from carepost.core.kit.errors import CoreError
from carepost.http.problems import STATUS_BY_KIND, Problem, from_core
from carepost.http.runtime import request_id_of

ASSETS = Path(__file__).parent / "assets"
SIGN_IN_PATH = "/console/sign-in"
SIGNED_OUT = "console_signed_out"  # raised by auth.signed_in
SIGNED_IN_STATE = "console_live"  # where auth.signed_in leaves the operator on the request
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")  # autoescaped: .html

_HEADINGS = {
    "not_found": "Nothing here",
    "forbidden": "Not for your role",
    "rate_limited": "Please wait a moment",
    "unavailable": "Please try again shortly",
    "invalid_input": "That did not work",
}


def render(problem: Problem, request_id: str, path: str, live: object = None) -> Response:
    """The console surface's renderer (surfaces.py): every error as a page, and a
    signed-out browser sent to the sign-in page. Given the signed-in operator (ConsoleRoute),
    the page keeps the console's navigation."""
    if problem.code == SIGNED_OUT:
        return RedirectResponse(SIGN_IN_PATH, status_code=303)
    heading = _HEADINGS.get(problem.kind, "Something went wrong")
    message = problem.message if problem.kind != "internal" else f"The error was logged as {request_id}."
    page = templates.get_template("problem.html").render(heading=heading, message=message, live=live)
    return HTMLResponse(page, status_code=STATUS_BY_KIND.get(problem.kind, 500))


class ConsoleRoute(APIRoute):
    """A console route whose refusals, once its operator is known (auth.signed_in), are shown
    as a page with the console's navigation rather than a bare one."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_with_navigation(request: Request) -> Response:
            try:
                return await handle(request)
            except CoreError as error:
                live = getattr(request.state, SIGNED_IN_STATE, None)
                if live is None or error.code == SIGNED_OUT:
                    raise
                return render(from_core(error), request_id_of(request), request.url.path, live=live)

        return handle_with_navigation
