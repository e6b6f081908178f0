"""SQL for per-clinic mask settings."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import MaskClinicSettings


class MaskSettingsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, account_id: int) -> MaskClinicSettings | None:
        return await self.session.get(MaskClinicSettings, account_id)

    async def save(self, settings: MaskClinicSettings) -> None:
        await self.session.merge(settings)
        await self.session.flush()
