from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_order_in import CancelOrderIn
from ...models.cancelled_answer import CancelledAnswer
from ...models.masks_error import MasksError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    vitacore_order_id: str,
    *,
    body: CancelOrderIn | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/partner/v1/orders/{vitacore_order_id}/cancel".format(
            vitacore_order_id=quote(str(vitacore_order_id), safe=""),
        ),
    }

    if isinstance(body, CancelOrderIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelledAnswer | MasksError | None:
    if response.status_code == 200:
        response_200 = CancelledAnswer.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = MasksError.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = MasksError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = MasksError.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = MasksError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = MasksError.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = MasksError.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = MasksError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CancelledAnswer | MasksError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vitacore_order_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelOrderIn | None | Unset = UNSET,
) -> Response[CancelledAnswer | MasksError]:
    """Cancel order

    Args:
        vitacore_order_id (str):
        body (CancelOrderIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelledAnswer | MasksError]
    """

    kwargs = _get_kwargs(
        vitacore_order_id=vitacore_order_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vitacore_order_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelOrderIn | None | Unset = UNSET,
) -> CancelledAnswer | MasksError | None:
    """Cancel order

    Args:
        vitacore_order_id (str):
        body (CancelOrderIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelledAnswer | MasksError
    """

    return sync_detailed(
        vitacore_order_id=vitacore_order_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    vitacore_order_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelOrderIn | None | Unset = UNSET,
) -> Response[CancelledAnswer | MasksError]:
    """Cancel order

    Args:
        vitacore_order_id (str):
        body (CancelOrderIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelledAnswer | MasksError]
    """

    kwargs = _get_kwargs(
        vitacore_order_id=vitacore_order_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vitacore_order_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelOrderIn | None | Unset = UNSET,
) -> CancelledAnswer | MasksError | None:
    """Cancel order

    Args:
        vitacore_order_id (str):
        body (CancelOrderIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelledAnswer | MasksError
    """

    return (
        await asyncio_detailed(
            vitacore_order_id=vitacore_order_id,
            client=client,
            body=body,
        )
    ).parsed
