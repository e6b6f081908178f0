from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lookup_answer import LookupAnswer
from ...models.masks_barcode_lookup_get_request_type import (
    MasksBarcodeLookupGetRequestType,
)
from ...models.masks_error import MasksError
from ...types import UNSET, Response


def _get_kwargs(
    *,
    barcode: str,
    request_type: MasksBarcodeLookupGetRequestType,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["barcode"] = barcode

    json_request_type = request_type.value
    params["request_type"] = json_request_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/partner/v1/barcode/lookup",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LookupAnswer | MasksError | None:
    if response.status_code == 200:
        response_200 = LookupAnswer.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = MasksError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = MasksError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = MasksError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = MasksError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = MasksError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = MasksError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = MasksError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LookupAnswer | MasksError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    barcode: str,
    request_type: MasksBarcodeLookupGetRequestType,
) -> Response[LookupAnswer | MasksError]:
    """Barcode lookup

    Args:
        barcode (str):
        request_type (MasksBarcodeLookupGetRequestType):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookupAnswer | MasksError]
    """

    kwargs = _get_kwargs(
        barcode=barcode,
        request_type=request_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    barcode: str,
    request_type: MasksBarcodeLookupGetRequestType,
) -> LookupAnswer | MasksError | None:
    """Barcode lookup

    Args:
        barcode (str):
        request_type (MasksBarcodeLookupGetRequestType):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookupAnswer | MasksError
    """

    return sync_detailed(
        client=client,
        barcode=barcode,
        request_type=request_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    barcode: str,
    request_type: MasksBarcodeLookupGetRequestType,
) -> Response[LookupAnswer | MasksError]:
    """Barcode lookup

    Args:
        barcode (str):
        request_type (MasksBarcodeLookupGetRequestType):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookupAnswer | MasksError]
    """

    kwargs = _get_kwargs(
        barcode=barcode,
        request_type=request_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    barcode: str,
    request_type: MasksBarcodeLookupGetRequestType,
) -> LookupAnswer | MasksError | None:
    """Barcode lookup

    Args:
        barcode (str):
        request_type (MasksBarcodeLookupGetRequestType):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookupAnswer | MasksError
    """

    return (
        await asyncio_detailed(
            client=client,
            barcode=barcode,
            request_type=request_type,
        )
    ).parsed
