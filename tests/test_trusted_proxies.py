"""Behind a load balancer: only a request from CAREPOST_TRUSTED_PROXIES may say who the client is
(X-Forwarded-For); anyone else's header is ignored, and without the setting every header is."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from carepost.app import create_app
from carepost.core.models import ConsoleAuditEntry
from tests.console.conftest import make_login, sign_in

CLIENT = "203.0.113.9"


async def _signed_in_from(app, peer: str, db, *, forwarded_for: str | None) -> str | None:
    """Sign in to the console through `peer`; the address its audit row records."""
    headers = {"X-Forwarded-For": forwarded_for, "X-Forwarded-Proto": "https"} if forwarded_for else {}
    transport = httpx.ASGITransport(app=app, client=(peer, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver", headers=headers) as browser:
        login = await make_login(db)
        assert (await sign_in(browser, login)).status_code == 303
    async with db.read() as session:
        return await session.scalar(
            select(ConsoleAuditEntry.client).where(ConsoleAuditEntry.email == login.email).order_by(ConsoleAuditEntry.id.desc()).limit(1)
        )


@pytest.fixture(scope="module")
def proxied_app(settings):
    return create_app(settings.model_copy(update={"trusted_proxies": "10.0.0.0/8, 192.0.2.7"}))


async def test_a_trusted_proxy_names_the_client(proxied_app, db):
    assert await _signed_in_from(proxied_app, "10.1.2.3", db, forwarded_for=CLIENT) == CLIENT
    assert await _signed_in_from(proxied_app, "192.0.2.7", db, forwarded_for=f"{CLIENT}, 10.9.9.9") == CLIENT  # past every trusted hop


async def test_anyone_else_saying_so_is_ignored(proxied_app, app, db):
    assert await _signed_in_from(proxied_app, "198.51.100.7", db, forwarded_for=CLIENT) == "198.51.100.7"
    assert await _signed_in_from(proxied_app, "10.1.2.3", db, forwarded_for="198.51.100.1, 198.51.100.66") == "198.51.100.66"  # the nearest untrusted
    assert await _signed_in_from(app, "127.0.0.1", db, forwarded_for=CLIENT) == "127.0.0.1"  # no setting: no proxy is trusted
