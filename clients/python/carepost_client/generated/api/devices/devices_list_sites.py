from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.devices_error import DevicesError
from ...models.site_page import SitePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    active: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v3/site",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DevicesError | SitePage | None:
    if response.status_code == 200:
        response_200 = SitePage.from_dict(response.json())

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
) -> Response[DevicesError | SitePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    active: bool | None | Unset = UNSET,
) -> Response[DevicesError | SitePage]:
    """List sites

     Newest first; filter: `active`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | SitePage]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        active=active,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    active: bool | None | Unset = UNSET,
) -> DevicesError | SitePage | None:
    """List sites

     Newest first; filter: `active`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | SitePage
    """

    return sync_detailed(
        client=client,
        page=page,
        size=size,
        active=active,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    active: bool | None | Unset = UNSET,
) -> Response[DevicesError | SitePage]:
    """List sites

     Newest first; filter: `active`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | SitePage]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        active=active,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    active: bool | None | Unset = UNSET,
) -> DevicesError | SitePage | None:
    """List sites

     Newest first; filter: `active`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | SitePage
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            size=size,
            active=active,
        )
    ).parsed
