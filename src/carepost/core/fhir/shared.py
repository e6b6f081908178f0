"""The source every account has: the account itself, as the Organization its orders are placed by."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.elements import ACCOUNT, identifier, resource
from carepost.core.fhir.source import Resource, RowSource, by_row_id
from carepost.core.models import Account

ACCOUNT_PREFIX = "account"


def _select(scope: Scope, account_id: int | None, criteria: Criteria) -> Select[Any] | None:
    if account_id not in (None, scope.account_id) or (criteria.identifier_system not in (None, ACCOUNT)):
        return None
    return repository.account(scope, slug=criteria.identifier)


async def _render(session: AsyncSession, accounts: Sequence[Account]) -> list[Resource]:
    return [resource("Organization", f"{ACCOUNT_PREFIX}-{a.id}", identifier=identifier(ACCOUNT, a.slug), active=True, name=a.name) for a in accounts]


ACCOUNT_ORGANIZATION = RowSource("Organization", ACCOUNT_PREFIX, by_row_id(_select), _render)


def account_reference(account_id: int) -> dict[str, Any]:
    return {"reference": f"Organization/{ACCOUNT_PREFIX}-{account_id}"}
