"""/console/orders/{order}: one order of any flow, its documents, and the moves its
lifecycle allows now, each a plain form (core/operators/order_detail.py, order_actions.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from carepost.console import action_form, auth
from carepost.console.auth import SignedInDep
from carepost.console.pages import ConsoleRoute, templates
from carepost.core.kit.errors import CoreError
from carepost.core.operators import order_actions
from carepost.core.operators.console import LiveSession
from carepost.core.operators.order_detail import order_detail
from carepost.core.operators.order_documents import document_file
from carepost.core.operators.service import order as order_by_reference
from carepost.core.orders.transitions import TransitionRefused, offered
from carepost.http.problems import STATUS_BY_KIND
from carepost.http.runtime import Runtime, RuntimeDep

router = APIRouter(prefix="/console/orders", include_in_schema=False, route_class=ConsoleRoute)
OrderRef = Annotated[str, Path(max_length=32, pattern=r"^[A-Za-z0-9_]+$")]


@router.get("/{reference}")
async def order_page(reference: OrderRef, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    return await _page(request, runtime, live, reference, done=request.query_params.get("done"))


@router.post("/{reference}/actions/{action}", dependencies=[Depends(auth.require_same_origin)])
async def act(
    reference: OrderRef, action: Annotated[str, Path(max_length=32)], request: Request, runtime: RuntimeDep, live: SignedInDep
) -> Response:
    form = await auth.posted_form(request, live)
    live.user.require("order_actions")
    try:
        async with runtime.db.transaction() as session:
            order = await order_by_reference(session, public_id=reference, lock=True)
            if action not in await offered(session, order):  # a stale page, or a made-up action
                raise TransitionRefused(order.status, action)
            move = order_actions.operator_action(order, action)
            if (refused := action_form.unconfirmed(move, form)) is not None:  # one click never cancels or rejects
                raise refused
            given = action_form.operator_input(form, move)
            await order_actions.perform(
                session, order=order, action=action, given=given, actor=f"console:{live.user.email}",
                commerce=runtime.commerce(session, order.account_id),
            )
            await auth.audited(session, request, live, f"order.{action}", f"order:{order.public_id}")
    except CoreError as refused:
        # The move changed nothing: the order again, with why, and the status of the refusal.
        return await _page(request, runtime, live, reference, problem=refused.message, status=STATUS_BY_KIND.get(refused.kind, 400))
    return RedirectResponse(f"/console/orders/{reference}?done={action}", status_code=303)


@router.get("/{reference}/documents/{document_id}")
async def document(
    reference: OrderRef, document_id: Annotated[str, Path(max_length=64)], request: Request, runtime: RuntimeDep, live: SignedInDep
) -> Response:
    async with runtime.db.transaction() as session:
        order = await order_by_reference(session, public_id=reference)
        found = await document_file(session, order, document_id, runtime.documents)
        await auth.audited(session, request, live, "download", f"order:{order.public_id}", {"document": document_id})
    disposition = f'attachment; filename="{found.document.filename}"'
    return StreamingResponse(found.content, media_type=found.document.content_type, headers={"content-disposition": disposition})


async def _page(
    request: Request, runtime: Runtime, live: LiveSession, reference: str, *, done: str | None = None, problem: str | None = None, status: int = 200
) -> Response:
    async with runtime.db.transaction() as session:
        detail = await order_detail(session, reference=reference)
        await auth.audited(session, request, live, "view", f"order:{detail.order.public_id}")
    context = {
        "live": live, "page": "orders", "detail": detail, "done": action_form.label_of(detail.order, done), "problem": problem,
        "forms": action_form,
    }
    return templates.TemplateResponse(request, "order.html", context, status_code=status)
