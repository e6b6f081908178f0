"""schemathesis against /openapi.json, on a real server over HTTP: for a few generated
requests per operation (valid and invalid), no answer is a server error, and every
answer's status and body are what the document declares for that operation.

Bounded: CAREPOST_SCHEMATHESIS_EXAMPLES examples per operation (default 5)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from carepost.app import create_app
from carepost.config import Settings
from carepost.core.accounts import users
from carepost.dialects.pharmacy import tokens
from tests.cases_world import cases_world
from tests.devices_world import devices_world
from tests.factories import create_clinic, create_operator, create_pharmacy_client
from tests.processes import serving

SECRET = "schemathesis"
EXAMPLES = int(os.environ.get("CAREPOST_SCHEMATHESIS_EXAMPLES", "5"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
async def credentials(db) -> dict[str, dict[str, str]]:
    """The credentials each surface takes, by path prefix."""
    clinic = await create_clinic(db)
    world = await devices_world(db)
    pharmacy = await create_pharmacy_client(db)
    organization = await cases_world(db, SECRET)
    user = await users.sign_in(db, account_id=pharmacy.clinic.account_id, email=pharmacy.email, password=pharmacy.password)
    access = tokens.issue(
        user_id=user.user_id, account_id=pharmacy.clinic.account_id, mode="live", secret=SECRET, lifetime_seconds=3600
    )
    return {
        "/api/token": {"X-API-Key": pharmacy.clinic.live_key},
        "/api/orders": {"X-API-Key": pharmacy.clinic.live_key, "Authorization": f"Bearer {access}"},
        "/api/partner/v1/": {"X-Api-Key": clinic.live_key},
        "/api/v3/": {"Impilo-API-Key": world.customer.live_key},
        "/api/ops/v1/": {"Authorization": f"Bearer {await create_operator(db)}"},
        "/api/webhooks/v1/": {"Authorization": f"Bearer {clinic.live_key}"},
        "/api/v1/cases": organization.headers(),
    }


@pytest.fixture(scope="module")
def server(database_url, tmp_path_factory, credentials):
    env = {
        "CAREPOST_DATABASE_URL": database_url,
        "CAREPOST_DATA_DIR": str(tmp_path_factory.mktemp("schemathesis")),
        "CAREPOST_SECRET_KEY": SECRET,
        "CAREPOST_RATE_LIMIT_PER_MINUTE": "1000000",
        "CAREPOST_PORTAL_RATE_LIMIT_PER_MINUTE": "1000000",
    }
    with serving(env) as base:
        yield base


def _document() -> dict:
    """The document the server serves (building it touches no database); the server's own
    /openapi.json is checked to be this same document below."""
    scratch = Path(tempfile.mkdtemp())
    settings_ = Settings(database_url=f"sqlite+aiosqlite:///{scratch / 'unused.db'}", data_dir=scratch, secret_key="doc")
    return create_app(settings_).openapi()


DOCUMENT = _document()
schema = schemathesis.openapi.from_dict(DOCUMENT)


def test_the_server_serves_this_document(server):
    assert httpx.get(f"{server}/openapi.json").json() == json.loads(json.dumps(DOCUMENT))


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_as_documented(case, server, credentials):
    headers = next((h for prefix, h in credentials.items() if case.path.startswith(prefix)), {})
    case.call_and_validate(base_url=server, headers=headers, checks=CHECKS, timeout=30)
