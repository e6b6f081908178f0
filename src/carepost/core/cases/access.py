"""Which case a caller may act on: its organization's, in its key's mode.

Contract 003 answers 403 "Case does not belong to the organization". An unknown case,
and a case of the same organization in the other mode (test and live objects never
meet), answer exactly that too: were they 404, any key could learn which case ids exist."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.cases.repository import CaseRepository
from carepost.core.kit.errors import Forbidden
from carepost.core.models import Case

DIALECT = "cases"


async def case_for(session: AsyncSession, caller: Caller, case_id: str) -> Case:
    caller.require_dialect(DIALECT)
    case = await CaseRepository(session).case(case_id.lower())
    if case is None or case.account_id != caller.account_id or case.mode != caller.mode:
        raise Forbidden("Case does not belong to the organization", code="case_forbidden")
    return case
