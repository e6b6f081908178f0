"""An account's patients (the devices API's patients, the pharmacy's customers) as FHIR Patients,
`pt-<id>`: one source, listed by both flows that name patients by these rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.elements import PATIENT_EXTERNAL_ID, PATIENT_ID, address_of, day, gender, human_name, identifier, resource, telecom
from carepost.core.fhir.source import PATIENT_ROW_PREFIX, Resource, RowSource, by_row_id, row_id
from carepost.core.models import Patient


def _select(scope: Scope, patient_id: int | None, criteria: Criteria) -> Select[Any] | None:
    external = None
    if criteria.identifier is not None:
        if criteria.identifier_system == PATIENT_ID:
            by_id = row_id(criteria.identifier)
            if by_id is None or (patient_id is not None and by_id != patient_id):
                return None
            patient_id = by_id
        elif criteria.identifier_system in (None, PATIENT_EXTERNAL_ID):
            external = criteria.identifier
        else:
            return None
    return repository.patients(scope, patient_id=patient_id, external_identifier=external, updated=criteria.updated)


async def _render(session: AsyncSession, patients: Sequence[Patient]) -> list[Resource]:
    return [patient_resource(p) for p in patients]


def patient_resource(patient: Patient) -> Resource:
    return resource(
        "Patient",
        f"{PATIENT_ROW_PREFIX}-{patient.id}",
        last_updated=patient.updated_at,
        identifier=identifier(PATIENT_ID, patient.id) + identifier(PATIENT_EXTERNAL_ID, patient.external_identifier),
        active=not patient.archived,
        name=human_name(patient.first_name, patient.last_name),
        telecom=telecom(patient.email, patient.phone_number),
        gender=gender(patient.sex),
        birthDate=day(patient.date_of_birth),
        address=address_of(patient.address),
    )


PATIENTS = RowSource("Patient", PATIENT_ROW_PREFIX, by_row_id(_select), _render)
