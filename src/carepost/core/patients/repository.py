"""SQL for patients and sites, always within one account and mode."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, bindparam, delete, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.kit.lean import LeanInsert, LeanStatement, columns_of, detached, flush_pending, is_one_of
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import Patient, PatientContact, Site

Row = TypeVar("Row", Patient, Site)
EMAIL, PHONE = "email", "phone"


class DuplicateExternalIdentifier(InvalidInput):
    def __init__(self) -> None:
        super().__init__("Another patient already has this externalIdentifier.", code="invalid_data", field="externalIdentifier")


_ADD_PATIENT = LeanInsert(Patient)


def _named_by(kind: str) -> Any:
    return (
        select(PatientContact.patient_id)
        .where(
            PatientContact.account_id == bindparam("account_id"), PatientContact.mode == bindparam("mode"),
            PatientContact.kind == kind, PatientContact.value == bindparam(kind),
        )
        .scalar_subquery()
    )


_WITH_CONTACT = LeanStatement(select(_named_by(EMAIL), _named_by(PHONE)))
_WITH_EXTERNAL_ID = LeanStatement(
    select(Patient.id)
    .where(
        Patient.account_id == bindparam("account_id"), Patient.mode == bindparam("mode"),
        Patient.external_identifier == bindparam("external_identifier"),
    )
    .order_by(Patient.id)
    .limit(1)
)
_ADD_CONTACTS = LeanInsert(PatientContact)


def _these(model: type[Row]) -> LeanStatement:
    return LeanStatement(
        lambda dialect_name: select(*columns_of(model)).where(
            model.account_id == bindparam("account_id"), model.mode == bindparam("mode"), is_one_of(dialect_name, model.id, "ids")
        )
    )


# Every order shown reads its patient and site (lean.py): read-only copies, no ORM load.
_THESE_PATIENTS, _THESE_SITES = _these(Patient), _these(Site)


class ContactTaken(Exception):
    """Another request claimed this e-mail or phone since it was looked up (uq_patient_contacts)."""


@contextmanager
def _duplicate_external_identifier() -> Iterator[None]:
    """A second patient with one external identifier (a race the service's own check
    lost) is DuplicateExternalIdentifier."""
    try:
        yield
    except IntegrityError as error:
        if "external" not in str(error.orig):
            raise
        raise DuplicateExternalIdentifier() from None


class PatientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def patient(self, scope: Scope, patient_id: int, *, lock: bool = False) -> Patient | None:
        return await self._one(Patient, scope, patient_id, lock=lock)

    async def site(self, scope: Scope, site_id: int, *, lock: bool = False) -> Site | None:
        return await self._one(Site, scope, site_id, lock=lock)

    async def site_named(self, scope: Scope, name: str) -> Site | None:
        return await self.session.scalar(select(Site).where(*_in_scope(Site, scope), Site.name == name).order_by(Site.id).limit(1))

    async def id_with_external_id(self, scope: Scope, external_identifier: str) -> int | None:
        """The patient holding this external identifier: one lean statement, as every devices
        order with a new patient asks."""
        await flush_pending(self.session)
        found = await _WITH_EXTERNAL_ID.first(
            self.session, account_id=scope.account_id, mode=scope.mode, external_identifier=external_identifier
        )
        return found[0] if found is not None else None

    async def ids_with_contact(self, scope: Scope, *, email: str, phone: str) -> tuple[int | None, int | None]:
        """The patient this (lower-cased) e-mail names, and the one this (E.164) phone names:
        one lean statement, as every pharmacy order asks."""
        found = await _WITH_CONTACT.first(self.session, account_id=scope.account_id, mode=scope.mode, email=email, phone=phone)
        return (found[0], found[1]) if found is not None else (None, None)

    async def claim_contacts(self, scope: Scope, patient_id: int, claims: dict[str, str], *, releasing: str | None = None) -> None:
        """Make `claims` ({kind: value}) name this patient, after giving up the phone it had
        (`releasing`). ContactTaken if another patient holds one (the unique index decides)."""
        if releasing is not None:
            await self.session.execute(
                delete(PatientContact).where(
                    *_in_scope(PatientContact, scope), PatientContact.kind == PHONE, PatientContact.value == releasing,
                    PatientContact.patient_id == patient_id,
                )
            )
        rows = [
            PatientContact(account_id=scope.account_id, mode=scope.mode, kind=kind, value=value, patient_id=patient_id)
            for kind, value in claims.items()
        ]
        try:
            await _ADD_CONTACTS.add(self.session, rows)
        except IntegrityError as error:
            # PostgreSQL names the constraint; SQLite names the table of the UNIQUE that failed.
            if not any(mark in str(error.orig) for mark in ("uq_patient_contacts", "UNIQUE constraint failed: patient_contacts")):
                raise
            raise ContactTaken() from None

    async def sites(self, scope: Scope, site_ids: Sequence[int]) -> dict[int, Site]:
        """Read-only copies, to show: change a site through `site`."""
        return await self._these(_THESE_SITES, Site, scope, site_ids)

    async def patients(self, scope: Scope, patient_ids: Sequence[int]) -> dict[int, Patient]:
        """Read-only copies, to show: change a patient through `patient`."""
        return await self._these(_THESE_PATIENTS, Patient, scope, patient_ids)

    async def patient_page(self, scope: Scope, request: PageRequest, **filters: Any) -> Page[Patient]:
        return await self._page(Patient, scope, request, filters)

    async def site_page(self, scope: Scope, request: PageRequest, **filters: Any) -> Page[Site]:
        return await self._page(Site, scope, request, filters)

    async def add(self, row: Patient | Site) -> None:
        """Write a new row, or the changes to one the session holds (a patient's time of change with them)."""
        if isinstance(row, Patient):
            row.updated_at = utcnow()
        if isinstance(row, Site) or not inspect(row).transient:
            self.session.add(row)
            await self.flush()
            return
        # Every order placed with a new patient writes one (lean.py); the session holds it as loaded.
        await flush_pending(self.session)
        with _duplicate_external_identifier():
            await _ADD_PATIENT.add(self.session, [row], persistent=True)

    async def flush(self) -> None:
        """Write pending changes."""
        with _duplicate_external_identifier():
            await self.session.flush()

    async def _these(self, statement: LeanStatement, model: type[Row], scope: Scope, row_ids: Sequence[int]) -> dict[int, Row]:
        if not row_ids:
            return {}
        await flush_pending(self.session)  # a patient or site this transaction wrote is shown as written
        rows = await statement.rows(self.session, account_id=scope.account_id, mode=scope.mode, ids=sorted(set(row_ids)))
        return {row.id: row for row in (detached(model, values) for values in rows)}

    async def _one(self, model: type[Row], scope: Scope, row_id: int, *, lock: bool) -> Row | None:
        query = select(model).where(*_in_scope(model, scope), model.id == row_id)
        if lock:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def _page(self, model: type[Row], scope: Scope, request: PageRequest, filters: dict[str, Any]) -> Page[Row]:
        """Newest first. `filters` name columns; None means "any"."""
        conditions = [*_in_scope(model, scope), *(getattr(model, k) == v for k, v in filters.items() if v is not None)]
        query = select(model).where(*conditions).order_by(model.id.desc())
        rows = await self.session.scalars(query.offset(request.offset).limit(request.size))
        total = await self.session.scalar(select(func.count()).select_from(model).where(*conditions))
        return Page(items=list(rows), request=request, total=total or 0)


def _in_scope(model: Any, scope: Scope) -> list[ColumnElement[bool]]:
    """`model`: any of ours with account_id and mode columns (a patient, a site, a contact)."""
    return [model.account_id == scope.account_id, model.mode == scope.mode]
