from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.operator_replay_event_mode import OperatorReplayEventMode
from ...models.ops_error import OpsError
from ...models.replayed import Replayed
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    event_id: str,
    *,
    mode: OperatorReplayEventMode | Unset = OperatorReplayEventMode.LIVE,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/ops/v1/accounts/{slug}/webhooks/events/{event_id}/replay".format(
            slug=quote(str(slug), safe=""),
            event_id=quote(str(event_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpsError | Replayed | None:
    if response.status_code == 202:
        response_202 = Replayed.from_dict(response.json())

        return response_202

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
) -> Response[OpsError | Replayed]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorReplayEventMode | Unset = OperatorReplayEventMode.LIVE,
) -> Response[OpsError | Replayed]:
    """Send an event again

    Args:
        slug (str):
        event_id (str):
        mode (OperatorReplayEventMode | Unset):  Default: OperatorReplayEventMode.LIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpsError | Replayed]
    """

    kwargs = _get_kwargs(
        slug=slug,
        event_id=event_id,
        mode=mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorReplayEventMode | Unset = OperatorReplayEventMode.LIVE,
) -> OpsError | Replayed | None:
    """Send an event again

    Args:
        slug (str):
        event_id (str):
        mode (OperatorReplayEventMode | Unset):  Default: OperatorReplayEventMode.LIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpsError | Replayed
    """

    return sync_detailed(
        slug=slug,
        event_id=event_id,
        client=client,
        mode=mode,
    ).parsed


async def asyncio_detailed(
    slug: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorReplayEventMode | Unset = OperatorReplayEventMode.LIVE,
) -> Response[OpsError | Replayed]:
    """Send an event again

    Args:
        slug (str):
        event_id (str):
        mode (OperatorReplayEventMode | Unset):  Default: OperatorReplayEventMode.LIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpsError | Replayed]
    """

    kwargs = _get_kwargs(
        slug=slug,
        event_id=event_id,
        mode=mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    mode: OperatorReplayEventMode | Unset = OperatorReplayEventMode.LIVE,
) -> OpsError | Replayed | None:
    """Send an event again

    Args:
        slug (str):
        event_id (str):
        mode (OperatorReplayEventMode | Unset):  Default: OperatorReplayEventMode.LIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpsError | Replayed
    """

    return (
        await asyncio_detailed(
            slug=slug,
            event_id=event_id,
            client=client,
            mode=mode,
        )
    ).parsed
