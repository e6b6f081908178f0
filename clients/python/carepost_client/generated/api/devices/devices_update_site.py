from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.devices_error import DevicesError
from ...models.site import Site
from ...models.site_in import SiteIn
from ...types import Response


def _get_kwargs(
    site_id: int,
    *,
    body: SiteIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v3/site/{site_id}".format(
            site_id=quote(str(site_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DevicesError | Site | None:
    if response.status_code == 200:
        response_200 = Site.from_dict(response.json())

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
) -> Response[DevicesError | Site]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    site_id: int,
    *,
    client: AuthenticatedClient,
    body: SiteIn,
) -> Response[DevicesError | Site]:
    """Update a site

    Args:
        site_id (int):
        body (SiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | Site]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    site_id: int,
    *,
    client: AuthenticatedClient,
    body: SiteIn,
) -> DevicesError | Site | None:
    """Update a site

    Args:
        site_id (int):
        body (SiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | Site
    """

    return sync_detailed(
        site_id=site_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    site_id: int,
    *,
    client: AuthenticatedClient,
    body: SiteIn,
) -> Response[DevicesError | Site]:
    """Update a site

    Args:
        site_id (int):
        body (SiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | Site]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    site_id: int,
    *,
    client: AuthenticatedClient,
    body: SiteIn,
) -> DevicesError | Site | None:
    """Update a site

    Args:
        site_id (int):
        body (SiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | Site
    """

    return (
        await asyncio_detailed(
            site_id=site_id,
            client=client,
            body=body,
        )
    ).parsed
