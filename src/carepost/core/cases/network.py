"""The supplier's pharmacy network and formulary, and organizations' cases, as the tenant
file sets them: matched on their codes (a case on its id), so applying a file twice
changes nothing."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.cases.cases import PatientIn, open_case
from carepost.core.cases.repository import CaseRepository
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Case, Drug, Pharmacy

SCHEDULES = ("II", "III", "IV", "V")
ADAPTERS = ("embedded", "http")


async def ensure_pharmacy(
    session: AsyncSession, *, code: str, name: str, active: bool = True, adapter: str = "embedded", endpoint_url: str | None = None
) -> Pharmacy:
    if adapter not in ADAPTERS or (adapter == "http") != (endpoint_url is not None):
        raise InvalidInput(f"Pharmacy {code}: an http pharmacy needs its endpoint_url, an embedded one has none.")
    repository = CaseRepository(session)
    pharmacy = await repository.by_code(Pharmacy, code) or Pharmacy(code=code)
    pharmacy.name, pharmacy.active, pharmacy.adapter, pharmacy.endpoint_url = name, active, adapter, endpoint_url
    await repository.add(pharmacy)
    return pharmacy


async def ensure_drug(
    session: AsyncSession, *, code: str, name: str, strength: str | None = None, form: str | None = None, ndc: str | None = None,
    rxnorm: str | None = None, controlled: bool = False, schedule: str | None = None, active: bool = True,
) -> Drug:
    if controlled != (schedule is not None) or (schedule is not None and schedule not in SCHEDULES):
        raise InvalidInput(f"Drug {code}: a controlled substance has its schedule ({', '.join(SCHEDULES)}); others have none.")
    repository = CaseRepository(session)
    drug = await repository.by_code(Drug, code) or Drug(code=code)
    drug.name, drug.strength, drug.form, drug.ndc, drug.rxnorm = name, strength, form, ndc, rxnorm
    drug.controlled, drug.schedule, drug.active = controlled, schedule, active
    await repository.add(drug)
    return drug


async def ensure_case(session: AsyncSession, *, scope: Scope, case_id: str | None, patient: PatientIn) -> Case:
    """The case with this id (made if new, its patient brought up to date); a new id if none is given."""
    if case_id is None:
        return await open_case(session, scope=scope, patient=patient)
    repository = CaseRepository(session)
    case = await repository.case_to_change(case_id.lower())
    if case is not None and (case.account_id, case.mode) != (scope.account_id, scope.mode):
        raise InvalidInput(f"Case {case_id} belongs to another organization or mode.")
    if case is None:
        case = await open_case(session, scope=scope, patient=patient)
        case.public_id = case_id.lower()
    case.patient = patient.as_stored()
    await repository.add(case)
    return case
