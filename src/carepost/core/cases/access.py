"""Which case a caller may act on: its organization's, in its key's mode.

Contract 003 answers 403 for "case does not belong to the organization"; an unknown
case is 404; a case of the same organization in the other mode is unknown (test and
live objects never meet)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.cases.repository import CaseRepository
from carepost.core.kit.errors import Forbidden, NotFound
from carepost.core.models import Case

DIALECT = "cases"


async def case_for(session: AsyncSession, caller: Caller, case_id: str) -> Case:
    caller.require_dialect(DIALECT)
    case = await CaseRepository(session).case(case_id.lower())
    if case is None or (case.account_id == caller.account_id and case.mode != caller.mode):
        raise NotFound("Case not found", code="case_not_found")
    if case.account_id != caller.account_id:
        raise Forbidden("Case does not belong to the organization", code="case_forbidden")
    return case
