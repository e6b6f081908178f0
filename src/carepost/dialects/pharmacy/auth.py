"""Pharmacy credentials: the account's API key in `X-API-Key` names the client,
and an access token (`Authorization: Bearer`, from `/api/token/`) names the
user. Every route but the token endpoint needs both, and the token must have
been obtained with a key of the same account and mode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts import users
from carepost.core.accounts.service import Caller
from carepost.core.kit.errors import Unauthenticated
from carepost.core.models import AccountUser
from carepost.core.retail.order_repository import DIALECT
from carepost.dialects.pharmacy import tokens
from carepost.http.credentials import caller_for, one_header
from carepost.http.runtime import Runtime, RuntimeDep

TOKEN_PATH = "/api/token"


@dataclass(frozen=True)
class PharmacyCaller:
    """The client (its key) and the signed-in user acting through it."""

    caller: Caller
    user: AccountUser

    @property
    def user_id(self) -> int:
        return self.user.id


async def key_caller(request: Request, runtime: RuntimeDep) -> Caller:
    """The account and mode named by `X-API-Key`, with the pharmacy API enabled."""
    caller = await caller_for(request, runtime, one_header(request, "x-api-key"))
    caller.require_dialect(DIALECT)
    return caller


async def signed_in(request: Request, runtime: RuntimeDep, caller: Annotated[Caller, Depends(key_caller)]) -> PharmacyCaller:
    claims = _claims(request, runtime.settings.resolved_secret_key)
    if (claims.account_id, claims.mode) != (caller.account_id, caller.mode):
        raise _not_valid("Token is invalid")  # obtained with another account's or mode's key
    async with runtime.db.statement() as connection:
        user = await users.active_user(connection, account_id=caller.account_id, user_id=claims.user_id)
    if user is None:
        raise Unauthenticated("User not found", code="user_not_found")
    return PharmacyCaller(caller=caller, user=user)


def _claims(request: Request, secret: str) -> tokens.AccessClaims:
    header = one_header(request, "authorization")
    parts = header.split()
    if not parts or parts[0] != "Bearer":
        raise Unauthenticated("No access token was presented.", code="missing_token")
    if len(parts) != 2:
        raise Unauthenticated("Malformed Authorization header.", code="bad_authorization_header")
    try:
        return tokens.verify(parts[1], secret=secret)
    except tokens.TokenNotValid as error:
        raise _not_valid(str(error)) from None


def _not_valid(reason: str) -> Unauthenticated:
    return Unauthenticated("The access token is not valid.", code="token_not_valid", reason=reason)


async def gate(request: Request, runtime: Runtime) -> None:
    """Before a large body is read: the key, and but for the token endpoint, the user's token."""
    caller = await key_caller(request, runtime)
    if not request.url.path.startswith(TOKEN_PATH):
        await signed_in(request, runtime, caller)


KeyCallerDep = Annotated[Caller, Depends(key_caller)]
SignedInDep = Annotated[PharmacyCaller, Depends(signed_in)]
