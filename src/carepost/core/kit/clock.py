"""One place for time: UTC everywhere, ISO 8601 on the wire."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def as_utc(moment: datetime) -> datetime: ...
@overload
def as_utc(moment: None) -> None: ...
def as_utc(moment: datetime | None) -> datetime | None:
    """A time given without an offset is read as UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def iso_millis(moment: datetime | None) -> str | None:
    """`2026-05-29T12:00:00.000Z`, the shape the contracts show."""
    if moment is None:
        return None
    # isoformat, not strftime: glibc's strftime looks up the local time zone (a stat of
    # /etc/localtime) on every call, and this runs for every time every answer shows.
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
