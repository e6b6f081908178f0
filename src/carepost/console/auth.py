"""Who is signed in, and whether a form really came from the console.

- The session cookie is `HttpOnly`, `SameSite=Strict`, `Secure` unless the
  settings say otherwise (the demo runs over http), and lasts as long as the
  session (core/operators/console.py).
- Every form carries a CSRF token: the session's own once signed in; before
  that, the sign-in form's, matched against a cookie of its own (double
  submit). A POST whose token does not match, or that a browser says came from
  another site (`Origin`, `Sec-Fetch-Site`), changes nothing.
- A signed-out browser reaches nothing but the sign-in page.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.responses import Response

from carepost.console.pages import SIGNED_IN_STATE, SIGNED_OUT
from carepost.core.kit.errors import Forbidden, Unauthenticated
from carepost.core.operators import console
from carepost.core.operators.console import LiveSession
from carepost.http import rate_limits
from carepost.http.runtime import RuntimeDep

SESSION_COOKIE = "carepost_console"
SIGN_IN_CSRF_COOKIE = "carepost_console_csrf"


class SignedOut(Unauthenticated):
    """No live session: the browser is sent to the sign-in page (pages.render)."""

    def __init__(self) -> None:
        super().__init__("Sign in to use the console.", code=SIGNED_OUT)


async def signed_in(request: Request, runtime: RuntimeDep) -> LiveSession:
    async with runtime.db.lookup() as session:
        live = await console.live_session(session, secret=request.cookies.get(SESSION_COOKIE))
    if live is None:
        raise SignedOut()
    setattr(request.state, SIGNED_IN_STATE, live)
    return live


SignedInDep = Annotated[LiveSession, Depends(signed_in)]


def require_same_origin(request: Request) -> None:
    """A POST a browser says it sent for another site is refused before its form is read."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        raise Forbidden("This form was sent from another site.", code="cross_site_form")
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
        raise Forbidden("This form was sent from another site.", code="cross_site_form")


async def posted_form(request: Request, live: LiveSession) -> FormData:
    """A signed-in form's fields, once its token is the session's own (refused otherwise)."""
    form = await request.form()
    require_token(form.get("csrf_token"), live.csrf_token)
    return form


def require_token(given: object, expected: str | None) -> None:
    if not isinstance(given, str) or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("This form has expired or did not come from the console. Reload the page and try again.", code="csrf_failed")


def new_sign_in_token() -> str:
    return secrets.token_urlsafe(32)


def set_cookie(response: Response, name: str, value: str, *, secure: bool, expires: datetime | None = None) -> None:
    response.set_cookie(name, value, path="/console", httponly=True, samesite="strict", secure=secure, expires=expires)


def clear_cookie(response: Response, name: str, *, secure: bool) -> None:
    response.delete_cookie(name, path="/console", httponly=True, samesite="strict", secure=secure)


async def per_address_limit(request: Request, runtime: RuntimeDep) -> None:
    """Sign-in attempts per client address, beside each login's own lock-out: one address
    trying many e-mails meets this limit (the portal's, CAREPOST_PORTAL_RATE_LIMIT_PER_MINUTE)."""
    limit = runtime.settings.portal_rate_limit_per_minute
    await rate_limits.enforce(request, runtime.rate_counter, key=f"console:{client_of(request)}", limit=limit, policy="per-address")


async def audited(
    session: AsyncSession, request: Request, live: LiveSession, action: str, target: str, detail: dict[str, Any] | None = None
) -> None:
    """An audit row for what the signed-in operator looked at or did, from where, in that work's transaction."""
    await console.record(session, user=live.user, action=action, target=target, detail=detail, client=client_of(request))


def client_of(request: Request) -> str | None:
    return request.client.host if request.client else None
