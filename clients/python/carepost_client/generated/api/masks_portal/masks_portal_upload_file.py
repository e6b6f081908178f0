from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.masks_error import MasksError
from ...models.masks_portal_upload_file_body import MasksPortalUploadFileBody
from ...models.scan_upload_answer import ScanUploadAnswer
from ...types import UNSET, Response


def _get_kwargs(
    kind: str,
    *,
    body: MasksPortalUploadFileBody,
    order_id: str,
    email: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["order_id"] = order_id

    params["email"] = email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/portal/start-scan/files/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MasksError | ScanUploadAnswer | None:
    if response.status_code == 200:
        response_200 = ScanUploadAnswer.from_dict(response.json())

        return response_200

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

    if response.status_code == 429:
        response_429 = MasksError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = MasksError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = MasksError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MasksError | ScanUploadAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasksPortalUploadFileBody,
    order_id: str,
    email: str,
) -> Response[MasksError | ScanUploadAnswer]:
    """Upload one scan file

    Args:
        kind (str):
        order_id (str):
        email (str):
        body (MasksPortalUploadFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MasksError | ScanUploadAnswer]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        order_id=order_id,
        email=email,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasksPortalUploadFileBody,
    order_id: str,
    email: str,
) -> MasksError | ScanUploadAnswer | None:
    """Upload one scan file

    Args:
        kind (str):
        order_id (str):
        email (str):
        body (MasksPortalUploadFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MasksError | ScanUploadAnswer
    """

    return sync_detailed(
        kind=kind,
        client=client,
        body=body,
        order_id=order_id,
        email=email,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasksPortalUploadFileBody,
    order_id: str,
    email: str,
) -> Response[MasksError | ScanUploadAnswer]:
    """Upload one scan file

    Args:
        kind (str):
        order_id (str):
        email (str):
        body (MasksPortalUploadFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MasksError | ScanUploadAnswer]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        order_id=order_id,
        email=email,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: MasksPortalUploadFileBody,
    order_id: str,
    email: str,
) -> MasksError | ScanUploadAnswer | None:
    """Upload one scan file

    Args:
        kind (str):
        order_id (str):
        email (str):
        body (MasksPortalUploadFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MasksError | ScanUploadAnswer
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            body=body,
            order_id=order_id,
            email=email,
        )
    ).parsed
