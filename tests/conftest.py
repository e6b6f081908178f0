"""Test harness: a real database through migrations, the real app in-process.

SQLite always; PostgreSQL when CAREPOST_TEST_DATABASE_URL is set (CI sets it
to a fresh database). Tests isolate by tenant: each makes its own accounts
with unique slugs, so nothing is truncated and nothing is mocked.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from tests.factories import create_operator
from tests.object_storage import S3Server, aws_environment, s3_server
from tests.servers import serve
from tests.webhook_receiver import ReceiverState, receiver_app

PUBLIC_URL = "https://carepost.test"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    configured = os.environ.get("CAREPOST_TEST_DATABASE_URL")
    if configured:
        return configured
    return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'carepost.db'}"


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        database_url=database_url,
        data_dir=Path(tmp_path_factory.mktemp("data")),
        public_url=PUBLIC_URL,
        secret_key="test-secret-key-not-for-production",
        # The whole suite calls from one address and a handful of keys; the limits have tests of their own.
        rate_limit_per_minute=1_000_000,
        portal_rate_limit_per_minute=1_000_000,
        operator_rate_limit_per_minute=1_000_000,
        # Webhooks go to the tests' receivers on 127.0.0.1 (other local addresses stay refused),
        # on a schedule of tenths of a second, and a hanging receiver is cut after 2 s.
        webhook_allowed_hosts="127.0.0.1",
        webhook_retry_schedule="0,0.1,0.1,0.1",
        webhook_timeout_seconds=2.0,
        cases_pharmacy_schedule="0,0,0,0",  # the embedded pharmacy moves at once
    )


@pytest.fixture(scope="session")
async def db(settings: Settings) -> AsyncIterator[Database]:
    database = Database(settings.resolved_database_url)
    await upgrade(database)
    yield database
    await database.dispose()


@pytest.fixture(scope="session")
def s3() -> Iterator[S3Server]:
    """moto's S3 server on loopback, and the AWS_* settings pointing at it for this session."""
    with s3_server() as server, aws_environment(server):
        yield server


@pytest.fixture(scope="session")
async def app(db: Database, settings: Settings):
    application = create_app(settings)
    yield application
    await application.state.call_log.flush()
    await application.state.runtime.db.dispose()


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        yield http
    # Write the request log now: a batch still on its way when a synchronous test
    # (the CLI's) stops the event loop would hold SQLite's write lock throughout.
    await app.state.call_log.flush()


@pytest.fixture
async def ops_headers(db: Database) -> dict[str, str]:
    """An operator's credentials for /api/ops/v1."""
    return {"Authorization": f"Bearer {await create_operator(db)}"}


@pytest.fixture
def receiver():
    """A webhook receiver on loopback (tests/webhook_receiver.py); its base URL is `.url`."""
    state = ReceiverState()
    with serve(lambda: receiver_app(state)) as url:
        state.url = url  # type: ignore[attr-defined]
        yield state
