"""Constraints every dialect's wire schemas share."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from carepost.core.kit.bounds import LARGEST_ID
from carepost.core.kit.text import has_control_characters

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MOMENT_MESSAGE = "Must be a time in ISO 8601, such as 2026-05-29T12:00:00Z."


def _written_as_a_time(value: Any) -> Any:
    """Pydantic would read 0 or "0" as 1970; a time on the wire is ISO 8601 text only."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(MOMENT_MESSAGE)
    return value


def _in_utc(value: datetime) -> datetime:
    """Without an offset, a time is UTC; one that falls outside years 1 to 9999 in UTC is refused."""
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValueError("Must be a time between the years 1 and 9999 (UTC).") from None


# A time a partner sends (a filter, a replay's start): ISO 8601 text, held in UTC.
Moment = Annotated[datetime, BeforeValidator(_written_as_a_time), AfterValidator(_in_utc)]

# A row's id as a partner sends it: never past what the database and a JSON number hold.
RowNumber = Annotated[int, Field(ge=1, le=LARGEST_ID)]


def _one_line(value: str) -> str:
    if has_control_characters(value):
        raise ValueError("Must be one line, without line breaks or other control characters.")
    return value


# For names, address lines, phone numbers and ids: they end up on labels, in e-mail
# headers and in CSV rows, where a line break splits them (core/kit/text.py).
OneLine = AfterValidator(_one_line)
