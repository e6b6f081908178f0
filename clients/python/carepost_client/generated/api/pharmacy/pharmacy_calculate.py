from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calculation import Calculation
from ...models.pharmacy_create_order_in import PharmacyCreateOrderIn
from ...models.pharmacy_error import PharmacyError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PharmacyCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/orders/calculate/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Calculation | PharmacyError | None:
    if response.status_code == 200:
        response_200 = Calculation.from_dict(response.json())

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
) -> Response[Calculation | PharmacyError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PharmacyCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Calculation | PharmacyError]:
    """Calculate an order's totals

     The create body; the totals, shipping method and delivery dates it would get. Creates nothing.
    With `Idempotency-Key`, a repeat answers exactly as the first did (a coupon's window may have closed
    since).

    Args:
        idempotency_key (None | str | Unset):
        body (PharmacyCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calculation | PharmacyError]
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
    body: PharmacyCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Calculation | PharmacyError | None:
    """Calculate an order's totals

     The create body; the totals, shipping method and delivery dates it would get. Creates nothing.
    With `Idempotency-Key`, a repeat answers exactly as the first did (a coupon's window may have closed
    since).

    Args:
        idempotency_key (None | str | Unset):
        body (PharmacyCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calculation | PharmacyError
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PharmacyCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Calculation | PharmacyError]:
    """Calculate an order's totals

     The create body; the totals, shipping method and delivery dates it would get. Creates nothing.
    With `Idempotency-Key`, a repeat answers exactly as the first did (a coupon's window may have closed
    since).

    Args:
        idempotency_key (None | str | Unset):
        body (PharmacyCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calculation | PharmacyError]
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
    body: PharmacyCreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Calculation | PharmacyError | None:
    """Calculate an order's totals

     The create body; the totals, shipping method and delivery dates it would get. Creates nothing.
    With `Idempotency-Key`, a repeat answers exactly as the first did (a coupon's window may have closed
    since).

    Args:
        idempotency_key (None | str | Unset):
        body (PharmacyCreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calculation | PharmacyError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
