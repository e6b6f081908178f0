from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answered_order import AnsweredOrder
from ...models.pharmacy_error import PharmacyError
from ...models.pharmacy_move_test_order_action import PharmacyMoveTestOrderAction
from ...models.pharmacy_test_helper_in import PharmacyTestHelperIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    action: PharmacyMoveTestOrderAction,
    *,
    body: None | PharmacyTestHelperIn | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/test_helpers/orders/{order_id}/{action}/".format(
            order_id=quote(str(order_id), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    if isinstance(body, PharmacyTestHelperIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnsweredOrder | PharmacyError | None:
    if response.status_code == 200:
        response_200 = AnsweredOrder.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = PharmacyError.from_dict(response.json())

        return response_409

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
) -> Response[AnsweredOrder | PharmacyError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    action: PharmacyMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: None | PharmacyTestHelperIn | Unset = UNSET,
) -> Response[AnsweredOrder | PharmacyError]:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `dispatch` takes `carrier` and `tracking_number`
    (not for a pick-up at a store), `reject_payment` a `reason`; any takes a `note`. A move the
    order's status does not allow is 409. Answers the order as PATCH does.

    Args:
        order_id (str):
        action (PharmacyMoveTestOrderAction):
        body (None | PharmacyTestHelperIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsweredOrder | PharmacyError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        action=action,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    action: PharmacyMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: None | PharmacyTestHelperIn | Unset = UNSET,
) -> AnsweredOrder | PharmacyError | None:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `dispatch` takes `carrier` and `tracking_number`
    (not for a pick-up at a store), `reject_payment` a `reason`; any takes a `note`. A move the
    order's status does not allow is 409. Answers the order as PATCH does.

    Args:
        order_id (str):
        action (PharmacyMoveTestOrderAction):
        body (None | PharmacyTestHelperIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsweredOrder | PharmacyError
    """

    return sync_detailed(
        order_id=order_id,
        action=action,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    action: PharmacyMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: None | PharmacyTestHelperIn | Unset = UNSET,
) -> Response[AnsweredOrder | PharmacyError]:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `dispatch` takes `carrier` and `tracking_number`
    (not for a pick-up at a store), `reject_payment` a `reason`; any takes a `note`. A move the
    order's status does not allow is 409. Answers the order as PATCH does.

    Args:
        order_id (str):
        action (PharmacyMoveTestOrderAction):
        body (None | PharmacyTestHelperIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsweredOrder | PharmacyError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        action=action,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    action: PharmacyMoveTestOrderAction,
    *,
    client: AuthenticatedClient,
    body: None | PharmacyTestHelperIn | Unset = UNSET,
) -> AnsweredOrder | PharmacyError | None:
    """Sandbox: move a test order as the pharmacy would

     Test keys only (a live key gets 403). `dispatch` takes `carrier` and `tracking_number`
    (not for a pick-up at a store), `reject_payment` a `reason`; any takes a `note`. A move the
    order's status does not allow is 409. Answers the order as PATCH does.

    Args:
        order_id (str):
        action (PharmacyMoveTestOrderAction):
        body (None | PharmacyTestHelperIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsweredOrder | PharmacyError
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            action=action,
            client=client,
            body=body,
        )
    ).parsed
