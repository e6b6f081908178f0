from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.devices_error import DevicesError
from ...models.logistics_action_in import LogisticsActionIn
from ...models.order import Order
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: int,
    action: str,
    *,
    body: LogisticsActionIn | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v3/test_helpers/order/{order_id}/{action}".format(
            order_id=quote(str(order_id), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    if isinstance(body, LogisticsActionIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DevicesError | Order | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = DevicesError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = DevicesError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = DevicesError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = DevicesError.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = DevicesError.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = DevicesError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = DevicesError.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = DevicesError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = DevicesError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = DevicesError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DevicesError | Order]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: int,
    action: str,
    *,
    client: AuthenticatedClient,
    body: LogisticsActionIn | None | Unset = UNSET,
) -> Response[DevicesError | Order]:
    """Sandbox: move a test order as fulfillment would

     Test keys only (a live key gets 403 "Access Denied"), like Stripe's test helpers: reach every
    `currentStatus` without a warehouse. Actions and bodies as the operator API's; returns the order.

    Args:
        order_id (int):
        action (str):
        body (LogisticsActionIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | Order]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        action=action,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    action: str,
    *,
    client: AuthenticatedClient,
    body: LogisticsActionIn | None | Unset = UNSET,
) -> DevicesError | Order | None:
    """Sandbox: move a test order as fulfillment would

     Test keys only (a live key gets 403 "Access Denied"), like Stripe's test helpers: reach every
    `currentStatus` without a warehouse. Actions and bodies as the operator API's; returns the order.

    Args:
        order_id (int):
        action (str):
        body (LogisticsActionIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | Order
    """

    return sync_detailed(
        order_id=order_id,
        action=action,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    action: str,
    *,
    client: AuthenticatedClient,
    body: LogisticsActionIn | None | Unset = UNSET,
) -> Response[DevicesError | Order]:
    """Sandbox: move a test order as fulfillment would

     Test keys only (a live key gets 403 "Access Denied"), like Stripe's test helpers: reach every
    `currentStatus` without a warehouse. Actions and bodies as the operator API's; returns the order.

    Args:
        order_id (int):
        action (str):
        body (LogisticsActionIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | Order]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        action=action,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    action: str,
    *,
    client: AuthenticatedClient,
    body: LogisticsActionIn | None | Unset = UNSET,
) -> DevicesError | Order | None:
    """Sandbox: move a test order as fulfillment would

     Test keys only (a live key gets 403 "Access Denied"), like Stripe's test helpers: reach every
    `currentStatus` without a warehouse. Actions and bodies as the operator API's; returns the order.

    Args:
        order_id (int):
        action (str):
        body (LogisticsActionIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | Order
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            action=action,
            client=client,
            body=body,
        )
    ).parsed
