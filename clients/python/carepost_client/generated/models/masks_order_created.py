from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MasksOrderCreated")


@_attrs_define
class MasksOrderCreated:
    """
    Attributes:
        idempotent_replay (bool):
        request_id (str):
        shopify_order_id (None | str):
        shopify_order_name (None | str):
        vitacore_order_id (str):
        patient_email (str):
        patient_name (str):
        forge_sends_email_to_client (bool | None):
        mask_type (str):
        placed_at (str):
        patient_scan_email_sent (bool | None | Unset):
        scan_upload_url (None | str | Unset):
    """

    idempotent_replay: bool
    request_id: str
    shopify_order_id: None | str
    shopify_order_name: None | str
    vitacore_order_id: str
    patient_email: str
    patient_name: str
    forge_sends_email_to_client: bool | None
    mask_type: str
    placed_at: str
    patient_scan_email_sent: bool | None | Unset = UNSET
    scan_upload_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        idempotent_replay = self.idempotent_replay

        request_id = self.request_id

        shopify_order_id: None | str
        shopify_order_id = self.shopify_order_id

        shopify_order_name: None | str
        shopify_order_name = self.shopify_order_name

        vitacore_order_id = self.vitacore_order_id

        patient_email = self.patient_email

        patient_name = self.patient_name

        forge_sends_email_to_client: bool | None
        forge_sends_email_to_client = self.forge_sends_email_to_client

        mask_type = self.mask_type

        placed_at = self.placed_at

        patient_scan_email_sent: bool | None | Unset
        if isinstance(self.patient_scan_email_sent, Unset):
            patient_scan_email_sent = UNSET
        else:
            patient_scan_email_sent = self.patient_scan_email_sent

        scan_upload_url: None | str | Unset
        if isinstance(self.scan_upload_url, Unset):
            scan_upload_url = UNSET
        else:
            scan_upload_url = self.scan_upload_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "idempotent_replay": idempotent_replay,
                "request_id": request_id,
                "shopify_order_id": shopify_order_id,
                "shopify_order_name": shopify_order_name,
                "vitacore_order_id": vitacore_order_id,
                "patient_email": patient_email,
                "patient_name": patient_name,
                "forge_sends_email_to_client": forge_sends_email_to_client,
                "mask_type": mask_type,
                "placed_at": placed_at,
            }
        )
        if patient_scan_email_sent is not UNSET:
            field_dict["patient_scan_email_sent"] = patient_scan_email_sent
        if scan_upload_url is not UNSET:
            field_dict["scan_upload_url"] = scan_upload_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        idempotent_replay = d.pop("idempotent_replay")

        request_id = d.pop("request_id")

        def _parse_shopify_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shopify_order_id = _parse_shopify_order_id(d.pop("shopify_order_id"))

        def _parse_shopify_order_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shopify_order_name = _parse_shopify_order_name(d.pop("shopify_order_name"))

        vitacore_order_id = d.pop("vitacore_order_id")

        patient_email = d.pop("patient_email")

        patient_name = d.pop("patient_name")

        def _parse_forge_sends_email_to_client(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        forge_sends_email_to_client = _parse_forge_sends_email_to_client(
            d.pop("forge_sends_email_to_client")
        )

        mask_type = d.pop("mask_type")

        placed_at = d.pop("placed_at")

        def _parse_patient_scan_email_sent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        patient_scan_email_sent = _parse_patient_scan_email_sent(
            d.pop("patient_scan_email_sent", UNSET)
        )

        def _parse_scan_upload_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scan_upload_url = _parse_scan_upload_url(d.pop("scan_upload_url", UNSET))

        masks_order_created = cls(
            idempotent_replay=idempotent_replay,
            request_id=request_id,
            shopify_order_id=shopify_order_id,
            shopify_order_name=shopify_order_name,
            vitacore_order_id=vitacore_order_id,
            patient_email=patient_email,
            patient_name=patient_name,
            forge_sends_email_to_client=forge_sends_email_to_client,
            mask_type=mask_type,
            placed_at=placed_at,
            patient_scan_email_sent=patient_scan_email_sent,
            scan_upload_url=scan_upload_url,
        )

        masks_order_created.additional_properties = d
        return masks_order_created

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
