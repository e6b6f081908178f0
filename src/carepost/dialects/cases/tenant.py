"""The cases dialect's part of the tenant file: the pharmacy network and formulary (shared),
and each organization's cases."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import EmailStr, Field
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.cases import network
from carepost.core.cases.access import DIALECT
from carepost.core.cases.cases import PatientIn
from carepost.tenant_file.schema import RXCUI, Strict
from carepost.tenant_file.sections import AccountWork, TenantSection


class NetworkPharmacyFile(Strict):
    """A pharmacy of the cases network, named by the contract's `pharmacyId`."""

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    active: bool = True
    adapter: Literal["embedded", "http"] = "embedded"
    endpoint_url: str | None = Field(default=None, max_length=2048)  # an http pharmacy's order endpoint


class DrugFile(Strict):
    """A formulary entry, named by the contract's `drugId`."""

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    strength: str | None = Field(default=None, max_length=100)
    form: str | None = Field(default=None, max_length=100)
    ndc: str | None = Field(default=None, pattern=r"^\d{4,5}-\d{3,4}-\d{1,2}$")
    rxnorm: RXCUI | None = None  # the RxNorm concept, coded in FHIR (docs/fhir.md)
    controlled: bool = False
    schedule: Literal["II", "III", "IV", "V"] | None = None
    active: bool = True


class CasePatientFile(Strict):
    firstName: str = Field(min_length=1, max_length=100)
    lastName: str = Field(min_length=1, max_length=100)
    dateOfBirth: date | None = None
    sex: Literal["female", "male", "other", "unknown"] | None = None
    email: EmailStr | None = None
    phoneNumber: str | None = Field(default=None, max_length=30)
    address: dict[str, str] | None = None  # addressLine1, addressLine2?, city, state, country, postalCode


class CaseFile(Strict):
    """An organization's case; `id` (a UUID) may be given so a document's example works as written."""

    id: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
    mode: Literal["live", "test"]
    patient: CasePatientFile


async def _apply_network(session: AsyncSession, tenant: Any) -> dict[str, list[dict[str, Any]]]:
    pharmacies = [
        await network.ensure_pharmacy(session, code=p.code, name=p.name, active=p.active, adapter=p.adapter, endpoint_url=p.endpoint_url)
        for p in tenant.pharmacies
    ]
    drugs = [
        await network.ensure_drug(
            session, code=d.code, name=d.name, strength=d.strength, form=d.form, ndc=d.ndc, rxnorm=d.rxnorm,
            controlled=d.controlled, schedule=d.schedule, active=d.active,
        )
        for d in tenant.drugs
    ]
    return {
        "pharmacies": [{"id": p.code, "active": p.active} for p in pharmacies],
        "drugs": [{"id": d.code, "controlled": d.controlled} for d in drugs],
    }


async def _apply_account(work: AccountWork) -> dict[str, Any]:
    if DIALECT not in work.uses:
        return {"cases": None}
    made = []
    for entry in work.entry.cases:
        patient = entry.patient
        case = await network.ensure_case(
            work.session,
            scope=Scope(work.account.id, entry.mode),
            case_id=entry.id,
            patient=PatientIn(
                first_name=patient.firstName, last_name=patient.lastName, date_of_birth=patient.dateOfBirth, sex=patient.sex,
                email=str(patient.email) if patient.email else None, phone=patient.phoneNumber, address=patient.address,
            ),
        )
        made.append({"id": case.public_id, "mode": case.mode})
    return {"cases": {"cases": made, **work.shared}}


SECTION = TenantSection(
    tenant_fields={
        "pharmacies": (list[NetworkPharmacyFile], Field(default_factory=list)),
        "drugs": (list[DrugFile], Field(default_factory=list)),
    },
    # The cases API's organization: its patients' cases.
    account_fields={"cases": (list[CaseFile], Field(default_factory=list))},
    apply_shared=_apply_network,
    apply_account=_apply_account,
)
