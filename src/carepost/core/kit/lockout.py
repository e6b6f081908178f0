"""Lock-out after repeated wrong passwords, one rule for everyone who signs in with one
(console operators, the pharmacy API's users): five failures in a row lock the login for
fifteen minutes, and the answer to a locked login is the answer to a wrong password."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case

LOCK_AFTER_FAILURES = 5
LOCKED_FOR = timedelta(minutes=15)


def is_locked(locked_until: datetime | None, at: datetime) -> bool:
    return locked_until is not None and locked_until > at


def one_more_failure(failures: Any, locked_until: Any, at: datetime) -> dict[str, Any]:
    """The UPDATE values that count a failure in one statement (two at once both count);
    the one that reaches the limit locks the login until `at + LOCKED_FOR`."""
    failed = failures + 1
    return {failures.key: failed, locked_until.key: case((failed >= LOCK_AFTER_FAILURES, at + LOCKED_FOR), else_=locked_until)}


def cleared(failures: Any, locked_until: Any) -> dict[str, Any]:
    return {failures.key: 0, locked_until.key: None}
