from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_status import DeviceStatus
from ...models.devices_error import DevicesError
from ...models.devices_order_page import DevicesOrderPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    status: DeviceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    site_id: int | None | Unset = UNSET,
    external_order_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DeviceStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_patient_id: int | None | Unset
    if isinstance(patient_id, Unset):
        json_patient_id = UNSET
    else:
        json_patient_id = patient_id
    params["patientId"] = json_patient_id

    json_site_id: int | None | Unset
    if isinstance(site_id, Unset):
        json_site_id = UNSET
    else:
        json_site_id = site_id
    params["siteId"] = json_site_id

    json_external_order_id: None | str | Unset
    if isinstance(external_order_id, Unset):
        json_external_order_id = UNSET
    else:
        json_external_order_id = external_order_id
    params["externalOrderId"] = json_external_order_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v3/order",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DevicesError | DevicesOrderPage | None:
    if response.status_code == 200:
        response_200 = DevicesOrderPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = DevicesError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = DevicesError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = DevicesError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = DevicesError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = DevicesError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = DevicesError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = DevicesError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DevicesError | DevicesOrderPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    status: DeviceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    site_id: int | None | Unset = UNSET,
    external_order_id: None | str | Unset = UNSET,
) -> Response[DevicesError | DevicesOrderPage]:
    """List orders

     Newest first. Filters combine: `status`, `patientId`, `siteId`, `externalOrderId`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        status (DeviceStatus | None | Unset):
        patient_id (int | None | Unset):
        site_id (int | None | Unset):
        external_order_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | DevicesOrderPage]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        status=status,
        patient_id=patient_id,
        site_id=site_id,
        external_order_id=external_order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    status: DeviceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    site_id: int | None | Unset = UNSET,
    external_order_id: None | str | Unset = UNSET,
) -> DevicesError | DevicesOrderPage | None:
    """List orders

     Newest first. Filters combine: `status`, `patientId`, `siteId`, `externalOrderId`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        status (DeviceStatus | None | Unset):
        patient_id (int | None | Unset):
        site_id (int | None | Unset):
        external_order_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | DevicesOrderPage
    """

    return sync_detailed(
        client=client,
        page=page,
        size=size,
        status=status,
        patient_id=patient_id,
        site_id=site_id,
        external_order_id=external_order_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    status: DeviceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    site_id: int | None | Unset = UNSET,
    external_order_id: None | str | Unset = UNSET,
) -> Response[DevicesError | DevicesOrderPage]:
    """List orders

     Newest first. Filters combine: `status`, `patientId`, `siteId`, `externalOrderId`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        status (DeviceStatus | None | Unset):
        patient_id (int | None | Unset):
        site_id (int | None | Unset):
        external_order_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevicesError | DevicesOrderPage]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        status=status,
        patient_id=patient_id,
        site_id=site_id,
        external_order_id=external_order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = 20,
    status: DeviceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    site_id: int | None | Unset = UNSET,
    external_order_id: None | str | Unset = UNSET,
) -> DevicesError | DevicesOrderPage | None:
    """List orders

     Newest first. Filters combine: `status`, `patientId`, `siteId`, `externalOrderId`.

    Args:
        page (int | Unset): Counts from 0. Default: 0.
        size (int | Unset): At most 100. Default: 20.
        status (DeviceStatus | None | Unset):
        patient_id (int | None | Unset):
        site_id (int | None | Unset):
        external_order_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevicesError | DevicesOrderPage
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            size=size,
            status=status,
            patient_id=patient_id,
            site_id=site_id,
            external_order_id=external_order_id,
        )
    ).parsed
