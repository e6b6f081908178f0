"""`GET /api/orders/` query parameters, read as DRF and django-filter read them
(docs/pharmacy.md): page-number pagination, SearchFilter, `__in` lists, inclusive
`_before`/`_after` dates, and an OrderingFilter that ignores what it does not know."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

from carepost.core.kit.bounds import LARGEST_PAGE, is_id
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.kit.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageRequest
from carepost.core.retail.filters import RetailFilters, ordering_from
from carepost.core.retail.lifecycle import PaymentStatus, RetailStatus

INVALID_PAGE = "Invalid page."


def page_request(params: Mapping[str, str]) -> PageRequest:
    """`page` counts from 1 (DRF); a page that is no number, or past any list's end, is 404 "Invalid page."."""
    try:
        page = int(params.get("page", "1"))
    except ValueError:
        raise NotFound(INVALID_PAGE, code="invalid_page") from None
    if not 1 <= page <= LARGEST_PAGE:
        raise NotFound(INVALID_PAGE, code="invalid_page")
    try:
        size = min(max(int(params.get("page_size", DEFAULT_PAGE_SIZE)), 1), MAX_PAGE_SIZE)
    except ValueError:
        size = DEFAULT_PAGE_SIZE  # DRF ignores a page size it cannot read
    return PageRequest(page=page - 1, size=size)


def filters(params: Mapping[str, str]) -> RetailFilters:
    return RetailFilters(
        search=params.get("search") or None,
        patient_id=_number(params, "patient"),
        order_status_in=_choices(params, "order_status__in", {s.value for s in RetailStatus}),
        exclude_order_status_in=_choices(params, "exclude_order_status__in", {s.value for s in RetailStatus}),
        payment_status_in=_choices(params, "payment_status__in", {s.value for s in PaymentStatus}),
        expected_delivery_before=_date(params, "expected_delivery_date_before"),
        expected_delivery_after=_date(params, "expected_delivery_date_after"),
        max_delivery_before=_date(params, "max_delivery_date_before"),
        max_delivery_after=_date(params, "max_delivery_date_after"),
        ordering=ordering_from(params.get("ordering")),
    )


def check_page(found: Page, request: PageRequest) -> None:
    """A page past the end is 404, as DRF answers (the first page always exists)."""
    if request.page > 0 and not found.items:
        raise NotFound(INVALID_PAGE, code="invalid_page")


def page_links(found: Page, base_url: str, params: Mapping[str, str]) -> tuple[str | None, str | None]:
    """DRF's absolute `next` and `previous`: the same query with another page (none for page 1)."""
    number = found.request.page + 1
    others = [(k, v) for k, v in params.items() if k != "page"]

    def url(page: int) -> str:
        query = urlencode(others + ([("page", str(page))] if page > 1 else []))
        return f"{base_url}?{query}" if query else base_url

    next_url = url(number + 1) if not found.last else None
    previous_url = url(number - 1) if number > 1 else None
    return next_url, previous_url


def _number(params: Mapping[str, str], name: str) -> int | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput("Enter a number.", field=name) from None
    if not is_id(number):
        # django-filter's ModelChoiceFilter: a number that names no row
        raise InvalidInput("Select a valid choice. That choice is not one of the available choices.", field=name)
    return number


def _choices(params: Mapping[str, str], name: str, allowed: set[str]) -> tuple[str, ...]:
    values = tuple(v for v in (params.get(name) or "").split(",") if v)
    for value in values:
        if value not in allowed:
            raise InvalidInput(f"Select a valid choice. {value} is not one of the available choices.", field=name)
    return values


def _date(params: Mapping[str, str], name: str) -> date | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("Enter a valid date.", field=name) from None
