"""Hot-path statements without SQLAlchemy's per-execution cost.

Measured on the bench machine (docs/performance.md), one statement through an
ORM session costs about 0.4 ms of CPU on PostgreSQL, where asyncpg alone costs
0.1 ms: cache-key generation, the execution context, events, greenlet
switches and result objects, paid again for every request's key lookup and
order read. A `LeanStatement` is still a SQLAlchemy Core statement, written in
a repository and typed by the models' columns; what changes is how it runs:

- it is compiled once per dialect (SQL text, parameter order, and each
  column's bind and result processors, so UTC datetimes, JSON and SQLite's
  decimals come out as the ORM gives them);
- each execution sends that text to the driver connection under the
  session's own connection and transaction (asyncpg's `fetch`, sqlite3's
  `execute`), and applies the processors to plain tuples. It may run on a bare
  `AsyncConnection` instead, with no session at all (`Database.statement`): for
  the one statement behind every request, where a session's own bookkeeping
  cost more than the statement.

Driver errors are raised as SQLAlchemy's `DBAPIError`s, so callers (and the
"database unavailable" answer) see what the ORM path would raise, and a
connection the database dropped is invalidated as the ORM path does.

Beside it: `LeanInsert` writes new rows of a model (and can hand them to the
session as if loaded, `attach`), `LeanUpdate` changes a few columns of one such
row, `is_one_of` takes an id list in one SQL text, `columns_of`/`detached` read
whole rows back as read-only instances.

Its edges:
- **What it returns**: plain tuples, or with `detached` model instances outside any
  session — copies to read, never to change (a change would be written nowhere).
- **Flushing**: a lean statement does not autoflush: use it for rows the session
  holds no unflushed change to, or call `flush_pending` first.
- **Seen like any statement**: it bypasses the engine's events, so it logs itself to
  SQLAlchemy's `sqlalchemy.engine.Engine` logger (at INFO, as `echo` shows the others)
  and tells statement_watch's watchers (tracing) its SQL and duration.
- **SQLAlchemy's version**: it reaches into a few private parts (the compiled
  statement's parameter order and processors, the asyncpg adapter's lazy BEGIN and
  error mapping). pyproject.toml bounds SQLAlchemy to the minor version they were read
  from; tests/core/test_lean_statements.py fails loudly if an upgrade moves them.
- **Where**: only on statements a profile justified (docs/performance.md lists them).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import JSON, any_, bindparam, exc, func, insert, literal_column, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import manager_of_class, set_committed_value
from sqlalchemy.sql import ClauseElement, ColumnElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

from carepost.core.kit.db import Base
from carepost.core.kit.statement_watch import statement_ran

Processor = Callable[[Any], Any] | None
T = TypeVar("T", bound=Base)
# What a lean statement runs on: a session's transaction, or a bare connection (Database.statement).
Runner = AsyncSession | AsyncConnection


@dataclass(frozen=True)
class _Compiled:
    sql: str
    parameters: tuple[str, ...]
    given: dict[str, Any]  # the values written into the statement itself (`.values(state="completed")`)
    bind: dict[str, Any]  # a parameter's processor (a callable; a sequence for an expanding list)
    results: tuple[tuple[int, Callable[[Any], Any]], ...]  # (column index, processor): the columns that have one

    def value(self, name: str, parameters: dict[str, Any]) -> Any:
        value = parameters[name] if name in parameters else self.given[name]
        process = self.bind.get(name)
        return value if process is None else process(value)

    def row(self, fetched: Sequence[Any]) -> tuple[Any, ...]:
        """A fetched row as the ORM gives it. Only the few columns with a processor are
        visited: walking all of a wide row's columns cost a devices list page 0.2 ms."""
        values = list(fetched)
        for index, process in self.results:
            values[index] = process(values[index])
        return tuple(values)


class LeanStatement:
    """A Core statement with named `bindparam`s, run on the driver directly. Given a
    function of the dialect's name instead, it builds one statement per dialect (an
    upsert is PostgreSQL's or SQLite's own `insert`)."""

    def __init__(self, statement: Executable | Callable[[str], Executable]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    async def rows(self, on: Runner, **parameters: Any) -> list[tuple[Any, ...]]:
        connection, raw = await _connection_of(on)
        compiled = self._for(connection.dialect)
        values = [compiled.value(name, parameters) for name in compiled.parameters]
        started = time.perf_counter()
        try:
            fetched = await raw.fetch(compiled.sql, values)
        except Exception as error:
            _observed(compiled.sql, started, error)
            failure = _as_sqlalchemy_error(connection.dialect, compiled.sql, error, raw)
            driver_error: Any = failure.orig if isinstance(failure, exc.DBAPIError) else None  # the driver's own class
            if isinstance(on, AsyncSession):
                on.info.pop(_DRIVER, None)
            if isinstance(failure, exc.DBAPIError) and connection.dialect.is_disconnect(driver_error, raw.adapted, None):
                # As the ORM path does: a connection the database dropped goes back to no pool.
                failure.connection_invalidated = True
                await connection.invalidate()
            raise failure from error
        _observed(compiled.sql, started, None)
        if not compiled.results:
            return [tuple(row) for row in fetched]
        return [compiled.row(row) for row in fetched]

    async def first(self, on: Runner, **parameters: Any) -> tuple[Any, ...] | None:
        found = await self.rows(on, **parameters)
        return found[0] if found else None

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            statement = self.statement if isinstance(self.statement, Executable) else self.statement(dialect.name)
            compiled = self._compiled[dialect.name] = _compile(statement, dialect)
        return compiled


_DRIVER = "carepost.lean_driver"


async def _connection_of(on: Runner) -> tuple[AsyncConnection, _Driver]:
    """The connection a statement runs on and its driver connection. A session's pair is
    found once per transaction: asking the session each time cost two greenlet switches a
    statement (a create sends a dozen). A transaction keeps its connection to its end; the
    next one may take another, and a savepoint is sent when the session is first asked for
    its connection inside it, so the pair is kept beside the innermost transaction it was
    found in. A bare connection's pair is found again each time (its `info` outlives it:
    it belongs to the pooled driver connection)."""
    if isinstance(on, AsyncConnection):
        return on, _driver(on, await _driver_connection(on))
    kept = on.info.get(_DRIVER)
    if kept is not None and kept.transaction is _innermost(on) and kept.transaction.is_active:
        return kept.connection, kept.driver
    connection = await on.connection()  # begins the transaction (or savepoint), as an ORM statement would
    raw = _driver(connection, await _driver_connection(connection))
    on.info[_DRIVER] = _Kept(_innermost(on), connection, raw)
    return connection, raw


async def _driver_connection(connection: AsyncConnection) -> Any:
    """SQLAlchemy's adapter around the driver's connection. A connection neither closed nor
    invalidated holds it already, and reading it needs no I/O: `get_raw_connection`'s greenlet
    (about 14 µs) is for the other case, where getting it back means reconnecting."""
    sync = connection.sync_connection
    if sync is not None and not (sync.closed or sync.invalidated):
        return sync.connection.dbapi_connection
    return (await connection.get_raw_connection()).dbapi_connection


@dataclass(frozen=True)
class _Kept:
    transaction: Any  # the ORM's SessionTransaction the connection was found in
    connection: AsyncConnection
    driver: _Driver


def _innermost(session: AsyncSession) -> Any:
    return session.sync_session.get_nested_transaction() or session.sync_session.get_transaction()


# SQLAlchemy's own logger: `echo`, or logging configured at INFO for it, shows lean statements too.
_SQL_LOG = logging.getLogger("sqlalchemy.engine.Engine")


def _observed(sql: str, started: float, error: BaseException | None) -> None:
    """A lean statement bypasses the engine's events: it is logged and watched here instead."""
    if _SQL_LOG.isEnabledFor(logging.INFO):
        _SQL_LOG.info("[lean] %s", sql)
    statement_ran(sql, started, error)


class LeanInsert:
    """New rows of a model, written from transient instances by one lean INSERT each,
    their generated `id` read back onto them (a model keyed otherwise, by a column the
    caller sets, is written with its key). Scalar client-side defaults are filled in
    (on the instances too); a column whose default is computed is refused, as a lean
    statement would not compute it. The instances stay out of the session (read them,
    don't change them) unless `persistent`: then the session holds them as if it had
    loaded them, and changes to them are flushed as UPDATEs."""

    def __init__(self, model: type[Any]) -> None:
        generated = model.__table__.columns.get("id")
        self._generates_id = generated is not None and generated.primary_key
        columns = [column for column in model.__table__.columns if not (self._generates_id and column is generated)]
        if computed := [column.key for column in columns if column.default is not None and not column.default.is_scalar]:
            raise ValueError(f"{model.__name__} computes defaults ({', '.join(computed)}): insert it through the session")
        self.names = tuple(column.key for column in columns)
        self._defaults = {column.key: column.default.arg for column in columns if column.default is not None}
        statement = insert(model).values({name: bindparam(name) for name in self.names})
        self._statement = LeanStatement(statement.returning(generated) if self._generates_id else statement)

    def values_of(self, row: Any) -> dict[str, Any]:
        """The new row's column values, each held by it (an unset one set to its default, or
        None): a row handed to the session (`attach`) must hold every column, or reading a
        missing one would be a lazy load. Read from and written to the instance's dict, as
        the ORM's loading fills it: a row not yet in any session has no history to keep, and
        its instrumented attributes cost 26 µs an order, each column through their events."""
        held = row.__dict__
        values = {}
        for name in self.names:
            value = held.get(name)
            if value is None:
                value = held[name] = self._defaults.get(name)
            values[name] = value
        return values

    async def add(self, session: AsyncSession, rows: Iterable[Any], *, persistent: bool = False) -> None:
        for row in rows:
            written = await self._statement.rows(session, **self.values_of(row))
            if self._generates_id:
                ((row.id,),) = written
            if persistent:
                attach(session, row)


class LeanUpdate:
    """Columns of one persistent instance, written at once by one lean UPDATE by its `id`,
    and noted on it as loaded: the session holds no pending change to it, so the commit's
    flush does not run the ORM's unit of work for it (about 0.2 ms of CPU for one UPDATE,
    docs/performance.md). For a row the request changes once it has written it (a created
    order's store ids). Nothing is flushed first: the instance must hold no other pending
    change to these columns, and is best a row the session holds clean (`attach`)."""

    def __init__(self, model: type[Any], *names: str) -> None:
        table = model.__table__
        self.names = names
        self._statement = LeanStatement(
            update(model).where(table.c.id == bindparam("row_id")).values({name: bindparam(name) for name in names})
        )

    async def write(self, session: AsyncSession, row: Any, **values: Any) -> None:
        if set(values) != set(self.names):
            raise ValueError(f"{type(row).__name__}'s lean update writes {', '.join(self.names)}")
        await self._statement.rows(session, row_id=row.id, **values)
        for name, value in values.items():
            set_committed_value(row, name, value)


def attach(session: AsyncSession, row: Any) -> None:
    """Hand a transient instance whose row a lean statement wrote (every column set) to
    the session, as if the ORM had loaded it: no SELECT, and later changes to it are
    flushed as UPDATEs."""
    make_transient_to_detached(row)
    session.add(row)


async def flush_pending(session: AsyncSession) -> None:
    """Lean statements do not autoflush: before one reads rows, or writes a row that
    points at others, write what the session holds unflushed."""
    if session.new or session.dirty or session.deleted:
        await session.flush()


def is_one_of(dialect_name: str, column: Any, name: str) -> ColumnElement[bool]:
    """`column IN (the list passed as parameter name)` as one SQL text for lists of any
    length, so it compiles once: PostgreSQL compares with an array (`= ANY($1)`), SQLite
    reads a JSON array (`IN (SELECT value FROM json_each(?))`). Use in a LeanStatement
    built per dialect (a function of the dialect's name)."""
    if dialect_name == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam(name, type_=JSON))))


def columns_of(model: type[Any]) -> list[Any]:
    """A model's columns, in the order `detached` reads them back."""
    return list(model.__table__.columns)


def detached(model: type[T], values: Sequence[Any]) -> T:
    """A model instance from a row of `columns_of(model)` values. Not in any session: a
    detached copy to read, never to change (a change would be written nowhere)."""
    new_instance, names, _ = _making(model)
    instance = new_instance()
    # Filled as the ORM's own loading fills what it reads (`state.dict`), not through the
    # constructor: that sets each column through its instrumented attribute, with events and
    # history, and was a sixth of a devices list page's CPU (docs/performance.md).
    instance.__dict__.update(zip(names, values, strict=True))
    return cast(T, instance)


def detached_or_none(model: type[T], values: Sequence[Any]) -> T | None:
    """As `detached`, or None when an outer join found no row: its primary key is NULL, which
    a row's never is (asking it of the key alone, not of every column: a page reads hundreds)."""
    _, _, key = _making(model)
    return None if values[key] is None else detached(model, values)


@functools.cache
def _making(model: type[Any]) -> tuple[Callable[[], Any], tuple[str, ...], int]:
    """How to make a bare instance of a model, with its state (the ORM's own way, the class
    manager's `new_instance`: private, as lean.py's docstring says), its columns' names, and
    where the first column of its primary key is among them."""
    columns = model.__table__.columns
    first_key = next(iter(model.__table__.primary_key.columns))
    return manager_of_class(model).new_instance, tuple(columns.keys()), list(columns).index(first_key)


def _compile(statement: Executable, dialect: Dialect) -> _Compiled:
    assert isinstance(statement, ClauseElement), "a lean statement is a SQL expression"
    # SQLAlchemy's compiler, read past its public surface (the bound version: pyproject.toml).
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    return _Compiled(
        sql=compiled.string,
        parameters=tuple(compiled.positiontup or ()),
        given={name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required},
        bind=dict(compiled._bind_processors),
        results=tuple(
            (index, process)
            for index, column in enumerate(compiled._result_columns or ())
            if (process := _result_processor(column.type, dialect)) is not None
        ),
    )


_PG_NUMERIC = 1700  # the type OID of PostgreSQL's NUMERIC


def _result_processor(type_: Any, dialect: Dialect) -> Processor:
    """What SQLAlchemy applies to a column's values. asyncpg's numeric processor asks which
    PostgreSQL type the column is (the ORM reads it off the cursor): ours are NUMERIC."""
    try:
        return type_._cached_result_processor(dialect, None)
    except (TypeError, exc.InvalidRequestError):
        return type_._cached_result_processor(dialect, _PG_NUMERIC)


class _Driver:
    """The one call a lean statement needs from a driver connection."""

    def __init__(self, adapted: Any) -> None:
        self.adapted = adapted  # SQLAlchemy's adapter around the driver's connection

    async def fetch(self, sql: str, values: Sequence[Any]) -> Sequence[Sequence[Any]]:
        raise NotImplementedError

    def translate(self, error: Exception) -> Exception:
        return error  # sqlite3's errors are DB-API errors already


class _Asyncpg(_Driver):
    async def fetch(self, sql: str, values: Sequence[Any]) -> Sequence[Sequence[Any]]:
        # SQLAlchemy's adapter sends BEGIN lazily, before its own first statement:
        # a lean statement that comes first must open the transaction the same way.
        if self.adapted._transaction is None and self.adapted.isolation_level != "autocommit":
            await self.adapted._start_transaction()
        return await self.adapted._connection.fetch(sql, *values)

    def translate(self, error: Exception) -> Exception:
        """asyncpg's exception as SQLAlchemy's adapter maps it to a DB-API one."""
        try:
            self.adapted._handle_exception(error)
        except Exception as mapped:
            return mapped
        return error


class _Sqlite(_Driver):
    async def fetch(self, sql: str, values: Sequence[Any]) -> Sequence[Sequence[Any]]:
        # sqlite_on_loop's connection; its BEGIN was sent when the session's transaction began.
        cursor = self.adapted._connection._open().execute(sql, values)
        try:
            return cursor.fetchall()
        finally:
            cursor.close()


def _driver(connection: AsyncConnection, adapted: Any) -> _Driver:
    return _Asyncpg(adapted) if connection.dialect.name == "postgresql" else _Sqlite(adapted)


def _as_sqlalchemy_error(dialect: Dialect, sql: str, error: Exception, raw: _Driver) -> Exception:
    """The driver's error as the ORM path raises it: a `DBAPIError` (IntegrityError,
    OperationalError, InterfaceError, …) around the DB-API error, parameters hidden."""
    translated = raw.translate(error)
    if isinstance(translated, dialect.loaded_dbapi.Error):
        return exc.DBAPIError.instance(sql, None, translated, dialect.loaded_dbapi.Error, hide_parameters=True, dialect=dialect)
    return error
