"""A local server speaking the subset of Shopify's Admin GraphQL API that Carepost uses.

Queries are parsed and validated against a schema written from Shopify's
documented types (draftOrderCreate, draftOrderComplete, draftOrderDelete,
orderCancel), so a query Shopify would reject is rejected here too. Tests
can make it fail the way Shopify does: HTTP 5xx, throttling, a wrong token,
user errors.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from graphql import build_schema, graphql
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

API_PATH = "/admin/api/2025-01/graphql.json"
TOKEN = "shpat_test_token_0123456789"

SCHEMA = build_schema(
    """
    type Query { shop: Shop }
    type Shop { name: String! }
    type Mutation {
      draftOrderCreate(input: DraftOrderInput!): DraftOrderCreatePayload
      draftOrderComplete(id: ID!, paymentPending: Boolean): DraftOrderCompletePayload
      draftOrderDelete(input: DraftOrderDeleteInput!): DraftOrderDeletePayload
      orderCancel(orderId: ID!, reason: OrderCancelReason!, refund: Boolean!, restock: Boolean!,
                  notifyCustomer: Boolean, staffNote: String): OrderCancelPayload
    }
    enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
    enum CountryCode { US CA MX GB DE FR NL AU }
    input DraftOrderInput {
      purchasingEntity: PurchasingEntityInput
      email: String
      lineItems: [DraftOrderLineItemInput!]
      shippingAddress: MailingAddressInput
      note: String
      customAttributes: [AttributeInput!]
      paymentTerms: PaymentTermsInput
    }
    input PurchasingEntityInput { customerId: ID, purchasingCompany: PurchasingCompanyInput }
    input PurchasingCompanyInput { companyId: ID!, companyLocationId: ID!, companyContactId: ID }
    input DraftOrderLineItemInput { variantId: ID, quantity: Int!, title: String }
    input MailingAddressInput {
      address1: String, address2: String, city: String, company: String, countryCode: CountryCode,
      firstName: String, lastName: String, phone: String, province: String, provinceCode: String, zip: String
    }
    input AttributeInput { key: String!, value: String! }
    input PaymentTermsInput { paymentTermsTemplateId: ID, paymentSchedules: [PaymentScheduleInput!] }
    input PaymentScheduleInput { issuedAt: String, dueAt: String }
    input DraftOrderDeleteInput { id: ID! }
    type UserError { field: [String!], message: String! }
    type OrderCancelUserError { field: [String!], message: String!, code: String }
    type DraftOrder { id: ID!, order: Order }
    type Order { id: ID!, name: String! }
    type Job { id: ID!, done: Boolean! }
    type DraftOrderCreatePayload { draftOrder: DraftOrder, userErrors: [UserError!]! }
    type DraftOrderCompletePayload { draftOrder: DraftOrder, userErrors: [UserError!]! }
    type DraftOrderDeletePayload { deletedId: ID, userErrors: [UserError!]! }
    type OrderCancelPayload { job: Job, orderCancelUserErrors: [OrderCancelUserError!]!, userErrors: [UserError!]! }
    """
)


@dataclass
class FakeShop:
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    deleted_drafts: list[str] = field(default_factory=list)
    requests: int = 0
    # http_500, throttled, create_user_error, complete_user_error, cancel_user_error; answers of
    # an unexpected shape: create_no_draft, complete_order_null, complete_no_draft, body_not_an_object
    fail: str | None = None
    _ids: Any = field(default_factory=lambda: itertools.count(5678901234))
    _names: Any = field(default_factory=lambda: itertools.count(1234))

    def draftOrderCreate(self, info, input):
        if self.fail == "create_user_error":
            return {"draftOrder": None, "userErrors": [{"field": ["lineItems"], "message": "Variant is out of stock"}]}
        if self.fail == "create_no_draft":
            return {"draftOrder": None, "userErrors": []}
        draft_id = f"gid://shopify/DraftOrder/{next(self._ids)}"
        self.drafts[draft_id] = {"input": input, "completed": False}
        return {"draftOrder": {"id": draft_id, "order": None}, "userErrors": []}

    def draftOrderComplete(self, info, id, paymentPending=False):
        if self.fail == "complete_user_error" or id not in self.drafts:
            return {"draftOrder": None, "userErrors": [{"field": ["id"], "message": "Draft order could not be completed"}]}
        if self.fail == "complete_order_null":
            return {"draftOrder": {"id": id, "order": None}, "userErrors": []}
        if self.fail == "complete_no_draft":
            return {"draftOrder": None, "userErrors": []}
        order = {"id": f"gid://shopify/Order/{next(self._ids)}", "name": f"#{next(self._names)}"}
        self.drafts[id]["completed"] = True
        self.orders[order["id"]] = {**order, "draft": self.drafts[id], "payment_pending": paymentPending, "cancelled": None}
        return {"draftOrder": {"id": id, "order": order}, "userErrors": []}

    def draftOrderDelete(self, info, input):
        self.drafts.pop(input["id"], None)
        self.deleted_drafts.append(input["id"])
        return {"deletedId": input["id"], "userErrors": []}

    def orderCancel(self, info, orderId, reason, refund, restock, notifyCustomer=None, staffNote=None):
        if self.fail == "cancel_user_error" or orderId not in self.orders:
            return {"job": None, "orderCancelUserErrors": [{"field": ["orderId"], "message": "Order cannot be cancelled", "code": "INVALID"}], "userErrors": []}
        self.orders[orderId]["cancelled"] = {"reason": reason, "refund": refund, "restock": restock}
        return {"job": {"id": "gid://shopify/Job/1", "done": False}, "orderCancelUserErrors": [], "userErrors": []}


def app_for(shop: FakeShop) -> Starlette:
    async def endpoint(request: Request) -> JSONResponse:
        shop.requests += 1
        if request.headers.get("x-shopify-access-token") != TOKEN:
            return JSONResponse({"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}, status_code=401)
        if shop.fail == "http_500":
            return JSONResponse({"errors": "Internal Server Error"}, status_code=500)
        if shop.fail == "body_not_an_object":
            return JSONResponse(["unexpected"])
        if shop.fail == "throttled":
            return JSONResponse({"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}]})
        body = await request.json()
        result = await graphql(SCHEMA, body["query"], root_value=shop, variable_values=body.get("variables"))
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [{"message": e.message, "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}} for e in result.errors]
        return JSONResponse(payload)

    return Starlette(routes=[Route(API_PATH, endpoint, methods=["POST"])])
