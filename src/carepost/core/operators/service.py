"""Operators: the supplier's staff who move orders through the factory."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.keys import hash_secret, new_operator_token
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import NotFound, Unauthenticated
from carepost.core.models import OperatorToken, Order
from carepost.core.operators.repository import OperatorRepository


@dataclass(frozen=True)
class Operator:
    id: int
    name: str

    @property
    def actor(self) -> str:
        return f"operator:{self.name}"


async def issue_token(session: AsyncSession, *, name: str) -> str:
    """A new operator token; its secret exists only in the returned value."""
    material = new_operator_token()
    await OperatorRepository(session).add(
        OperatorToken(name=name, prefix=material.prefix, secret_hash=material.secret_hash, created_at=utcnow())
    )
    return material.secret


async def authenticate(session: AsyncSession, *, secret: str | None) -> Operator:
    if not secret:
        raise Unauthenticated("No operator token was presented.", code="missing_operator_token")
    token = await OperatorRepository(session).by_hash(hash_secret(secret))
    if token is None or token.revoked_at is not None:
        raise Unauthenticated("The operator token is invalid or has been revoked.", code="invalid_operator_token")
    return Operator(id=token.id, name=token.name)


async def order(session: AsyncSession, *, public_id: str, lock: bool = False) -> Order:
    found = await OperatorRepository(session).order(public_id, lock=lock)
    if found is None:
        raise NotFound(f"No order {public_id}.", code="order_not_found")
    return found
