"""The ranges every number and day from outside must fall in before it reaches SQL.

PostgreSQL refuses a parameter past BIGINT (asyncpg raises before sending it) and
an OFFSET past int64; Python refuses a day after 9999-12-31. Each surface checks
its input against these bounds and answers in its own envelope; nothing past them
is ever sent to the database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

LARGEST_ID = 2**53  # what a JSON number carries exactly, and well inside BIGINT
LARGEST_PAGE = 1_000_000  # × the largest page size stays far inside an int64 OFFSET


def is_id(value: int) -> bool:
    return 1 <= value <= LARGEST_ID


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def start_of_next_day(day: date) -> datetime | None:
    """Where a day, taken whole, ends (UTC); None after the last day there is: no bound."""
    if day == date.max:
        return None
    return start_of_day(day + timedelta(days=1))
