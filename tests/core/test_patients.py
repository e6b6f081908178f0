"""Patients and sites: the new-patient rules in the contract's order, scoped to the account."""

from __future__ import annotations

import pytest

from carepost.core.accounts.service import Scope
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.patients.service import PatientIn, create_patient, patient_for_order
from carepost.core.patients.sites import SiteIn, SiteRef, create_site
from tests.factories import create_clinic

ADDRESS = {"line_one": "1 Main St", "city": "Portland", "state": "OR", "country": "US", "zip_code": "97201"}


def _live(account_id: int) -> Scope:
    return Scope(account_id, "live")


async def _site(session, account_id: int, name: str):
    return await create_site(session, scope=_live(account_id), site_in=SiteIn(name=name, address=dict(ADDRESS)))


async def _create(db, account_id: int, mode: str = "live", **overrides):
    values = {"first_name": "John", "last_name": "Doe", "address": dict(ADDRESS)}
    async with db.transaction() as session:
        return await create_patient(session, scope=Scope(account_id, mode), patient_in=PatientIn(**{**values, **overrides}))


async def test_a_patient_with_names_and_an_address_is_created_at_an_active_site(db):
    clinic = await create_clinic(db, dialects=("devices",))
    async with db.transaction() as session:
        site = await _site(session, clinic.account_id, "North clinic")

    patient = await _create(db, clinic.account_id, site=SiteRef(site.id), first_name="  John ")

    assert (patient.first_name, patient.site_id, patient.sex, patient.archived) == ("John", site.id, "unknown", False)
    assert patient.address["line_two"] is None and patient.address["zip_code"] == "97201"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"first_name": "  "}, "patient_first_name_blank"),
        ({"first_name": None, "last_name": None}, "patient_first_name_blank"),  # names first
        ({"last_name": ""}, "patient_last_name_blank"),
        ({"address": None}, "patient_address_missing"),
        ({"address": {}}, "patient_address_missing"),
        ({"address": {**ADDRESS, "line_one": " "}}, "address_line_one_missing"),
        ({"address": {**ADDRESS, "city": None}}, "address_city_missing"),
        ({"address": {**ADDRESS, "state": ""}}, "address_state_missing"),
        ({"address": {**ADDRESS, "country": None}}, "address_country_missing"),
        ({"address": {**ADDRESS, "zip_code": None}}, "address_zip_missing"),
        ({"site": SiteRef(None)}, "site_unidentified"),
        ({"site": SiteRef(987654321)}, "site_not_found"),
    ],
)
async def test_each_rule_has_its_own_code(db, overrides, code):
    clinic = await create_clinic(db, dialects=("devices",))

    with pytest.raises(InvalidInput) as refused:
        await _create(db, clinic.account_id, **overrides)

    assert refused.value.code == code


async def test_an_inactive_or_foreign_site_is_refused_with_its_id(db):
    clinic, other = await create_clinic(db, dialects=("devices",)), await create_clinic(db, dialects=("devices",))
    async with db.transaction() as session:
        inactive = await _site(session, clinic.account_id, "Closed")
        inactive.active = False
        foreign = await _site(session, other.account_id, "Theirs")

    with pytest.raises(InvalidInput) as not_active:
        await _create(db, clinic.account_id, site=SiteRef(inactive.id))
    with pytest.raises(InvalidInput) as not_ours:
        await _create(db, clinic.account_id, site=SiteRef(foreign.id))

    assert (not_active.value.code, not_active.value.details["site_id"]) == ("site_not_active", inactive.id)
    assert (not_ours.value.code, not_ours.value.details["site_id"]) == ("site_not_found", foreign.id)


async def test_another_accounts_a_test_mode_or_an_archived_patient_does_not_exist_for_a_live_order(db):
    clinic, other = await create_clinic(db, dialects=("devices",)), await create_clinic(db, dialects=("devices",))
    theirs = await _create(db, other.account_id)
    archived = await _create(db, clinic.account_id)
    async with db.transaction() as session:
        mine = await patient_for_order(session, scope=_live(clinic.account_id), patient_id=archived.id)
        mine.archived = True
    sandbox = await _create(db, clinic.account_id, mode="test")

    for patient_id in (theirs.id, archived.id, sandbox.id, 10**12):
        with pytest.raises(NotFound) as missing:
            async with db.transaction() as session:
                await patient_for_order(session, scope=_live(clinic.account_id), patient_id=patient_id)
        assert missing.value.code == "patient_does_not_exist"
