"""/api/webhooks/v1: a partner's own webhook endpoints, deliveries and replays, with any
of its API keys; everything is scoped to the key's account and mode (docs/webhooks.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from carepost.core.webhooks import endpoints, event_log, replay
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example
from carepost.http.runtime import Runtime, RuntimeDep
from carepost.http.wire import Moment
from carepost.webhooks_api import examples, mapping, shapes
from carepost.webhooks_api.auth import CallerDep
from carepost.webhooks_api.schemas import EndpointIn, EndpointPatch, ReplayIn

router = APIRouter(prefix="/api/webhooks/v1", tags=["webhooks"], strict_content_type=False)



def _policy(runtime: Runtime) -> WebhookPolicy:
    return runtime.settings.webhook_policy



@router.post(
    "/endpoints", status_code=201, summary="Add an endpoint", responses={201: {"model": shapes.EndpointWithSecret}},
    openapi_extra=body_example(examples.ENDPOINT),
)
async def create_endpoint(body: EndpointIn, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    """The answer holds the signing `secret`, shown this once."""
    caller.require_write()
    given = mapping.endpoint_in(body)
    async with runtime.db.transaction() as session:
        made = await endpoints.create(
            session, scope=caller.scope, given=given, policy=_policy(runtime), secret_key=runtime.settings.resolved_secret_key
        )
        return JSONResponse(mapping.endpoint(made.endpoint, secret=made.secret), status_code=201)


@router.get("/endpoints", summary="The account's endpoints (this mode)", responses={200: {"model": shapes.EndpointList}})
async def list_endpoints(caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        found = await endpoints.all_of(session, scope=caller.scope)
    return JSONResponse({"data": [mapping.endpoint(e) for e in found]})


@router.get("/endpoints/{endpoint_id}", summary="An endpoint", responses={200: {"model": shapes.Endpoint}})
async def get_endpoint(endpoint_id: str, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        return JSONResponse(mapping.endpoint(await endpoints.get(session, scope=caller.scope, endpoint_id=endpoint_id)))


@router.patch(
    "/endpoints/{endpoint_id}", summary="Change an endpoint", responses={200: {"model": shapes.Endpoint}},
    openapi_extra=body_example(examples.ENDPOINT_PATCH),
)
async def patch_endpoint(endpoint_id: str, body: EndpointPatch, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    """Any of `url`, `description`, `event_types` (null: every type), `enabled`."""
    caller.require_write()
    given = mapping.endpoint_change(body)
    async with runtime.db.transaction() as session:
        changed = await endpoints.change(session, scope=caller.scope, endpoint_id=endpoint_id, given=given, policy=_policy(runtime))
        return JSONResponse(mapping.endpoint(changed))


@router.delete("/endpoints/{endpoint_id}", status_code=204, summary="Remove an endpoint")
async def delete_endpoint(endpoint_id: str, caller: CallerDep, runtime: RuntimeDep) -> Response:
    caller.require_write()
    async with runtime.db.transaction() as session:
        await endpoints.delete(session, scope=caller.scope, endpoint_id=endpoint_id)
    return Response(status_code=204)


@router.post("/endpoints/{endpoint_id}/rotate-secret", summary="Rotate the signing secret", responses={200: {"model": shapes.EndpointWithSecret}})
async def rotate_secret(endpoint_id: str, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    """A new secret, shown this once; for 24 hours deliveries carry both signatures."""
    caller.require_write()
    async with runtime.db.transaction() as session:
        made = await endpoints.rotate_secret(
            session, scope=caller.scope, endpoint_id=endpoint_id, policy=_policy(runtime), secret_key=runtime.settings.resolved_secret_key
        )
        return JSONResponse(mapping.endpoint(made.endpoint, secret=made.secret))


@router.post("/endpoints/{endpoint_id}/test", status_code=202, summary="Send a webhook.test event", responses={202: {"model": shapes.Sent}})
async def send_test(endpoint_id: str, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    caller.require_write()
    async with runtime.db.transaction() as session:
        event = await replay.send_test(session, scope=caller.scope, endpoint_id=endpoint_id)
        return JSONResponse({"event_id": event.public_id}, status_code=202)


@router.get("/endpoints/{endpoint_id}/deliveries", summary="An endpoint's deliveries", responses={200: {"model": shapes.DeliveryList}})
async def list_deliveries(
    endpoint_id: str,
    caller: CallerDep,
    runtime: RuntimeDep,
    status: Literal["pending", "succeeded", "failed"] | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> JSONResponse:
    """Newest first, each with its event, payload and every attempt (status, duration, the first KB of the answer)."""
    async with runtime.db.read() as session:
        found = await replay.deliveries(
            session, scope=caller.scope, endpoint_id=endpoint_id, status=status, since=since, until=until, limit=limit
        )
    return JSONResponse({"data": [mapping.delivery(d, e, a) for d, e, a in found]})


@router.get("/events", summary="The account's events (this mode), newest first", responses={200: {"model": shapes.EventList}})
async def list_events(
    caller: CallerDep,
    runtime: RuntimeDep,
    type: Annotated[str | None, Query(min_length=1, max_length=64, description="A type, or a family: `case.order.*`")] = None,
    order_id: Annotated[str | None, Query(min_length=1, max_length=64, description="The order's id as its API shows it")] = None,
    since: Moment | None = None,
    until: Moment | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    starting_after: Annotated[str | None, Query(min_length=1, max_length=40, description="An event id: the older events after it")] = None,
    ending_before: Annotated[str | None, Query(min_length=1, max_length=40, description="An event id: the newer events before it")] = None,
) -> JSONResponse:
    """Every event, whether or not an endpoint wanted it, for 30 days (docs/sandbox.md): to
    recover missed deliveries, keep asking `ending_before=<the newest event you have>`."""
    filters = event_log.EventFilters(type=type, order=order_id, since=since, until=until)
    async with runtime.db.read() as session:
        found = await event_log.page(
            session, scope=caller.scope, filters=filters, limit=limit, starting_after=starting_after, ending_before=ending_before
        )
    data = [mapping.event(e, found.order_names.get(e.order_id) if e.order_id is not None else None) for e in found.events]
    return JSONResponse({"object": "list", "data": data, "has_more": found.has_more})


@router.get("/events/{event_id}", summary="An event", responses={200: {"model": shapes.Event}})
async def get_event(event_id: Annotated[str, Path(max_length=40)], caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        found = await event_log.one(session, scope=caller.scope, event_id=event_id)
    return JSONResponse(mapping.event(found.event, found.order_name))


@router.post("/events/{event_id}/replay", status_code=202, summary="Send an event again", responses={202: {"model": shapes.Replayed}})
async def replay_event(event_id: str, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    """To every endpoint it went to, with the same `webhook-id`, on a fresh schedule."""
    caller.require_write()
    async with runtime.db.transaction() as session:
        return JSONResponse({"replayed": await replay.replay_event(session, scope=caller.scope, event_id=event_id)}, status_code=202)


@router.post(
    "/endpoints/{endpoint_id}/replay", status_code=202, summary="Send failed events again", responses={202: {"model": shapes.Replayed}},
    openapi_extra=body_example(examples.REPLAY),
)
async def replay_failed(endpoint_id: str, body: ReplayIn, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    """Every delivery to this endpoint that failed, made since `since`."""
    caller.require_write()
    async with runtime.db.transaction() as session:
        count = await replay.replay_failed(session, scope=caller.scope, endpoint_id=endpoint_id, since=body.since)
        return JSONResponse({"replayed": count}, status_code=202)
