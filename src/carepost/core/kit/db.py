"""Engine, sessions and the declarative base shared by every table.

A `Database` hands out one transaction at a time (`async with db.transaction()
as session`): committed when the block ends normally, rolled back otherwise.
Services only flush; whoever opened the transaction owns the commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import JSON, BigInteger, DateTime, Integer, MetaData, Numeric, String, event, exc
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, CursorResult, Dialect, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql import Executable
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator
from sqlalchemy.util import await_only

from carepost.core.kit import json_text
from carepost.core.kit.sqlite_on_loop import engine_arguments, writing
from carepost.core.kit.statement_watch import hook_engine

# Named constraints: Alembic's SQLite batch mode can only alter what has a name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets 64 bits.
BigId = BigInteger().with_variant(Integer, "sqlite")
JsonDoc = JSON().with_variant(JSONB, "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, also on SQLite (which keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class utc_day(FunctionElement[str]):
    """The UTC calendar day of a UTCDateTime column as `YYYY-MM-DD` text, on either database
    (PostgreSQL's `date()` would take the session's time zone)."""

    type = String()
    inherit_cache = True


@compiles(utc_day, "postgresql")
def _utc_day_on_postgresql(element: utc_day, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"


@compiles(utc_day, "sqlite")
def _utc_day_on_sqlite(element: utc_day, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"  # stored as UTC text already


class DecimalText(TypeDecorator[Decimal]):
    """SQLite has no exact decimal type (NUMERIC is stored as a float): keep the digits as text."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


def exact_decimal(precision: int, scale: int) -> Any:
    """A Decimal column, exact on both databases: NUMERIC on PostgreSQL, text on SQLite."""
    return Numeric(precision, scale, asdecimal=True).with_variant(DecimalText(), "sqlite")


# Money in pesos and cents (never a float), and rates such as IVA's 0.1600.
Money = exact_decimal(12, 2)
Rate = exact_decimal(7, 4)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    kwargs.setdefault("json_serializer", json_text.dumps_text)  # JSON columns written by orjson
    if url.startswith("sqlite"):
        # Statements run on the event loop's thread (sqlite_on_loop.py); a few
        # connections let readers go on beside the one writer (WAL).
        target, on_loop = engine_arguments(url)
        engine = create_async_engine(target, pool_size=5, max_overflow=0, hide_parameters=True, **on_loop, **kwargs)
        _take_sqlite_transactions_in_hand(engine)
    else:
        target, pooler = behind_transaction_pooler(url)
        # hide_parameters: SQL errors must not carry patient data into logs.
        # No pool_pre_ping: it cost a round trip at every checkout, several per request.
        # After a database restart, the requests in flight on old connections fail
        # (500); SQLAlchemy then discards the whole pool, and the next ones reconnect.
        engine = create_async_engine(target, **{"pool_size": 10, "max_overflow": 20, "hide_parameters": True, **pooler, **kwargs})
    hook_engine(engine.sync_engine)  # its statements, told to whoever watches them (tracing)
    return engine


TRANSACTION_POOLING = "transaction_pooling"


def is_transaction_pooled(url: str) -> bool:
    return str(make_url(url).query.get(TRANSACTION_POOLING, "false")).lower() in ("true", "1", "yes")


def behind_transaction_pooler(url: str) -> tuple[URL, dict[str, Any]]:
    """The URL and engine arguments for `?transaction_pooling=true` (docs/configuration.md):
    PostgreSQL reached through PgBouncer in transaction mode, where consecutive
    transactions of one client connection may run on different server connections.

    A prepared statement lives on one server connection, so none may outlive its
    transaction: asyncpg's statement cache and SQLAlchemy's are off, and the statements
    SQLAlchemy still prepares get names of their own, never reused.
    """
    target = make_url(url).difference_update_query([TRANSACTION_POOLING])
    if not is_transaction_pooled(url):
        return target, {}
    target = target.update_query_dict({"prepared_statement_cache_size": "0"})
    connect_args = {"statement_cache_size": 0, "prepared_statement_name_func": lambda: f"__carepost_{uuid.uuid4().hex}__"}
    return target, {"connect_args": connect_args}


# The execution option that marks Database.read()'s connections.
_READ_ONLY = "carepost_read_only"


def _take_sqlite_transactions_in_hand(engine: AsyncEngine) -> None:
    """Every SQLite transaction starts with BEGIN IMMEDIATE.

    The driver's own deferred BEGIN lets two readers both try to upgrade to
    writers, and one of them then fails at once with "database is locked"
    instead of waiting. Taking the write lock up front makes writers queue on
    the busy timeout. WAL keeps readers of other connections unblocked.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # sqlite_on_loop.py opens it with isolation_level=None: we emit BEGIN ourselves.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a commit is on disk when it returns, WAL or not
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Database.read() marks its connections: a read takes no write lock.
        if connection.get_execution_options().get(_READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:  # sqlite_on_loop's connection, under SQLAlchemy's adapter: waits for the lock without blocking the loop
            await_only(connection.connection.driver_connection.begin_immediate())


_LAST_STATEMENTS = "carepost.run_last"


async def run_last(session: AsyncSession, work: Callable[[], Awaitable[None]]) -> None:
    """Run `work` at the end of the transaction, just before its commit, after everything
    else the request does (its response included).

    For statements on hot rows, ones many requests at once write (stock, an account's
    tallies): such a row stays locked from the statement to the commit, and every other
    request that writes it waits. Run last, the lock is held for the commit alone, not
    across the rest of the request's statements and the other requests the event loop
    serves meanwhile. `work` may still refuse (raise): the whole transaction rolls back.
    A session not opened by `Database.transaction` runs it at once.
    """
    pending = session.info.get(_LAST_STATEMENTS)
    if pending is None:
        await work()
    else:
        pending.append(work)


_ASIDE = "carepost.aside"
T = TypeVar("T")


async def aside(session: AsyncSession, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` in a transaction beside `session`'s, committed as soon as it returns, whatever
    becomes of `session`'s: for one statement on a hot row that may commit on its own, as a
    sequence's `nextval` does (a store's order number), so that the row is locked for that
    statement and not until the end of the request. `work` may run twice (its connection found
    dropped, by a database restart): like `nextval`, it must not mind a value lost.

    On PostgreSQL, on a pool of its own. SQLite has one writer, so a second transaction
    would wait for `session`'s: there, and in a session not opened by `Database.transaction`,
    `work` runs in `session` itself."""
    run_aside = session.info.get(_ASIDE)
    if run_aside is None or dialect_of(session).name != "postgresql":
        return await work(session)
    return cast(T, await run_aside(work))


async def rows_changed(session: AsyncSession, statement: Executable) -> int:
    """Run an UPDATE or DELETE; how many rows it changed."""
    result = cast(CursorResult[Any], await session.execute(statement))
    return result.rowcount


def dialect_of(session: AsyncSession) -> Dialect:
    """The SQL dialect of the engine every session of ours is bound to."""
    return session.get_bind().dialect


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """An INSERT that knows ON CONFLICT, in the session's own SQL dialect."""
    return insert_for(dialect_of(session).name, table)


def insert_for(dialect_name: str, table: Any) -> Any:
    """An INSERT that knows ON CONFLICT, in this SQL dialect (for lean.py's per-dialect statements)."""
    return postgresql_insert(table) if dialect_name == "postgresql" else sqlite_insert(table)


class Database:
    """The one handle the app, the worker and the CLI share."""

    def __init__(self, url: str, *, replica_url: str | None = None, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_kwargs)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        postgresql = self.dialect_name == "postgresql"
        # Reads (docs/architecture.md, "Reads"): on SQLite a deferred transaction, beside the
        # writer (WAL), never queueing for the write lock, and reading one snapshot; on
        # PostgreSQL a READ ONLY transaction in REPEATABLE READ, so a page's statements (its
        # rows, its count) see one snapshot.
        snapshot = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True} if postgresql else {_READ_ONLY: True}
        self._read_engine = self.engine.execution_options(**snapshot)
        self._read_sessions = async_sessionmaker(self._read_engine, expire_on_commit=False)
        # Reads that may lag (read(may_lag=True)) go to the replica when there is one, in the same snapshot.
        self._replica_engine = create_engine(replica_url, **engine_kwargs) if replica_url else None
        self._lagging_sessions = (
            async_sessionmaker(self._replica_engine.execution_options(**snapshot), expire_on_commit=False)
            if self._replica_engine is not None else self._read_sessions
        )
        # One statement (the API key behind every request) needs no transaction of its own on
        # PostgreSQL: autocommit saves the BEGIN and COMMIT round trips. Behind a transaction
        # pooler its Parse and Execute may reach two server connections: there it is a snapshot read.
        autocommit = postgresql and not is_transaction_pooled(url)
        self._lookup_engine = self.engine.execution_options(isolation_level="AUTOCOMMIT") if autocommit else self._read_engine
        self._lookup_sessions = async_sessionmaker(self._lookup_engine, expire_on_commit=False)
        self._aside_engine: AsyncEngine | None = None  # see aside(), made when first needed
        self._engine_kwargs = engine_kwargs

    @property
    def replica_engine(self) -> AsyncEngine | None:
        """The read replica's engine (its pool, for the metrics), when one is configured."""
        return self._replica_engine

    @property
    def dialect_name(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction, committed when the block ends and rolled back if it raises.

        What `async with session, session.begin()` does, less two greenlet switches: the ORM's
        begin, and closing a session whose transaction has ended, do no I/O, so they run here
        directly (about 60 µs of CPU a transaction, docs/performance.md). The commit, a rollback and
        a close that still holds a connection go through AsyncSession, as they must."""
        async with self._one_writer():
            session = self._sessions()
            session.sync_session.begin()
            session.info[_LAST_STATEMENTS] = []
            session.info[_ASIDE] = self._run_aside
            try:
                yield session
                for work in session.info.pop(_LAST_STATEMENTS):  # see run_last
                    await work()
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
            finally:
                if session.sync_session.in_transaction():
                    await asyncio.shield(session.close())  # as AsyncSession's own exit: the connection goes back
                else:
                    session.sync_session.close()

    @asynccontextmanager
    async def lean_transaction(self) -> AsyncIterator[AsyncConnection]:
        """A transaction of lean statements only (lean.py), on a bare connection: committed
        when the block ends, rolled back if it raises or is cancelled. No ORM session, so no
        ORM object, `run_last` or `aside` in it: for a unit of work of lean statements alone
        where the session's bookkeeping was a share worth saving (the masks status read,
        every client's poll: a tenth of its instructions, docs/performance.md, "A status
        read without an ORM session"). On SQLite it takes the write lock, as `transaction()`."""
        async with self._one_writer(), self.engine.connect() as connection, connection.begin():
            yield connection

    def _one_writer(self) -> contextlib.AbstractAsyncContextManager[Any]:
        """SQLite has one writer, and every transaction here takes the write lock
        (BEGIN IMMEDIATE): a process's transactions queue on an asyncio lock, which
        hands the database over at once and never blocks the loop (sqlite_on_loop.py)."""
        return writing(self.engine.url) if self.dialect_name == "sqlite" else contextlib.nullcontext()

    @asynccontextmanager
    async def read(self, *, may_lag: bool = False) -> AsyncIterator[AsyncSession]:
        """A read-only session whose statements see one snapshot: every GET that writes
        nothing, and every read ahead of slow work (a PDF, a password hash, a PAC call).
        It takes no SQLite write lock; no write may happen in it.

        `may_lag`: on the read replica when one is configured, so its snapshot may miss the
        last writes (the replica's replay delay). For the lists and searches, which a client
        does not read to see its own write at once (as Stripe's search); never for an order's
        own status or detail, which a client reads right after creating or changing it."""
        async with (self._lagging_sessions if may_lag else self._read_sessions)() as session:
            yield session

    @asynccontextmanager
    async def lookup(self) -> AsyncIterator[AsyncSession]:
        """A session for ONE read statement (the API key, operator token or console session
        behind every request): no transaction of its own on PostgreSQL. Anything more is `read()`;
        one lean statement, `statement()`."""
        async with self._lookup_sessions() as session:
            yield session

    @asynccontextmanager
    async def statement(self) -> AsyncIterator[AsyncConnection]:
        """A bare connection for ONE lean statement (lean.py), with no session: the API key
        behind every partner request, the pharmacy user behind its token. As `lookup()`, no
        transaction of its own on PostgreSQL.
        A session's bookkeeping (its ORM transaction, its connection's, the pool's events)
        cost about 85 µs of CPU here, more than the statement's own round trip
        (docs/performance.md, "A session's own cost, cut back")."""
        async with self._lookup_engine.connect() as connection:
            yield connection

    @asynccontextmanager
    async def read_connection(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reads outside the ORM (the readiness check's migration heads):
        like `read()`, it never takes SQLite's write lock."""
        async with self._read_engine.connect() as connection:
            yield connection

    async def _run_aside(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        if self._aside_engine is None:
            # Two connections of their own: an aside waits for one of these, never for the main
            # pool, which the transactions waiting for an aside hold (no cycle, no deadlock).
            self._aside_engine = create_engine(self.url, **{**self._engine_kwargs, "pool_size": 2, "max_overflow": 0})
        try:
            return await self._aside_once(work)
        except exc.DBAPIError as error:
            if not error.connection_invalidated:
                raise
            # A connection the database dropped (it restarted, or closed): the pool's other one is
            # as stale, and nothing else would notice before the next request failed on it.
            await self._aside_engine.dispose()
            return await self._aside_once(work)

    async def _aside_once(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        assert self._aside_engine is not None
        async with AsyncSession(self._aside_engine, expire_on_commit=False) as own, own.begin():
            return await work(own)

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._replica_engine is not None:
            await self._replica_engine.dispose()
        if self._aside_engine is not None:
            await self._aside_engine.dispose()


# SQLSTATEs that mean "the database is not there right now", not "your statement is wrong":
# connection exceptions (08…), operator intervention (57P01–57P03: shutdown, crash, not yet
# accepting), too many connections (53300), a database closed to connections (55000 on connect),
# and a serialization failure (40001), which a read on a read replica gets when the primary's
# changes it replays conflict with it ("canceling statement due to conflict with recovery"):
# asked again, it runs. Carepost's own transactions never run SERIALIZABLE on the primary.
_UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "53300", "55000", "40001")


# SQLite's: busy past the timeout, locked, or a file that cannot be opened.
_UNAVAILABLE_SQLITE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN")


def is_database_unavailable(error: BaseException) -> bool:
    """Whether `error` says the database cannot be reached (answer 503 and retry), as
    opposed to a fault in the request or the code (500)."""
    if isinstance(error, (OSError, TimeoutError, exc.TimeoutError)):  # refused, reset, pool exhausted
        return True
    if isinstance(error, exc.DBAPIError):
        if error.connection_invalidated or isinstance(error, exc.InterfaceError):
            return True
        original = error.orig
        sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        if sqlstate and sqlstate.startswith(_UNAVAILABLE_SQLSTATES):
            return True
        if getattr(original, "sqlite_errorname", None) in _UNAVAILABLE_SQLITE:
            return True
        return isinstance(original, OSError)
    # sqlite_on_loop's BEGIN IMMEDIATE gives up with sqlite3's own error, unwrapped.
    return getattr(error, "sqlite_errorname", None) in _UNAVAILABLE_SQLITE
