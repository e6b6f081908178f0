from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cases_open_case_in import CasesOpenCaseIn
from ...models.opened_case import OpenedCase
from ...models.operator_open_case_mode import OperatorOpenCaseMode
from ...models.ops_error import OpsError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: CasesOpenCaseIn,
    mode: OperatorOpenCaseMode | Unset = OperatorOpenCaseMode.LIVE,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/ops/v1/accounts/{slug}/cases".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpenedCase | OpsError | None:
    if response.status_code == 201:
        response_201 = OpenedCase.from_dict(response.json())

        return response_201

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

    if response.status_code == 408:
        response_408 = OpsError.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = OpsError.from_dict(response.json())

        return response_413

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
) -> Response[OpenedCase | OpsError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: CasesOpenCaseIn,
    mode: OperatorOpenCaseMode | Unset = OperatorOpenCaseMode.LIVE,
) -> Response[OpenedCase | OpsError]:
    """Open a case for an organization

     The body of the organization's own `POST /api/v1/cases` (docs/cases.md); `?mode=` picks the case's
    mode.

    Args:
        slug (str):
        mode (OperatorOpenCaseMode | Unset):  Default: OperatorOpenCaseMode.LIVE.
        body (CasesOpenCaseIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenedCase | OpsError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        mode=mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: CasesOpenCaseIn,
    mode: OperatorOpenCaseMode | Unset = OperatorOpenCaseMode.LIVE,
) -> OpenedCase | OpsError | None:
    """Open a case for an organization

     The body of the organization's own `POST /api/v1/cases` (docs/cases.md); `?mode=` picks the case's
    mode.

    Args:
        slug (str):
        mode (OperatorOpenCaseMode | Unset):  Default: OperatorOpenCaseMode.LIVE.
        body (CasesOpenCaseIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenedCase | OpsError
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
        mode=mode,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: CasesOpenCaseIn,
    mode: OperatorOpenCaseMode | Unset = OperatorOpenCaseMode.LIVE,
) -> Response[OpenedCase | OpsError]:
    """Open a case for an organization

     The body of the organization's own `POST /api/v1/cases` (docs/cases.md); `?mode=` picks the case's
    mode.

    Args:
        slug (str):
        mode (OperatorOpenCaseMode | Unset):  Default: OperatorOpenCaseMode.LIVE.
        body (CasesOpenCaseIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenedCase | OpsError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        mode=mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: CasesOpenCaseIn,
    mode: OperatorOpenCaseMode | Unset = OperatorOpenCaseMode.LIVE,
) -> OpenedCase | OpsError | None:
    """Open a case for an organization

     The body of the organization's own `POST /api/v1/cases` (docs/cases.md); `?mode=` picks the case's
    mode.

    Args:
        slug (str):
        mode (OperatorOpenCaseMode | Unset):  Default: OperatorOpenCaseMode.LIVE.
        body (CasesOpenCaseIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenedCase | OpsError
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
            mode=mode,
        )
    ).parsed
