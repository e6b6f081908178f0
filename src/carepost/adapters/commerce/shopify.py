"""The clinic's Shopify B2B store, through the Admin GraphQL API.

An order is a draft order for the clinic's purchasing company (company,
location, contact) with the clinic's Net 30 payment-terms template, then
completed with payment pending — Shopify's documented B2B flow. If the draft
is created but cannot be completed, the draft is deleted, so no half-made
order stays in the store. Every failure (network, HTTP status, GraphQL
errors, throttling, user errors) becomes CommerceFailed: the contract's 502.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from carepost.core.commerce.port import CommerceFailed, StoreOrderDraft, StoreOrderRef

API_VERSION = "2025-01"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)

DRAFT_ORDER_CREATE = """
mutation CarepostDraftOrderCreate($input: DraftOrderInput!) {
  draftOrderCreate(input: $input) {
    draftOrder { id }
    userErrors { field message }
  }
}
"""

DRAFT_ORDER_COMPLETE = """
mutation CarepostDraftOrderComplete($id: ID!) {
  draftOrderComplete(id: $id, paymentPending: true) {
    draftOrder { id order { id name } }
    userErrors { field message }
  }
}
"""

DRAFT_ORDER_DELETE = """
mutation CarepostDraftOrderDelete($input: DraftOrderDeleteInput!) {
  draftOrderDelete(input: $input) {
    deletedId
    userErrors { field message }
  }
}
"""

ORDER_CANCEL = """
mutation CarepostOrderCancel($orderId: ID!) {
  orderCancel(orderId: $orderId, reason: CUSTOMER, refund: false, restock: true, notifyCustomer: false) {
    job { id }
    orderCancelUserErrors { field message code }
  }
}
"""


@dataclass(frozen=True)
class ShopifyConnection:
    endpoint: str  # https://{shop}.myshopify.com/admin/api/{version}/graphql.json
    access_token: str
    company_id: str
    company_location_id: str
    company_contact_id: str
    payment_terms_template_id: str  # the shop's Net 30 template

    @staticmethod
    def endpoint_for(shop_domain: str, api_version: str = API_VERSION) -> str:
        return f"https://{shop_domain}/admin/api/{api_version}/graphql.json"


class ShopifyStore:
    def __init__(self, connection: ShopifyConnection, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.connection = connection
        self.transport = transport

    async def create_order(self, draft: StoreOrderDraft) -> StoreOrderRef:
        created = await self._mutate(DRAFT_ORDER_CREATE, {"input": self._draft_input(draft)}, "draftOrderCreate")
        draft_id = _text_at(created, "draftOrderCreate", "draftOrder", "id")
        try:
            completed = await self._mutate(DRAFT_ORDER_COMPLETE, {"id": draft_id}, "draftOrderComplete")
            order_id = _text_at(completed, "draftOrderComplete", "draftOrder", "order", "id")
            order_name = _text_at(completed, "draftOrderComplete", "draftOrder", "order", "name")
        except CommerceFailed:
            await self._delete_draft(draft_id)
            raise
        return StoreOrderRef(order_id=order_id.rsplit("/", 1)[-1], order_name=order_name)

    async def cancel_order(self, *, account_id: int, order_id: str) -> None:
        await self._mutate(
            ORDER_CANCEL, {"orderId": f"gid://shopify/Order/{order_id}"}, "orderCancel", errors_field="orderCancelUserErrors"
        )

    def _draft_input(self, draft: StoreOrderDraft) -> dict[str, Any]:
        address = draft.shipping_address
        return {
            "purchasingEntity": {
                "purchasingCompany": {
                    "companyId": self.connection.company_id,
                    "companyLocationId": self.connection.company_location_id,
                    "companyContactId": self.connection.company_contact_id,
                }
            },
            "email": draft.contact_email,
            "lineItems": [{"variantId": draft.variant_id, "quantity": draft.quantity}],
            "shippingAddress": {
                "firstName": address.get("first_name"),
                "lastName": address.get("last_name"),
                "address1": address.get("address1"),
                "address2": address.get("address2"),
                "city": address.get("city"),
                "province": address.get("province"),
                "countryCode": address.get("country_code"),
                "zip": address.get("zip"),
            },
            "note": draft.note,
            "customAttributes": [{"key": key, "value": value} for key, value in sorted(draft.attributes.items())],
            "paymentTerms": {"paymentTermsTemplateId": self.connection.payment_terms_template_id},
        }

    async def _delete_draft(self, draft_id: str) -> None:
        try:
            await self._mutate(DRAFT_ORDER_DELETE, {"input": {"id": draft_id}}, "draftOrderDelete")
        except CommerceFailed:
            pass  # the order already failed; an undeletable draft is the store's to clean up

    async def _mutate(self, query: str, variables: dict[str, Any], name: str, *, errors_field: str = "userErrors") -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(transport=self.transport, timeout=TIMEOUT) as client:
                response = await client.post(
                    self.connection.endpoint,
                    json={"query": query, "variables": variables},
                    headers={"X-Shopify-Access-Token": self.connection.access_token},
                )
        except httpx.HTTPError as error:
            raise CommerceFailed(f"Shopify could not be reached ({type(error).__name__}).") from error
        if response.status_code != 200:
            raise CommerceFailed(f"Shopify answered HTTP {response.status_code}.")
        try:
            body = response.json()
        except ValueError:
            raise CommerceFailed("Shopify answered with something that is not JSON.") from None
        if not isinstance(body, dict):
            raise CommerceFailed("Shopify answered with JSON of an unexpected shape.")
        if body.get("errors"):
            errors = body["errors"] if isinstance(body["errors"], list) else []
            codes = {str(((e if isinstance(e, dict) else {}).get("extensions") or {}).get("code", "ERROR")) for e in errors}
            raise CommerceFailed(f"Shopify refused the request ({', '.join(sorted(codes)) or 'ERROR'}).")
        data = body.get("data")
        payload = data.get(name) if isinstance(data, dict) else None
        if not isinstance(payload, dict):
            raise CommerceFailed(f"Shopify returned no {name} result.")
        if payload.get(errors_field):
            errors = payload[errors_field] if isinstance(payload[errors_field], list) else [payload[errors_field]]
            messages = "; ".join(str(e.get("message") if isinstance(e, dict) else e) for e in errors)
            raise CommerceFailed(f"Shopify refused {name}: {messages}")
        return payload


def _text_at(payload: dict[str, Any], name: str, *path: str) -> str:
    """The string at `path` in a mutation's result, or CommerceFailed: every unexpected shape is a 502."""
    value: Any = payload
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value:
        raise CommerceFailed(f"Shopify's {name} answer has no {'.'.join(path)}.")
    return value
