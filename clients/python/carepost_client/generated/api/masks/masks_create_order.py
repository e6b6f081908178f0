from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.masks_create_order_in import MasksCreateOrderIn
from ...models.masks_error import MasksError
from ...models.order_created_answer import OrderCreatedAnswer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MasksCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/partner/v1/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MasksError | OrderCreatedAnswer | None:
    if response.status_code == 200:
        response_200 = OrderCreatedAnswer.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = OrderCreatedAnswer.from_dict(response.json())

        return response_201

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

    if response.status_code == 422:
        response_422 = MasksError.from_dict(response.json())

        return response_422

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
) -> Response[MasksError | OrderCreatedAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MasksCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[MasksError | OrderCreatedAnswer]:
    """Create order

     `idempotency_key` in the body (the contract's) or the `Idempotency-Key` header (every
    dialect's): the same value in both is fine, two different ones are refused.

    Args:
        idempotency_key (None | str | Unset):
        body (MasksCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MasksError | OrderCreatedAnswer]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MasksCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> MasksError | OrderCreatedAnswer | None:
    """Create order

     `idempotency_key` in the body (the contract's) or the `Idempotency-Key` header (every
    dialect's): the same value in both is fine, two different ones are refused.

    Args:
        idempotency_key (None | str | Unset):
        body (MasksCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MasksError | OrderCreatedAnswer
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MasksCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[MasksError | OrderCreatedAnswer]:
    """Create order

     `idempotency_key` in the body (the contract's) or the `Idempotency-Key` header (every
    dialect's): the same value in both is fine, two different ones are refused.

    Args:
        idempotency_key (None | str | Unset):
        body (MasksCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MasksError | OrderCreatedAnswer]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MasksCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> MasksError | OrderCreatedAnswer | None:
    """Create order

     `idempotency_key` in the body (the contract's) or the `Idempotency-Key` header (every
    dialect's): the same value in both is fine, two different ones are refused.

    Args:
        idempotency_key (None | str | Unset):
        body (MasksCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MasksError | OrderCreatedAnswer
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
