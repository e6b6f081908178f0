"""Lean statements (core/kit/lean.py) give what the ORM gives, in the same transaction,
with the same errors, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import sqlalchemy
from sqlalchemy import bindparam, insert, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from carepost.core.kit import lean, statement_watch
from carepost.core.kit.db import Database, is_transaction_pooled
from carepost.core.kit.lean import LeanInsert, LeanStatement, LeanUpdate, is_one_of
from carepost.core.models import AccountDialect, Coupon, Order, OrderEvent, OutboxMessage, Patient
from carepost.core.orders.repository import OrderRepository
from tests.factories import create_clinic

_MESSAGE = LeanStatement(
    select(OutboxMessage.id, OutboxMessage.payload, OutboxMessage.created_at, OutboxMessage.attempts).where(
        OutboxMessage.topic == bindparam("topic")
    )
)
_APPEND = LeanStatement(
    insert(OutboxMessage).values(
        topic=bindparam("topic"), payload=bindparam("payload"), created_at=bindparam("at"), available_at=bindparam("at"), attempts=0
    )
)
_COUPON = LeanStatement(
    insert(Coupon).values(account_id=bindparam("account_id"), code=bindparam("code"), value=bindparam("value"), uses=0)
)
_COUPON_VALUE = LeanStatement(select(Coupon.value).where(Coupon.code == bindparam("code")))


def _topic() -> str:
    return f"test.lean.{uuid.uuid4().hex[:10]}"


async def test_rows_come_back_as_the_orm_gives_them(db):
    topic, at = _topic(), datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    async with db.transaction() as session:
        await _APPEND.rows(session, topic=topic, payload={"order_id": "ORD_1", "n": [1, 2]}, at=at)
    async with db.read() as session:
        [(message_id, payload, created_at, attempts)] = await _MESSAGE.rows(session, topic=topic)
        orm = await session.scalar(select(OutboxMessage).where(OutboxMessage.id == message_id))
    assert payload == {"order_id": "ORD_1", "n": [1, 2]} == orm.payload
    assert created_at == at == orm.created_at and created_at.tzinfo is not None  # UTC-aware, as UTCDateTime gives
    assert attempts == 0  # a value written into the statement itself


_WHOLE_MESSAGE = LeanStatement(select(*lean.columns_of(OutboxMessage)).where(OutboxMessage.topic == bindparam("topic")))


async def test_a_detached_row_reads_as_the_orm_loads_it_and_belongs_to_no_session(db):
    topic, at = _topic(), datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    async with db.transaction() as session:
        await _APPEND.rows(session, topic=topic, payload={"order_id": "ORD_1"}, at=at)
    async with db.read() as session:
        [row] = await _WHOLE_MESSAGE.rows(session, topic=topic)
        copy = lean.detached(OutboxMessage, row)
        orm = await session.scalar(select(OutboxMessage).where(OutboxMessage.topic == topic))
        assert copy not in session
    assert sqlalchemy.inspect(copy).transient
    for column in OutboxMessage.__table__.columns.keys():
        assert getattr(copy, column) == getattr(orm, column), column
    assert lean.detached_or_none(OutboxMessage, [None] * len(row)) is None
    with pytest.raises(ValueError):
        lean.detached(OutboxMessage, row[:-1])

    # Handed to a session as loaded (`attach`), a change to it is written as an UPDATE.
    async with db.transaction() as session:
        lean.attach(session, copy)
        copy.attempts = 7
    async with db.read() as session:
        assert await session.scalar(select(OutboxMessage.attempts).where(OutboxMessage.id == copy.id)) == 7


async def test_exact_decimals_survive_on_both_databases(db):
    clinic = await create_clinic(db)
    code = f"LEAN{uuid.uuid4().hex[:6]}"
    async with db.transaction() as session:
        await _COUPON.rows(session, account_id=clinic.account_id, code=code, value=Decimal("12.3456"))
    async with db.read() as session:
        assert await _COUPON_VALUE.first(session, code=code) == (Decimal("12.3456"),)


async def test_a_lean_statement_first_in_a_transaction_is_rolled_back_with_it(db):
    """On PostgreSQL SQLAlchemy sends BEGIN lazily; a lean statement that comes first must
    open the transaction itself, or its row would commit on its own."""
    topic = _topic()
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await _APPEND.rows(session, topic=topic, payload={}, at=datetime.now(UTC))
            raise RuntimeError("the request failed after writing")
    async with db.read() as session:
        assert await _MESSAGE.rows(session, topic=topic) == []


async def test_each_transaction_of_a_session_runs_its_lean_statements_on_its_own_connection(db):
    """The session's driver connection is found once per transaction (lean._connection_of): a
    second transaction of the same session, and a savepoint inside it, must still run their
    statements in themselves, so a rollback takes back exactly what each wrote."""
    kept, in_savepoint, rolled_back = _topic(), _topic(), _topic()
    at = datetime.now(UTC)
    async with AsyncSession(db.engine, expire_on_commit=False) as session:
        async with session.begin():
            await _APPEND.rows(session, topic=kept, payload={}, at=at)
        async with session.begin():
            await _APPEND.rows(session, topic=rolled_back, payload={}, at=at)
            savepoint = await session.begin_nested()
            await _APPEND.rows(session, topic=in_savepoint, payload={}, at=at)
            await savepoint.rollback()
            assert await _MESSAGE.rows(session, topic=in_savepoint) == []
            assert len(await _MESSAGE.rows(session, topic=rolled_back)) == 1
            await session.rollback()
    async with db.read() as session:
        assert len(await _MESSAGE.rows(session, topic=kept)) == 1
        assert await _MESSAGE.rows(session, topic=rolled_back) == []
        assert await _MESSAGE.rows(session, topic=in_savepoint) == []


async def test_driver_errors_are_sqlalchemys(db):
    clinic = await create_clinic(db)
    code = f"LEAN{uuid.uuid4().hex[:6]}"
    async with db.transaction() as session:
        await _COUPON.rows(session, account_id=clinic.account_id, code=code, value=Decimal("1"))
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            await _COUPON.rows(session, account_id=clinic.account_id, code=code, value=Decimal("2"))


def _in_transaction(adapted) -> bool:
    """Whether a driver connection (under SQLAlchemy's adapter) is inside a transaction."""
    if isinstance(adapted, AsyncAdapt_asyncpg_connection):
        return adapted._connection.is_in_transaction()
    return adapted._connection._open().in_transaction


async def _driver_of(connection):
    return (await connection.get_raw_connection()).dbapi_connection


async def test_a_bare_connection_reads_as_a_session_does_and_leaves_no_transaction_behind(db):
    """Database.statement: the key lookup's connection, with no session. Its one read gives
    the session's rows, and the driver connection goes back to the pool with nothing open."""
    topic, at = _topic(), datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    async with db.transaction() as session:
        await _APPEND.rows(session, topic=topic, payload={"order_id": "ORD_1"}, at=at)
    async with db.statement() as connection:
        on_connection = await _MESSAGE.rows(connection, topic=topic)
        driver = await _driver_of(connection)
    async with db.read() as session:
        in_session = await _MESSAGE.rows(session, topic=topic)
    assert on_connection == in_session and on_connection[0][1] == {"order_id": "ORD_1"}
    assert not _in_transaction(driver)


async def test_behind_a_transaction_pooler_a_bare_connection_reads_in_a_snapshot_it_then_ends(db):
    """Through PgBouncer in transaction mode a lone statement's Parse and Execute may reach two
    server connections, so there the lookup is a read-only transaction, ended on the way back
    to the pool (here against PostgreSQL itself: the transaction is the same)."""
    if db.dialect_name != "postgresql":
        pytest.skip("transaction pooling is PostgreSQL's")
    pooled_url = db.url if is_transaction_pooled(db.url) else f"{db.url}{'&' if '?' in db.url else '?'}transaction_pooling=true"
    pooled = Database(pooled_url)
    try:
        async with pooled.statement() as connection:
            assert await _TOPICS_IN.rows(connection, topics=[_topic()]) == []
            driver = await _driver_of(connection)
            assert _in_transaction(driver)
            isolation = await driver._connection.fetchval("SHOW transaction_isolation")
            read_only = await driver._connection.fetchval("SHOW transaction_read_only")
        assert (isolation, read_only) == ("repeatable read", "on")
        assert not _in_transaction(driver)
    finally:
        await pooled.engine.dispose()


_NO_SUCH_TABLE = LeanStatement(select(sqlalchemy.column("x")).select_from(sqlalchemy.table("no_such_table")))


async def test_a_driver_error_on_a_bare_connection_is_sqlalchemys_and_spoils_no_pooled_connection(db):
    with pytest.raises(DBAPIError):
        async with db.statement() as connection:
            await _NO_SUCH_TABLE.rows(connection)
    for _ in range(3):  # every connection the pool hands out next still reads
        async with db.statement() as connection:
            assert await _TOPICS_IN.rows(connection, topics=[_topic()]) == []


_TOPICS_IN = LeanStatement(
    lambda dialect_name: select(OutboxMessage.topic).where(is_one_of(dialect_name, OutboxMessage.topic, "topics")).order_by(OutboxMessage.id)
)


async def test_is_one_of_takes_lists_of_any_length_through_one_statement(db):
    topics = [_topic() for _ in range(3)]
    at = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    async with db.transaction() as session:
        for topic in topics:
            await _APPEND.rows(session, topic=topic, payload={}, at=at)
    async with db.read() as session:
        assert await _TOPICS_IN.rows(session, topics=topics) == [(t,) for t in topics]
        assert await _TOPICS_IN.rows(session, topics=[topics[1], "no-such-topic"]) == [(topics[1],)]
        assert await _TOPICS_IN.rows(session, topics=[]) == []
        assert await _TOPICS_IN.rows(session, topics=["it's \"quoted\" ]"]) == []  # a value, never SQL
    assert len(_TOPICS_IN._compiled) == 1


async def test_lean_insert_reads_each_new_id_back_and_refuses_computed_defaults(db):
    clinic = await create_clinic(db)
    notes = [OrderEvent(account_id=clinic.account_id, order_id=None, name=f"n{i}", actor="test", data={"i": i},
                        occurred_at=datetime(2026, 12, 2, tzinfo=UTC)) for i in range(2)]
    with pytest.raises(IntegrityError):  # order_id is required: the database's own refusal comes through
        async with db.transaction() as session:
            await LeanInsert(OrderEvent).add(session, notes[:1])
    async with db.transaction() as session:
        now = datetime(2026, 12, 2, tzinfo=UTC)
        order = await OrderRepository(session).add(
            Order(account_id=clinic.account_id, api_key_id=clinic.live_key_id, mode="live", dialect="devices", flow="logistics",
                  status="reconfirmAddress", recipient={}, attributes={}, warnings=[], placed_at=now, updated_at=now)
        )
    for event in notes:
        event.order_id = order.id
    async with db.transaction() as session:
        await LeanInsert(OrderEvent).add(session, notes)
        assert not session.new  # written, never added to the session
    async with db.read() as session:
        stored = {event.id: event.data for event in await session.scalars(select(OrderEvent).where(OrderEvent.id.in_([n.id for n in notes])))}
    assert stored == {notes[0].id: {"i": 0}, notes[1].id: {"i": 1}}

    class Elsewhere(DeclarativeBase):  # not Carepost's metadata, which the migrations test compares
        pass

    class Defaulted(Elsewhere):
        __tablename__ = "lean_defaulted"
        id: Mapped[int] = mapped_column(primary_key=True)
        state: Mapped[str] = mapped_column(default="new")
        stamp: Mapped[str] = mapped_column(default=lambda: uuid.uuid4().hex)

    with pytest.raises(ValueError, match="computes defaults"):
        LeanInsert(Defaulted)


async def test_a_lean_insert_of_a_model_keyed_by_its_caller_writes_the_key(db):
    clinic = await create_clinic(db)
    keyed = LeanInsert(AccountDialect)  # keyed by (account_id, dialect): nothing generated to read back
    assert keyed.names == ("account_id", "dialect")
    async with db.transaction() as session:
        await keyed.add(session, [AccountDialect(account_id=clinic.account_id, dialect="cases")])
    with pytest.raises(IntegrityError):  # the key is the key: the same row twice is refused
        async with db.transaction() as session:
            await keyed.add(session, [AccountDialect(account_id=clinic.account_id, dialect="cases")])
    async with db.read() as session:
        dialects = set(await session.scalars(select(AccountDialect.dialect).where(AccountDialect.account_id == clinic.account_id)))
    assert "cases" in dialects


async def test_a_persistent_lean_insert_fills_scalar_defaults_and_flushes_later_changes(db):
    clinic = await create_clinic(db)
    async with db.transaction() as session:
        patient = Patient(account_id=clinic.account_id, first_name="Ana", last_name="Ruiz", address={})  # mode, sex, enrolled unset
        await LeanInsert(Patient).add(session, [patient], persistent=True)
        assert (patient.mode, patient.sex, patient.enrolled) == ("live", "unknown", False)  # the model's defaults, written
        assert patient.email is None and patient.date_of_birth is None  # never set: None, not a lazy load
        assert patient in session and not session.dirty  # held as loaded, nothing pending
        patient.last_name = "Ruiz López"  # a change to it is the session's to flush
    async with db.read() as session:
        stored = await session.get(Patient, patient.id)
    assert (stored.mode, stored.sex, stored.enrolled, stored.last_name) == ("live", "unknown", False, "Ruiz López")


_LAST_NAME = LeanUpdate(Patient, "last_name")


async def test_a_lean_update_writes_at_once_and_leaves_the_commit_nothing_to_flush(db):
    clinic = await create_clinic(db)
    flushed: list[str] = []

    def heard(_connection, _cursor, statement, *_):
        flushed.append(statement)

    async with db.transaction() as session:
        patient = Patient(account_id=clinic.account_id, first_name="Ana", last_name="Ruiz", address={})
        await LeanInsert(Patient).add(session, [patient], persistent=True)
        await _LAST_NAME.write(session, patient, last_name="Ruiz López")
        assert patient.last_name == "Ruiz López" and patient in session and not session.dirty
        sqlalchemy.event.listen(db.engine.sync_engine, "before_cursor_execute", heard)
    sqlalchemy.event.remove(db.engine.sync_engine, "before_cursor_execute", heard)
    assert not [sql for sql in flushed if "UPDATE" in sql.upper()]  # the commit had nothing to write
    patient_id = patient.id
    with pytest.raises(RuntimeError):  # and in the request's transaction: rolled back with it
        async with db.transaction() as session:
            session.add(patient)  # detached since the last transaction: held again
            await _LAST_NAME.write(session, patient, last_name="Otra")
            raise RuntimeError("the request failed after writing")
    async with db.read() as session:
        assert (await session.get(Patient, patient_id)).last_name == "Ruiz López"
    with pytest.raises(ValueError, match="writes last_name"):
        async with db.transaction() as session:
            await _LAST_NAME.write(session, Patient(id=patient_id), first_name="Ana")


def test_sqlalchemy_is_the_minor_version_whose_private_parts_lean_reads() -> None:
    """An upgrade past 2.1 must be deliberate: read lean.py's `_compile` and `_Asyncpg` against
    the new compiler and adapter, then move this bound with pyproject.toml's."""
    assert sqlalchemy.__version__.startswith("2.1."), f"SQLAlchemy {sqlalchemy.__version__}: lean.py was written against 2.1"
    compiled = select(OutboxMessage.id).where(OutboxMessage.topic == bindparam("topic")).compile(dialect=postgresql.dialect())
    for private in ("positiontup", "binds", "_bind_processors", "_result_columns"):
        assert hasattr(compiled, private), f"SQLAlchemy's compiler has no {private} any more: lean.py must change"
    assert hasattr(AsyncAdapt_asyncpg_connection, "_start_transaction"), "the asyncpg adapter's lazy BEGIN moved: lean.py must change"


async def test_lean_statements_are_logged_and_observed_without_their_parameters(db, caplog) -> None:
    topic = _topic()
    seen: list[tuple[str, float, BaseException | None]] = []
    stop = statement_watch.watch(lambda sql, seconds, error: seen.append((sql, seconds, error)))
    try:
        with caplog.at_level(logging.INFO, logger="sqlalchemy.engine.Engine"):
            async with db.transaction() as session:
                await LeanStatement(select(OutboxMessage.id).where(OutboxMessage.topic == bindparam("topic"))).rows(session, topic=topic)
    finally:
        stop()

    [(sql, seconds, error)] = [s for s in seen if "outbox_messages" in s[0]]
    assert "SELECT" in sql and seconds >= 0 and error is None
    logged = [r.getMessage() for r in caplog.records if r.getMessage().startswith("[lean] ")]
    assert any("outbox_messages" in line for line in logged) and not any(topic in line for line in logged)
