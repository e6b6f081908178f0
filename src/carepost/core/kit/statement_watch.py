"""Who watches the SQL statements (tracing): every one, whichever way it runs.

A statement runs one of two ways: through SQLAlchemy (the ORM, Core), whose engine events see
it, or lean (lean.py), which bypasses those events and reports itself. Both end here, so a
watcher is told of each the same way: its SQL text, its duration in seconds and its error —
never its parameters, which may be patient data.

Why not OpenTelemetry's SQLAlchemy instrumentation: it cannot see the lean statements (they
skip the events it hooks), so their spans are drawn here anyway; it declares SQLAlchemy < 2.1
and installs only when forced; and in a request it does not sample, it still parses the
engine's URL at every statement and wraps every connection in a span (a fifth more
instructions for the masks status read, docs/performance.md, "Tracing that is not sampled").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

StatementWatcher = Callable[[str, float, BaseException | None], None]
_WATCHERS: list[StatementWatcher] = []
_STARTED = "carepost_started"  # on the execution context, from before a statement to after it


def watch(watcher: StatementWatcher) -> Callable[[], None]:
    """Tell `watcher` of every statement run from now on, on engines made from now on (their
    events are hooked when made: an engine made with no watcher pays nothing). Returns how to stop."""
    _WATCHERS.append(watcher)
    return lambda: _WATCHERS.remove(watcher)


def statement_ran(sql: str, started: float, error: BaseException | None) -> None:
    """A statement that started at `started` (time.perf_counter) has ended, with `error` or not."""
    if _WATCHERS:
        elapsed = time.perf_counter() - started
        for watcher in tuple(_WATCHERS):
            watcher(sql, elapsed, error)


def hook_engine(engine: Engine) -> None:
    """SQLAlchemy's own statements on `engine`, told to the watchers; nothing when none watch."""
    if not _WATCHERS:
        return
    event.listen(engine, "before_cursor_execute", _before)
    event.listen(engine, "after_cursor_execute", _after)
    event.listen(engine, "handle_error", _failed)


def _before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
    setattr(context, _STARTED, time.perf_counter())


def _after(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
    statement_ran(statement, getattr(context, _STARTED), None)


def _failed(exception_context: Any) -> None:
    started = getattr(exception_context.execution_context, _STARTED, None)
    if started is not None and exception_context.statement is not None:
        statement_ran(exception_context.statement, started, exception_context.original_exception)
