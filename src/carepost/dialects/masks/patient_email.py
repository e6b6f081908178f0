"""`forge_sends_email_to_client`: the scan e-mail, sent after the order commits.

The contract reports the outcome in the create response, so this is the one
effect sent inline rather than through the outbox: with a short timeout, its
outcome recorded on the order, and the stored idempotent response brought up
to date so a replay says what the first answer said.
"""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError

from carepost.core.accounts.service import Caller, account_by_id
from carepost.core.idempotency import service as idempotency
from carepost.core.idempotency.service import IdempotentRequest, StoredResponse
from carepost.core.manufacturing import scan_email
from carepost.core.notifications.mail import MailFailed
from carepost.core.orders import made_to_measure
from carepost.dialects.masks.mapping import scan_upload_url
from carepost.http.runtime import Runtime


async def send_and_record(
    runtime: Runtime, *, caller: Caller, body: dict[str, Any], idempotent: IdempotentRequest | None
) -> dict[str, Any]:
    """Send the patient's e-mail; returns the create response body that reports the outcome."""
    public_id = body["data"]["vitacore_order_id"]
    async with runtime.db.transaction() as session:
        order = await made_to_measure.find(session, caller=caller, public_id=public_id)
        account = await account_by_id(session, account_id=order.account_id)
        link = scan_upload_url(runtime.settings.public_url, order)
        message = await scan_email.compose(session, order=order, account=account, scan_upload_url=link)
    error: str | None = None
    try:
        await runtime.mail(caller.mode).send(message)
    except (MailFailed, TemplateError) as failure:
        error = str(failure)
    data = {**body["data"], "patient_scan_email_sent": error is None}
    if error is None:
        data.pop("scan_upload_url", None)
    final = {**body, "data": data}
    async with runtime.db.transaction() as session:
        order = await made_to_measure.find(session, caller=caller, public_id=public_id, lock=True)
        await scan_email.record_outcome(session, order=order, sent=error is None, error=error)
        if idempotent is not None:
            await idempotency.complete(session, idempotent, StoredResponse(status=201, body=final))
    return final
