"""How contract 001's paths are spelled: DRF routes, with and without their trailing slash,
and `<int:pk>` order numbers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from carepost.core.kit.bounds import is_id
from carepost.core.kit.errors import NotFound

# Any length: a number past any id, or no number, is 404 (`order_number`), never a 400.
OrderId = Annotated[str, Path()]


def order_number(value: str) -> int:
    """Django's `<int:pk>` route: anything but a number names no order (404, not 400)."""
    if not value.isdigit() or not is_id(int(value)):
        raise NotFound("Not found.", code="order_not_found")
    return int(value)


def route_on(router: APIRouter):
    """A decorator registering a handler on `router` at `path` (documented) and at `path`
    without its trailing slash, without a redirect: DRF clients send the slash, and the
    contract itself spells some paths without."""

    def route(path: str, method: str, **options: Any):
        def register(handler):
            router.add_api_route(path, handler, methods=[method], **options)
            router.add_api_route(path.rstrip("/"), handler, methods=[method], include_in_schema=False, **options)
            return handler

        return register

    return route
