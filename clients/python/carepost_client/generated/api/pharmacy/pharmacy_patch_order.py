from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answered_order import AnsweredOrder
from ...models.patch_order_in import PatchOrderIn
from ...models.pharmacy_error import PharmacyError
from ...types import Response


def _get_kwargs(
    order_id: str,
    *,
    body: PatchOrderIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/orders/{order_id}/".format(
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
    body: PatchOrderIn,
) -> Response[AnsweredOrder | PharmacyError]:
    """Change an order's products, or cancel it

     `{"details": [...]}` replaces the products and recomputes every total while the order is
    `quoted` or `approved`; `{"order_status": "cancelled"}` cancels it before building starts.

    Args:
        order_id (str):
        body (PatchOrderIn): `PATCH /api/orders/{id}/`: new `details`, or `order_status:
            "cancelled"`; nothing else
            may change (unlike the rest of this API, an unknown field here is refused: a client that
            believes it changed something must hear that it did not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsweredOrder | PharmacyError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchOrderIn,
) -> AnsweredOrder | PharmacyError | None:
    """Change an order's products, or cancel it

     `{"details": [...]}` replaces the products and recomputes every total while the order is
    `quoted` or `approved`; `{"order_status": "cancelled"}` cancels it before building starts.

    Args:
        order_id (str):
        body (PatchOrderIn): `PATCH /api/orders/{id}/`: new `details`, or `order_status:
            "cancelled"`; nothing else
            may change (unlike the rest of this API, an unknown field here is refused: a client that
            believes it changed something must hear that it did not).

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
    ).parsed


async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchOrderIn,
) -> Response[AnsweredOrder | PharmacyError]:
    """Change an order's products, or cancel it

     `{"details": [...]}` replaces the products and recomputes every total while the order is
    `quoted` or `approved`; `{"order_status": "cancelled"}` cancels it before building starts.

    Args:
        order_id (str):
        body (PatchOrderIn): `PATCH /api/orders/{id}/`: new `details`, or `order_status:
            "cancelled"`; nothing else
            may change (unlike the rest of this API, an unknown field here is refused: a client that
            believes it changed something must hear that it did not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsweredOrder | PharmacyError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchOrderIn,
) -> AnsweredOrder | PharmacyError | None:
    """Change an order's products, or cancel it

     `{"details": [...]}` replaces the products and recomputes every total while the order is
    `quoted` or `approved`; `{"order_status": "cancelled"}` cancels it before building starts.

    Args:
        order_id (str):
        body (PatchOrderIn): `PATCH /api/orders/{id}/`: new `details`, or `order_status:
            "cancelled"`; nothing else
            may change (unlike the rest of this API, an unknown field here is refused: a client that
            believes it changed something must hear that it did not).

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
        )
    ).parsed
