"""What a listing of retail orders may ask for (contract 001's search, filters and ordering)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ORDERING_FIELDS = ("created_at", "-created_at", "expected_delivery_date", "-expected_delivery_date")
DEFAULT_ORDERING = ("-created_at",)


def ordering_from(text: str | None) -> tuple[str, ...]:
    """DRF's OrderingFilter: comma-separated fields, in turn; unknown ones ignored, and
    none known is the default."""
    fields = tuple(dict.fromkeys(f.strip() for f in (text or "").split(",") if f.strip() in ORDERING_FIELDS))
    return fields or DEFAULT_ORDERING


@dataclass(frozen=True)
class RetailFilters:
    search: str | None = None  # every term must match the patient's first or last name
    patient_id: int | None = None
    order_status_in: tuple[str, ...] = ()
    exclude_order_status_in: tuple[str, ...] = ()
    payment_status_in: tuple[str, ...] = ()
    expected_delivery_before: date | None = None  # inclusive: the whole day, UTC
    expected_delivery_after: date | None = None
    max_delivery_before: date | None = None
    max_delivery_after: date | None = None
    ordering: tuple[str, ...] = DEFAULT_ORDERING
