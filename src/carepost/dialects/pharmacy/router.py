"""Contract 001's documented paths: parse, call the core, render. No rules here.

Every path answers with and without its trailing slash, without a redirect:
DRF clients send the slash, and the contract itself spells some paths without.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from carepost.core.accounts import users
from carepost.core.kit.errors import Unauthenticated
from carepost.dialects._shared.runtime import RuntimeDep
from carepost.dialects.pharmacy import shapes, tokens
from carepost.dialects.pharmacy.auth import KeyCallerDep
from carepost.dialects.pharmacy.schemas import TokenIn

router = APIRouter(tags=["pharmacy"], strict_content_type=False)


def route(path: str, method: str, **options: Any):  # noqa: ANN201
    """Register the handler at `path` (documented) and at `path` without its trailing slash."""

    def register(handler):  # noqa: ANN001, ANN202
        router.add_api_route(path, handler, methods=[method], **options)
        router.add_api_route(path.rstrip("/"), handler, methods=[method], include_in_schema=False, **options)
        return handler

    return register


@route(
    "/api/token/",
    "POST",
    summary="Obtain an access token",
    responses={200: {"model": shapes.AccessToken}},
)
async def obtain_token(body: TokenIn, caller: KeyCallerDep, runtime: RuntimeDep) -> JSONResponse:
    """The account's API key in `X-API-Key` and a user's `email` and `password`; the token's
    `access_lifetime` claim says for how many seconds it works."""
    async with runtime.db.transaction() as session:
        user = await users.sign_in(session, account_id=caller.account_id, email=body.email, password=body.password)
    if user is None:
        raise Unauthenticated("No active account found with the given credentials", code="bad_credentials")
    access = tokens.issue(
        user_id=user.user_id,
        account_id=caller.account_id,
        mode=caller.mode,
        secret=runtime.settings.resolved_secret_key,
        lifetime_seconds=runtime.settings.pharmacy_access_lifetime_seconds,
    )
    return JSONResponse({"access": access})

