from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cases_error import CasesError
from ...types import File, Response


def _get_kwargs(
    case_id: str,
    order_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/cases/{case_id}/orders/{order_id}/prescription".format(
            case_id=quote(str(case_id), safe=""),
            order_id=quote(str(order_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CasesError | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = CasesError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CasesError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CasesError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CasesError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = CasesError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = CasesError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CasesError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CasesError | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CasesError | File]:
    """An order's prescription document (PDF)

     404 until the worker has made and stored it.

    Args:
        case_id (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesError | File]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        order_id=order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> CasesError | File | None:
    """An order's prescription document (PDF)

     404 until the worker has made and stored it.

    Args:
        case_id (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesError | File
    """

    return sync_detailed(
        case_id=case_id,
        order_id=order_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CasesError | File]:
    """An order's prescription document (PDF)

     404 until the worker has made and stored it.

    Args:
        case_id (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesError | File]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        order_id=order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> CasesError | File | None:
    """An order's prescription document (PDF)

     404 until the worker has made and stored it.

    Args:
        case_id (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesError | File
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            order_id=order_id,
            client=client,
        )
    ).parsed
