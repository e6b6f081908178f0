from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cases_error import CasesError
from ...models.cases_order_created import CasesOrderCreated
from ...models.cases_place_order_in import CasesPlaceOrderIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: str,
    *,
    body: CasesPlaceOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/cases/{case_id}".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CasesError | CasesOrderCreated | None:
    if response.status_code == 200:
        response_200 = CasesOrderCreated.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = CasesError.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = CasesError.from_dict(response.json())

        return response_413

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
) -> Response[CasesError | CasesOrderCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: CasesPlaceOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CasesError | CasesOrderCreated]:
    """Act on a case: PLACE_ORDER

     `{"action": "PLACE_ORDER", "order": {…}}`: the order is stored and answered at once
    (200, as the contract shows); its prescription and pharmacy steps follow in the worker.

    Args:
        case_id (str):
        idempotency_key (None | str | Unset):
        body (CasesPlaceOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesError | CasesOrderCreated]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: CasesPlaceOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CasesError | CasesOrderCreated | None:
    """Act on a case: PLACE_ORDER

     `{"action": "PLACE_ORDER", "order": {…}}`: the order is stored and answered at once
    (200, as the contract shows); its prescription and pharmacy steps follow in the worker.

    Args:
        case_id (str):
        idempotency_key (None | str | Unset):
        body (CasesPlaceOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesError | CasesOrderCreated
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: CasesPlaceOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CasesError | CasesOrderCreated]:
    """Act on a case: PLACE_ORDER

     `{"action": "PLACE_ORDER", "order": {…}}`: the order is stored and answered at once
    (200, as the contract shows); its prescription and pharmacy steps follow in the worker.

    Args:
        case_id (str):
        idempotency_key (None | str | Unset):
        body (CasesPlaceOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesError | CasesOrderCreated]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: CasesPlaceOrderIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CasesError | CasesOrderCreated | None:
    """Act on a case: PLACE_ORDER

     `{"action": "PLACE_ORDER", "order": {…}}`: the order is stored and answered at once
    (200, as the contract shows); its prescription and pharmacy steps follow in the worker.

    Args:
        case_id (str):
        idempotency_key (None | str | Unset):
        body (CasesPlaceOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesError | CasesOrderCreated
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
