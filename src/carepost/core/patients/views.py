"""A patient as shown: with the site it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.models import Patient, Site
from carepost.core.patients.repository import PatientRepository


@dataclass(frozen=True)
class PatientView:
    patient: Patient
    site: Site | None


async def patient_views(session: AsyncSession, scope: Scope, patients: Sequence[Patient]) -> list[PatientView]:
    found = await PatientRepository(session).sites(scope, [p.site_id for p in patients if p.site_id])
    return [PatientView(p, found.get(p.site_id) if p.site_id else None) for p in patients]
