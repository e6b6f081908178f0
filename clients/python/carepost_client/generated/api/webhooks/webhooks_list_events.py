import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_list import EventList
from ...models.webhooks_error import WebhooksError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_order_id: None | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params["limit"] = limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_ending_before: None | str | Unset
    if isinstance(ending_before, Unset):
        json_ending_before = UNSET
    else:
        json_ending_before = ending_before
    params["ending_before"] = json_ending_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/webhooks/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventList | WebhooksError | None:
    if response.status_code == 200:
        response_200 = EventList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = WebhooksError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = WebhooksError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = WebhooksError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = WebhooksError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = WebhooksError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = WebhooksError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = WebhooksError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EventList | WebhooksError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
) -> Response[EventList | WebhooksError]:
    """The account's events (this mode), newest first

     Every event, whether or not an endpoint wanted it, for 30 days (docs/sandbox.md): to
    recover missed deliveries, keep asking `ending_before=<the newest event you have>`.

    Args:
        type_ (None | str | Unset): A type, or a family: `case.order.*`
        order_id (None | str | Unset): The order's id as its API shows it
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 10.
        starting_after (None | str | Unset): An event id: the older events after it
        ending_before (None | str | Unset): An event id: the newer events before it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | WebhooksError]
    """

    kwargs = _get_kwargs(
        type_=type_,
        order_id=order_id,
        since=since,
        until=until,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    type_: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
) -> EventList | WebhooksError | None:
    """The account's events (this mode), newest first

     Every event, whether or not an endpoint wanted it, for 30 days (docs/sandbox.md): to
    recover missed deliveries, keep asking `ending_before=<the newest event you have>`.

    Args:
        type_ (None | str | Unset): A type, or a family: `case.order.*`
        order_id (None | str | Unset): The order's id as its API shows it
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 10.
        starting_after (None | str | Unset): An event id: the older events after it
        ending_before (None | str | Unset): An event id: the newer events before it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | WebhooksError
    """

    return sync_detailed(
        client=client,
        type_=type_,
        order_id=order_id,
        since=since,
        until=until,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
) -> Response[EventList | WebhooksError]:
    """The account's events (this mode), newest first

     Every event, whether or not an endpoint wanted it, for 30 days (docs/sandbox.md): to
    recover missed deliveries, keep asking `ending_before=<the newest event you have>`.

    Args:
        type_ (None | str | Unset): A type, or a family: `case.order.*`
        order_id (None | str | Unset): The order's id as its API shows it
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 10.
        starting_after (None | str | Unset): An event id: the older events after it
        ending_before (None | str | Unset): An event id: the newer events before it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | WebhooksError]
    """

    kwargs = _get_kwargs(
        type_=type_,
        order_id=order_id,
        since=since,
        until=until,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
) -> EventList | WebhooksError | None:
    """The account's events (this mode), newest first

     Every event, whether or not an endpoint wanted it, for 30 days (docs/sandbox.md): to
    recover missed deliveries, keep asking `ending_before=<the newest event you have>`.

    Args:
        type_ (None | str | Unset): A type, or a family: `case.order.*`
        order_id (None | str | Unset): The order's id as its API shows it
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 10.
        starting_after (None | str | Unset): An event id: the older events after it
        ending_before (None | str | Unset): An event id: the newer events before it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | WebhooksError
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            order_id=order_id,
            since=since,
            until=until,
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
        )
    ).parsed
