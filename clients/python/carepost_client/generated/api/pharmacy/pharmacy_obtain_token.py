from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.pharmacy_error import PharmacyError
from ...models.token_in import TokenIn
from ...types import Response


def _get_kwargs(
    *,
    body: TokenIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/token/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessToken | PharmacyError | None:
    if response.status_code == 200:
        response_200 = AccessToken.from_dict(response.json())

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
) -> Response[AccessToken | PharmacyError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenIn,
) -> Response[AccessToken | PharmacyError]:
    """Obtain an access token

     The account's API key in `X-API-Key` and a user's `email` and `password`; the token's
    `access_lifetime` claim says for how many seconds it works.

    Args:
        body (TokenIn): SimpleJWT's TokenObtainPairSerializer with the e-mail as the username
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | PharmacyError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TokenIn,
) -> AccessToken | PharmacyError | None:
    """Obtain an access token

     The account's API key in `X-API-Key` and a user's `email` and `password`; the token's
    `access_lifetime` claim says for how many seconds it works.

    Args:
        body (TokenIn): SimpleJWT's TokenObtainPairSerializer with the e-mail as the username
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | PharmacyError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenIn,
) -> Response[AccessToken | PharmacyError]:
    """Obtain an access token

     The account's API key in `X-API-Key` and a user's `email` and `password`; the token's
    `access_lifetime` claim says for how many seconds it works.

    Args:
        body (TokenIn): SimpleJWT's TokenObtainPairSerializer with the e-mail as the username
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | PharmacyError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenIn,
) -> AccessToken | PharmacyError | None:
    """Obtain an access token

     The account's API key in `X-API-Key` and a user's `email` and `password`; the token's
    `access_lifetime` claim says for how many seconds it works.

    Args:
        body (TokenIn): SimpleJWT's TokenObtainPairSerializer with the e-mail as the username
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | PharmacyError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
