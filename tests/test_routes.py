"""The app's routes: one flat list, each route tried with its own pattern (no router wrappers a
request walks through first; docs/performance.md, "Routes in one flat list")."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi_offline import FastAPIOffline
from starlette.routing import Mount, Route

from carepost.app import _serve_routes, create_app
from carepost.config import Settings


def test_every_route_is_served_from_the_apps_own_list() -> None:
    app = create_app(Settings())

    assert all(isinstance(route, Route | Mount) for route in app.router.routes)
    paths = {route.path for route in app.router.routes if isinstance(route, Route)}
    assert {"/api/partner/v1/orders", "/api/partner/v1/fupc/lookup", "/api/v3/order", "/api/v3/patient", "/healthz"} <= paths


def test_a_router_that_nests_another_is_refused_rather_than_served_without_its_prefix() -> None:
    inner, outer = APIRouter(), APIRouter(prefix="/outer")
    inner.add_api_route("/inner", lambda: None)
    outer.include_router(inner)

    with pytest.raises(TypeError, match="includes another"):
        _serve_routes(FastAPIOffline(), (outer,))


async def test_a_known_path_with_another_method_is_refused_with_the_methods_it_takes(client) -> None:
    answer = await client.delete("/api/partner/v1/orders")

    assert answer.status_code == 405
    assert answer.headers["allow"] == "POST"
