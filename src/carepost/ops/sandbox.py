"""/api/ops/v1/accounts/{slug}/sandbox: an account's autopilot for its test orders (docs/sandbox.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from carepost.core.accounts import service as accounts
from carepost.core.sandbox import autopilot
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example
from carepost.http.operators import OperatorDep
from carepost.http.runtime import RuntimeDep
from carepost.http.shapes import Shape

router = APIRouter(prefix="/api/ops/v1/accounts/{slug}/sandbox", tags=["operator"], strict_content_type=False)


class SandboxIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    autopilot: StrictBool
    autopilot_interval_seconds: Annotated[float, Field(ge=0, le=autopilot.LONGEST_INTERVAL_SECONDS)] | None = None


class Sandbox(Shape):
    autopilot: bool
    autopilot_interval_seconds: float


def _shown(settings: autopilot.AutopilotSettings) -> dict[str, object]:
    return {"autopilot": settings.enabled, "autopilot_interval_seconds": settings.interval_seconds}


@router.get("", summary="An account's sandbox settings", responses={200: {"model": Sandbox}})
async def get_sandbox(slug: str, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        return JSONResponse(_shown(await autopilot.settings_of(session, account.id)))


@router.put(
    "", summary="Turn an account's autopilot on or off", responses={200: {"model": Sandbox}},
    openapi_extra=body_example({"autopilot": True, "autopilot_interval_seconds": 3}),
)
async def put_sandbox(slug: str, body: SandboxIn, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    """On: each new test order walks its happy path by itself, a step every
    `autopilot_interval_seconds` (unchanged unless given). Off: test orders stay where they are."""
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        changed = await autopilot.configure(
            session, account_id=account.id, enabled=body.autopilot, interval_seconds=body.autopilot_interval_seconds
        )
        return JSONResponse(_shown(changed))
