"""The devices dialect's message table: the contract's words, filled from the problem's details."""

from carepost.dialects.devices.errors import message_for, status_for
from carepost.http.problems import Problem


def test_site_messages_name_the_site():
    problem = Problem(kind="invalid_input", code="site_not_active", message="Site 7 is not active.", details={"site_id": 7})
    assert message_for(problem) == "Site 7 not active"


def test_a_message_missing_its_detail_falls_back_to_the_core_message():
    problem = Problem(kind="invalid_input", code="site_not_found", message="Site not found.")
    assert message_for(problem) == "Site not found."


def test_forbidden_without_its_own_message_is_access_denied_and_patient_missing_is_400():
    assert message_for(Problem(kind="forbidden", code="test_mode_only", message="x")) == "Access Denied"
    assert status_for(Problem(kind="not_found", code="patient_does_not_exist", message="x")) == 400
    assert status_for(Problem(kind="not_found", code="order_not_found", message="x")) == 404
