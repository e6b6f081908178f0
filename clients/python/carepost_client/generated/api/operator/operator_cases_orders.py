from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ops_error import OpsError
from ...models.pipeline_orders import PipelineOrders
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ops/v1/cases/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpsError | PipelineOrders | None:
    if response.status_code == 200:
        response_200 = PipelineOrders.from_dict(response.json())

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
) -> Response[OpsError | PipelineOrders]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[OpsError | PipelineOrders]:
    """The cases pipeline's orders

     Newest first; `?status=failed` shows what waits for a retry, and why.

    Args:
        status (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpsError | PipelineOrders]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> OpsError | PipelineOrders | None:
    """The cases pipeline's orders

     Newest first; `?status=failed` shows what waits for a retry, and why.

    Args:
        status (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpsError | PipelineOrders
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[OpsError | PipelineOrders]:
    """The cases pipeline's orders

     Newest first; `?status=failed` shows what waits for a retry, and why.

    Args:
        status (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpsError | PipelineOrders]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> OpsError | PipelineOrders | None:
    """The cases pipeline's orders

     Newest first; `?status=failed` shows what waits for a retry, and why.

    Args:
        status (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpsError | PipelineOrders
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
        )
    ).parsed
