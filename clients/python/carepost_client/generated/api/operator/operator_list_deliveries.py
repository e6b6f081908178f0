import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_list import DeliveryList
from ...models.operator_list_deliveries_mode import OperatorListDeliveriesMode
from ...models.operator_list_deliveries_status_type_0 import (
    OperatorListDeliveriesStatusType0,
)
from ...models.ops_error import OpsError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    endpoint_id: str,
    *,
    mode: OperatorListDeliveriesMode | Unset = OperatorListDeliveriesMode.LIVE,
    status: None | OperatorListDeliveriesStatusType0 | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, OperatorListDeliveriesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ops/v1/accounts/{slug}/webhooks/{endpoint_id}/deliveries".format(
            slug=quote(str(slug), safe=""),
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeliveryList | OpsError | None:
    if response.status_code == 200:
        response_200 = DeliveryList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OpsError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OpsError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = OpsError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = OpsError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = OpsError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = OpsError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = OpsError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeliveryList | OpsError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorListDeliveriesMode | Unset = OperatorListDeliveriesMode.LIVE,
    status: None | OperatorListDeliveriesStatusType0 | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[DeliveryList | OpsError]:
    """An endpoint's deliveries

    Args:
        slug (str):
        endpoint_id (str):
        mode (OperatorListDeliveriesMode | Unset):  Default: OperatorListDeliveriesMode.LIVE.
        status (None | OperatorListDeliveriesStatusType0 | Unset):
        since (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryList | OpsError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        endpoint_id=endpoint_id,
        mode=mode,
        status=status,
        since=since,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorListDeliveriesMode | Unset = OperatorListDeliveriesMode.LIVE,
    status: None | OperatorListDeliveriesStatusType0 | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> DeliveryList | OpsError | None:
    """An endpoint's deliveries

    Args:
        slug (str):
        endpoint_id (str):
        mode (OperatorListDeliveriesMode | Unset):  Default: OperatorListDeliveriesMode.LIVE.
        status (None | OperatorListDeliveriesStatusType0 | Unset):
        since (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryList | OpsError
    """

    return sync_detailed(
        slug=slug,
        endpoint_id=endpoint_id,
        client=client,
        mode=mode,
        status=status,
        since=since,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    slug: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorListDeliveriesMode | Unset = OperatorListDeliveriesMode.LIVE,
    status: None | OperatorListDeliveriesStatusType0 | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[DeliveryList | OpsError]:
    """An endpoint's deliveries

    Args:
        slug (str):
        endpoint_id (str):
        mode (OperatorListDeliveriesMode | Unset):  Default: OperatorListDeliveriesMode.LIVE.
        status (None | OperatorListDeliveriesStatusType0 | Unset):
        since (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryList | OpsError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        endpoint_id=endpoint_id,
        mode=mode,
        status=status,
        since=since,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorListDeliveriesMode | Unset = OperatorListDeliveriesMode.LIVE,
    status: None | OperatorListDeliveriesStatusType0 | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> DeliveryList | OpsError | None:
    """An endpoint's deliveries

    Args:
        slug (str):
        endpoint_id (str):
        mode (OperatorListDeliveriesMode | Unset):  Default: OperatorListDeliveriesMode.LIVE.
        status (None | OperatorListDeliveriesStatusType0 | Unset):
        since (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryList | OpsError
    """

    return (
        await asyncio_detailed(
            slug=slug,
            endpoint_id=endpoint_id,
            client=client,
            mode=mode,
            status=status,
            since=since,
            limit=limit,
        )
    ).parsed
