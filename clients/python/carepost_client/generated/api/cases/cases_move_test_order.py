from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cases_error import CasesError
from ...models.cases_move_test_order_action import CasesMoveTestOrderAction
from ...models.cases_test_helper_in import CasesTestHelperIn
from ...models.order_moved import OrderMoved
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: str,
    order_id: str,
    action: CasesMoveTestOrderAction,
    *,
    body: CasesTestHelperIn | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/test_helpers/cases/{case_id}/orders/{order_id}/{action}".format(
            case_id=quote(str(case_id), safe=""),
            order_id=quote(str(order_id), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    if isinstance(body, CasesTestHelperIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CasesError | OrderMoved | None:
    if response.status_code == 200:
        response_200 = OrderMoved.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = CasesError.from_dict(response.json())

        return response_409

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
) -> Response[CasesError | OrderMoved]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: str,
    order_id: str,
    action: CasesMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: CasesTestHelperIn | None | Unset = UNSET,
) -> Response[CasesError | OrderMoved]:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `ship` takes `carrier` and `tracking_number`;
    `reject`, `fail` and `cancel` a `reason`; any takes a `note`. A move the order's status
    does not allow is 409. Answers the order as the case shows it.

    Args:
        case_id (str):
        order_id (str):
        action (CasesMoveTestOrderAction):
        body (CasesTestHelperIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesError | OrderMoved]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        order_id=order_id,
        action=action,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: str,
    order_id: str,
    action: CasesMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: CasesTestHelperIn | None | Unset = UNSET,
) -> CasesError | OrderMoved | None:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `ship` takes `carrier` and `tracking_number`;
    `reject`, `fail` and `cancel` a `reason`; any takes a `note`. A move the order's status
    does not allow is 409. Answers the order as the case shows it.

    Args:
        case_id (str):
        order_id (str):
        action (CasesMoveTestOrderAction):
        body (CasesTestHelperIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesError | OrderMoved
    """

    return sync_detailed(
        case_id=case_id,
        order_id=order_id,
        action=action,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    order_id: str,
    action: CasesMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: CasesTestHelperIn | None | Unset = UNSET,
) -> Response[CasesError | OrderMoved]:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `ship` takes `carrier` and `tracking_number`;
    `reject`, `fail` and `cancel` a `reason`; any takes a `note`. A move the order's status
    does not allow is 409. Answers the order as the case shows it.

    Args:
        case_id (str):
        order_id (str):
        action (CasesMoveTestOrderAction):
        body (CasesTestHelperIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesError | OrderMoved]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        order_id=order_id,
        action=action,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    order_id: str,
    action: CasesMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: CasesTestHelperIn | None | Unset = UNSET,
) -> CasesError | OrderMoved | None:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `ship` takes `carrier` and `tracking_number`;
    `reject`, `fail` and `cancel` a `reason`; any takes a `note`. A move the order's status
    does not allow is 409. Answers the order as the case shows it.

    Args:
        case_id (str):
        order_id (str):
        action (CasesMoveTestOrderAction):
        body (CasesTestHelperIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesError | OrderMoved
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            order_id=order_id,
            action=action,
            client=client,
            body=body,
        )
    ).parsed
