"""Groups: the patients of each API the account uses (`Group/cases`), what a group-level bulk
export (`Group/<id>/$export`) names. Carepost keeps no other patient lists."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.elements import resource
from carepost.core.fhir.shared import account_reference
from carepost.core.fhir.source import Resource
from carepost.core.flows.registry import flows


@dataclass(frozen=True)
class GroupSource:
    dialects: frozenset[str] | None  # the account's APIs (None: every registered one)
    type: str = "Group"
    prefix: str = ""

    def _matching(self, criteria: Criteria) -> list[tuple[str, str]]:
        known = [(f.dialect, f.title) for f in flows() if self.dialects is None or f.dialect in self.dialects]
        return [(dialect, title) for dialect, title in known if criteria.id in (None, dialect)]

    async def count(self, session: AsyncSession, scope: Scope, criteria: Criteria) -> int:
        return len(self._matching(criteria))

    async def page(self, session: AsyncSession, scope: Scope, criteria: Criteria, offset: int, limit: int) -> list[Resource]:
        return [
            resource(
                "Group",
                dialect,
                type="person",
                actual=True,
                name=f"Patients of the {title} API ({dialect})",
                managingEntity=account_reference(scope.account_id),
            )
            for dialect, title in self._matching(criteria)[offset : offset + limit]
        ]
