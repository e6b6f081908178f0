"""SQL for patients and sites, always within one account."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Patient, Site


class PatientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def patient(self, *, account_id: int, patient_id: int) -> Patient | None:
        return await self.session.scalar(select(Patient).where(Patient.account_id == account_id, Patient.id == patient_id))

    async def site(self, *, account_id: int, site_id: int) -> Site | None:
        return await self.session.scalar(select(Site).where(Site.account_id == account_id, Site.id == site_id))

    async def add(self, row: Patient | Site) -> None:
        self.session.add(row)
        await self.session.flush()
