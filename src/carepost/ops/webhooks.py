"""/api/ops/v1/accounts/{slug}/webhooks: what a partner sees of its webhooks, for
operators, across accounts (the mode is a query parameter, `live` unless given)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from carepost.core.accounts import service as accounts
from carepost.core.webhooks import endpoints, replay
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example
from carepost.http.operators import OperatorDep
from carepost.http.runtime import RuntimeDep
from carepost.http.wire import Moment
from carepost.webhooks_api import examples, mapping, shapes
from carepost.webhooks_api.schemas import EndpointIn, EndpointPatch, ReplayIn

router = APIRouter(prefix="/api/ops/v1/accounts/{slug}/webhooks", tags=["operator"], strict_content_type=False)

ModeParam = Annotated[Literal["live", "test"], Query()]


@router.get("", summary="An account's webhook endpoints", responses={200: {"model": shapes.EndpointList}})
async def list_endpoints(slug: str, operator: OperatorDep, runtime: RuntimeDep, mode: ModeParam = "live") -> JSONResponse:
    async with runtime.db.read() as session:
        found = await endpoints.all_of(session, scope=await accounts.scope_by_slug(session, slug=slug, mode=mode))
    return JSONResponse({"data": [mapping.endpoint(e) for e in found]})


@router.post(
    "", status_code=201, summary="Add an endpoint for an account", responses={201: {"model": shapes.EndpointWithSecret}},
    openapi_extra=body_example(examples.ENDPOINT),
)
async def add_endpoint(slug: str, body: EndpointIn, operator: OperatorDep, runtime: RuntimeDep, mode: ModeParam = "live") -> JSONResponse:
    """The signing secret is in this answer only; hand it to the partner."""
    async with runtime.db.transaction() as session:
        made = await endpoints.create(
            session, scope=await accounts.scope_by_slug(session, slug=slug, mode=mode), given=mapping.endpoint_in(body),
            policy=runtime.settings.webhook_policy, secret_key=runtime.settings.resolved_secret_key,
        )
        return JSONResponse(mapping.endpoint(made.endpoint, secret=made.secret), status_code=201)


@router.patch(
    "/{endpoint_id}", summary="Change an account's endpoint", responses={200: {"model": shapes.Endpoint}},
    openapi_extra=body_example({**examples.ENDPOINT_PATCH, "enabled": True}),
)
async def patch_endpoint(
    slug: str, endpoint_id: str, body: EndpointPatch, operator: OperatorDep, runtime: RuntimeDep, mode: ModeParam = "live"
) -> JSONResponse:
    """As the partner would: `url`, `description`, `event_types`, `enabled` (turn a disabled endpoint back on)."""
    given = mapping.endpoint_change(body)
    async with runtime.db.transaction() as session:
        changed = await endpoints.change(
            session, scope=await accounts.scope_by_slug(session, slug=slug,
                mode=mode), endpoint_id=endpoint_id, given=given, policy=runtime.settings.webhook_policy
        )
        return JSONResponse(mapping.endpoint(changed))


@router.delete("/{endpoint_id}", status_code=204, summary="Remove an account's endpoint")
async def delete_endpoint(slug: str, endpoint_id: str, operator: OperatorDep, runtime: RuntimeDep, mode: ModeParam = "live") -> Response:
    async with runtime.db.transaction() as session:
        await endpoints.delete(session, scope=await accounts.scope_by_slug(session, slug=slug, mode=mode), endpoint_id=endpoint_id)
    return Response(status_code=204)


@router.post(
    "/{endpoint_id}/replay", status_code=202, summary="Send an endpoint's failed events again", responses={202: {"model": shapes.Replayed}},
    openapi_extra=body_example(examples.REPLAY),
)
async def replay_failed(
    slug: str, endpoint_id: str, body: ReplayIn, operator: OperatorDep, runtime: RuntimeDep, mode: ModeParam = "live"
) -> JSONResponse:
    async with runtime.db.transaction() as session:
        count = await replay.replay_failed(session, scope=await accounts.scope_by_slug(session, slug=slug, mode=mode), endpoint_id=endpoint_id,
            since=body.since)
        return JSONResponse({"replayed": count}, status_code=202)


@router.get("/{endpoint_id}/deliveries", summary="An endpoint's deliveries", responses={200: {"model": shapes.DeliveryList}})
async def list_deliveries(
    slug: str,
    endpoint_id: str,
    operator: OperatorDep,
    runtime: RuntimeDep,
    mode: ModeParam = "live",
    status: Literal["pending", "succeeded", "failed"] | None = None,
    since: Moment | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> JSONResponse:
    async with runtime.db.read() as session:
        found = await replay.deliveries(
            session, scope=await accounts.scope_by_slug(session, slug=slug,
                mode=mode), endpoint_id=endpoint_id, status=status, since=since, until=None, limit=limit
        )
    return JSONResponse({"data": [mapping.delivery(d, e, a) for d, e, a in found]})


@router.post("/events/{event_id}/replay", status_code=202, summary="Send an event again", responses={202: {"model": shapes.Replayed}})
async def replay_event(slug: str, event_id: str, operator: OperatorDep, runtime: RuntimeDep, mode: ModeParam = "live") -> JSONResponse:
    async with runtime.db.transaction() as session:
        count = await replay.replay_event(session, scope=await accounts.scope_by_slug(session, slug=slug, mode=mode), event_id=event_id)
        return JSONResponse({"replayed": count}, status_code=202)
