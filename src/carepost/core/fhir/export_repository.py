"""SQL for bulk export jobs."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.models import FhirExport


class ExportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, export: FhirExport) -> None:
        self.session.add(export)
        await self.session.flush()

    async def of_scope(self, scope: Scope, public_id: str) -> FhirExport | None:
        return await self.session.scalar(
            select(FhirExport).where(FhirExport.public_id == public_id, FhirExport.account_id == scope.account_id, FhirExport.mode == scope.mode)
        )

    async def get(self, export_id: int, *, lock: bool = False) -> FhirExport | None:
        query = select(FhirExport).where(FhirExport.id == export_id)
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def remove(self, export_id: int) -> None:
        await self.session.execute(delete(FhirExport).where(FhirExport.id == export_id))
