"""Console operators: argon2 passwords, roles, lock-out after repeated failures,
sessions that expire and end, and an audit row for every attempt."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from carepost.core.kit import lockout
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Forbidden, InvalidInput
from carepost.core.models import ConsoleAuditEntry, ConsoleOperator, ConsoleSession
from carepost.core.operators import console

PASSWORD = "a long enough password"


async def _operator(db, role: str = "admin") -> str:
    email = f"Op-{uuid.uuid4().hex[:8]}@Supplier.example"
    async with db.transaction() as session:
        await console.ensure_operator(session, email=email, name="Olga Operator", role=role, password=PASSWORD)
    return email.lower()


async def _actions(db, email: str) -> list[str]:
    async with db.read() as session:
        rows = await session.scalars(select(ConsoleAuditEntry.action).where(ConsoleAuditEntry.email == email).order_by(ConsoleAuditEntry.id))
        return list(rows)


async def test_roles_and_passwords_are_checked_when_an_operator_is_made(db):
    async with db.transaction() as session:
        with pytest.raises(InvalidInput, match="role must be one of: admin, support"):
            await console.ensure_operator(session, email="x@example.com", name="X", role="owner", password=PASSWORD)
        with pytest.raises(InvalidInput, match="at least 12 characters"):
            await console.ensure_operator(session, email="x@example.com", name="X", role="admin", password="short")


async def test_a_right_password_opens_a_session_that_names_its_operator(db):
    email = await _operator(db, role="support")

    opened = await console.sign_in(db, email=email.upper(), password=PASSWORD, client="127.0.0.1")

    assert opened is not None and opened.user.email == email and opened.user.role == "support"
    async with db.read() as session:
        live = await console.live_session(session, secret=opened.secret)
        stored = await session.scalar(select(ConsoleSession.secret_hash).where(ConsoleSession.operator_id == opened.user.id))
    assert live is not None and live.user == opened.user and live.csrf_token == opened.csrf_token
    assert stored != opened.secret and len(stored) == 64  # only its SHA-256 is kept
    assert await _actions(db, email) == ["sign_in"]


async def test_support_may_read_and_act_on_orders_but_not_keys_or_settings(db):
    email = await _operator(db, role="support")
    user = (await console.sign_in(db, email=email, password=PASSWORD, client=None)).user

    assert user.may("read") and user.may("order_actions")
    assert not user.may("keys") and not user.may("settings")
    with pytest.raises(Forbidden):
        user.require("keys")


async def test_wrong_passwords_and_unknown_emails_look_alike_and_are_audited(db):
    email, nobody = await _operator(db), f"nobody-{uuid.uuid4().hex[:8]}@supplier.example"

    assert await console.sign_in(db, email=email, password="not the password", client="10.0.0.9") is None
    assert await console.sign_in(db, email=nobody, password=PASSWORD, client="10.0.0.9") is None

    assert await _actions(db, email) == ["sign_in_failed"]
    assert await _actions(db, nobody) == ["sign_in_failed"]


async def test_five_failures_lock_the_operator_out_even_with_the_right_password(db):
    email = await _operator(db)
    for _ in range(lockout.LOCK_AFTER_FAILURES):
        assert await console.sign_in(db, email=email, password="wrong password!", client=None) is None

    assert await console.sign_in(db, email=email, password=PASSWORD, client=None) is None

    actions = await _actions(db, email)
    assert actions == ["sign_in_failed"] * 5 + ["locked_out", "sign_in_refused"]
    async with db.transaction() as session:  # fifteen minutes pass
        await session.execute(update(ConsoleOperator).where(ConsoleOperator.email == email).values(locked_until=utcnow() - timedelta(seconds=1)))
    assert await console.sign_in(db, email=email, password=PASSWORD, client=None) is not None
    async with db.read() as session:
        assert await session.scalar(select(ConsoleOperator.failed_sign_ins).where(ConsoleOperator.email == email)) == 0


async def test_failures_at_once_are_all_counted_and_lock_once(db):
    email = await _operator(db)

    results = await asyncio.gather(*(console.sign_in(db, email=email, password="wrong password!", client=None) for _ in range(7)))

    assert results == [None] * 7
    async with db.read() as session:
        failed = await session.scalar(select(ConsoleOperator.failed_sign_ins).where(ConsoleOperator.email == email))
    actions = await _actions(db, email)
    assert actions.count("locked_out") == 1  # exactly one failure reached the fifth
    assert failed == actions.count("sign_in_failed")  # none lost


async def test_a_session_ends_when_signed_out_or_expired_or_its_operator_disabled(db):
    email = await _operator(db)
    ended, expired, disabled = [await console.sign_in(db, email=email, password=PASSWORD, client=None) for _ in range(3)]

    async with db.transaction() as session:
        await console.sign_out(session, secret=ended.secret, user=ended.user, client=None)
        await session.execute(
            update(ConsoleSession).where(ConsoleSession.csrf_token == expired.csrf_token).values(expires_at=utcnow() - timedelta(seconds=1))
        )
    async with db.read() as session:
        assert await console.live_session(session, secret=ended.secret) is None
        assert await console.live_session(session, secret=expired.secret) is None
        assert await console.live_session(session, secret=disabled.secret) is not None
        assert await console.live_session(session, secret="made-up") is None
        assert await console.live_session(session, secret=None) is None
    async with db.transaction() as session:
        await session.execute(update(ConsoleOperator).where(ConsoleOperator.email == email).values(disabled_at=utcnow()))
    async with db.read() as session:
        assert await console.live_session(session, secret=disabled.secret) is None
    assert await console.sign_in(db, email=email, password=PASSWORD, client=None) is None
    assert await _actions(db, email) == ["sign_in"] * 3 + ["sign_out", "sign_in_refused"]
