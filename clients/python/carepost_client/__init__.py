"""A typed Python client for Carepost's four partner APIs, its webhooks and sandbox APIs, and its
operator API. `carepost_client.generated` is made from the OpenAPI document by
openapi-python-client (clients/python/regenerate; never edited by hand); the few helpers here
are what a partner needs on top of it: a client per API with that API's credential, the
pharmacy's access token kept fresh, idempotency keys, and webhook signature checks.

    from carepost_client import connect, new_idempotency_key
    from carepost_client.generated.api.masks import masks_create_order
    from carepost_client.generated.models import MasksCreateOrderIn

    masks = connect.masks("http://127.0.0.1:8000", "cpk_test_…")
    answer = masks_create_order.sync(client=masks, body=MasksCreateOrderIn.from_dict({...}), idempotency_key=new_idempotency_key())
"""

from carepost_client import connect
from carepost_client.idempotency import new_idempotency_key
from carepost_client.pharmacy_tokens import PharmacyTokens
from carepost_client.webhooks import WebhookVerificationError, verify_webhook

__all__ = ["PharmacyTokens", "WebhookVerificationError", "connect", "new_idempotency_key", "verify_webhook"]
