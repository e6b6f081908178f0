from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answered_order import AnsweredOrder
from ...models.pharmacy_error import PharmacyError
from ...models.request_invoice_in import RequestInvoiceIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    *,
    body: RequestInvoiceIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/orders/{order_id}/request-invoice/".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnsweredOrder | PharmacyError | None:
    if response.status_code == 200:
        response_200 = AnsweredOrder.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = PharmacyError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = PharmacyError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = PharmacyError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = PharmacyError.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = PharmacyError.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = PharmacyError.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = PharmacyError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = PharmacyError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = PharmacyError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AnsweredOrder | PharmacyError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: RequestInvoiceIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[AnsweredOrder | PharmacyError]:
    """Request an order's invoice

     Up to 3 days after the order was created, in the month it was created, unless it is
    cancelled or already invoiced. The CFDI is issued after the answer: the order's `cfdi`
    holds its UUID once stamped (`invoice.status` says where it is). A second request is
    refused ("already has an invoice"); to retry safely after a lost answer, send
    `Idempotency-Key`: a repeat with the same key and body answers as the first did.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset):
        body (RequestInvoiceIn): `PUT /api/orders/{id}/request-invoice/`: the INVOICING object, or
            the id of the
            patient's invoicing information (an earlier invoice's, the detail's `invoicing`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsweredOrder | PharmacyError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: RequestInvoiceIn,
    idempotency_key: None | str | Unset = UNSET,
) -> AnsweredOrder | PharmacyError | None:
    """Request an order's invoice

     Up to 3 days after the order was created, in the month it was created, unless it is
    cancelled or already invoiced. The CFDI is issued after the answer: the order's `cfdi`
    holds its UUID once stamped (`invoice.status` says where it is). A second request is
    refused ("already has an invoice"); to retry safely after a lost answer, send
    `Idempotency-Key`: a repeat with the same key and body answers as the first did.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset):
        body (RequestInvoiceIn): `PUT /api/orders/{id}/request-invoice/`: the INVOICING object, or
            the id of the
            patient's invoicing information (an earlier invoice's, the detail's `invoicing`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsweredOrder | PharmacyError
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: RequestInvoiceIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[AnsweredOrder | PharmacyError]:
    """Request an order's invoice

     Up to 3 days after the order was created, in the month it was created, unless it is
    cancelled or already invoiced. The CFDI is issued after the answer: the order's `cfdi`
    holds its UUID once stamped (`invoice.status` says where it is). A second request is
    refused ("already has an invoice"); to retry safely after a lost answer, send
    `Idempotency-Key`: a repeat with the same key and body answers as the first did.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset):
        body (RequestInvoiceIn): `PUT /api/orders/{id}/request-invoice/`: the INVOICING object, or
            the id of the
            patient's invoicing information (an earlier invoice's, the detail's `invoicing`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsweredOrder | PharmacyError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: RequestInvoiceIn,
    idempotency_key: None | str | Unset = UNSET,
) -> AnsweredOrder | PharmacyError | None:
    """Request an order's invoice

     Up to 3 days after the order was created, in the month it was created, unless it is
    cancelled or already invoiced. The CFDI is issued after the answer: the order's `cfdi`
    holds its UUID once stamped (`invoice.status` says where it is). A second request is
    refused ("already has an invoice"); to retry safely after a lost answer, send
    `Idempotency-Key`: a repeat with the same key and body answers as the first did.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset):
        body (RequestInvoiceIn): `PUT /api/orders/{id}/request-invoice/`: the INVOICING object, or
            the id of the
            patient's invoicing information (an earlier invoice's, the detail's `invoicing`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsweredOrder | PharmacyError
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
