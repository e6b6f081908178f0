"""The cases parts of a tenant file: the pharmacy network and formulary (shared), and
each organization's cases."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.cases import network
from carepost.core.cases.cases import PatientIn
from carepost.tenant_file.schema import CaseFile, TenantFile


async def apply_network(session: AsyncSession, tenant: TenantFile) -> dict[str, list[dict[str, Any]]]:
    pharmacies = [
        await network.ensure_pharmacy(session, code=p.code, name=p.name, active=p.active, adapter=p.adapter, endpoint_url=p.endpoint_url)
        for p in tenant.pharmacies
    ]
    drugs = [
        await network.ensure_drug(
            session, code=d.code, name=d.name, strength=d.strength, form=d.form, ndc=d.ndc,
            controlled=d.controlled, schedule=d.schedule, active=d.active,
        )
        for d in tenant.drugs
    ]
    return {
        "pharmacies": [{"id": p.code, "active": p.active} for p in pharmacies],
        "drugs": [{"id": d.code, "controlled": d.controlled} for d in drugs],
    }


async def apply_cases(session: AsyncSession, account_id: int, cases: list[CaseFile]) -> list[dict[str, str]]:
    made = []
    for entry in cases:
        patient = entry.patient
        case = await network.ensure_case(
            session,
            scope=Scope(account_id, entry.mode),
            case_id=entry.id,
            patient=PatientIn(
                first_name=patient.firstName, last_name=patient.lastName, date_of_birth=patient.dateOfBirth, sex=patient.sex,
                email=str(patient.email) if patient.email else None, phone=patient.phoneNumber, address=patient.address,
            ),
        )
        made.append({"id": case.public_id, "mode": case.mode})
    return made
