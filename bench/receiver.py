"""The webhook receiver of the delivery scenarios: answers every POST 204 at once and
notes, per event, how long after the event was made it arrived (the payload's
`timestamp`, set in the transaction that made the event). `GET /stats` returns
how many arrived and those lags, `GET /ids` which. It also takes OTLP trace exports
(`POST /v1/traces`) for the tracing scenario. One process (bench/serve.py)."""

from __future__ import annotations

import json
import time
from datetime import datetime

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

_lags_ms: list[float] = []
_arrived: dict[str, float] = {}  # webhook-id (a retry carries the same one): when it first came


async def hook(request: Request) -> Response:
    body = json.loads(await request.body())
    if request.headers["webhook-id"] not in _arrived:
        now = time.time()
        _arrived[request.headers["webhook-id"]] = now
        made = datetime.fromisoformat(body["timestamp"].replace("Z", "+00:00")).timestamp()
        _lags_ms.append((now - made) * 1000)
    return Response(status_code=204)


async def stats(_: Request) -> Response:
    times = sorted(_arrived.values())
    tenth = len(times) // 10  # the steady middle, for a rate: no start or end of a worker in it
    return JSONResponse({"events": len(_arrived), "lags_ms": _lags_ms, "first_arrival": times[0] if times else 0,
        "last_arrival": times[-1] if times else 0, "middle": [len(times) - 2 * tenth, times[tenth], times[-1 - tenth]] if times else None})


async def ids(_: Request) -> Response:
    """Every webhook-id that arrived (the soak checks each event made was received)."""
    return JSONResponse(sorted(_arrived))


async def traces(request: Request) -> Response:
    """OTLP/HTTP's trace export (the tracing scenario's exporter): taken and dropped. An empty
    200 is a full success to the exporter."""
    await request.body()
    return Response(status_code=200, media_type="application/x-protobuf")


async def reset(_: Request) -> Response:
    _lags_ms.clear()
    _arrived.clear()
    return Response(status_code=204)


app = Starlette(routes=[Route("/hooks", hook, methods=["POST"]), Route("/stats", stats), Route("/ids", ids), Route("/reset", reset, methods=["POST"]),
    Route("/v1/traces", traces, methods=["POST"])])
