"""Pages of a listing: which page was asked for, and what came back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


@dataclass(frozen=True)
class PageRequest:
    """`page` counts from 0; `size` is bounded so no request can ask for the whole table."""

    page: int = 0
    size: int = DEFAULT_PAGE_SIZE

    def __post_init__(self) -> None:
        if self.page < 0 or not 1 <= self.size <= MAX_PAGE_SIZE:
            raise ValueError("page must be >= 0 and size between 1 and MAX_PAGE_SIZE")

    @property
    def offset(self) -> int:
        return self.page * self.size


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    request: PageRequest
    total: int  # matching items on every page

    @property
    def first(self) -> bool:
        return self.request.page == 0

    @property
    def last(self) -> bool:
        return self.request.offset + len(self.items) >= self.total
