from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.mask_type import MaskType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shipping_address_in import ShippingAddressIn


T = TypeVar("T", bound="MasksCreateOrderIn")


@_attrs_define
class MasksCreateOrderIn:
    """
    Attributes:
        patient_email (str):
        patient_name (str):
        phone (str):
        shipping_address (ShippingAddressIn):
        secret_key (None | str | Unset):
        idempotency_key (None | str | Unset):
        mask_type (MaskType | None | Unset):
        forge_sends_email_to_client (bool | None | Unset):
    """

    patient_email: str
    patient_name: str
    phone: str
    shipping_address: ShippingAddressIn
    secret_key: None | str | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    mask_type: MaskType | None | Unset = UNSET
    forge_sends_email_to_client: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patient_email = self.patient_email

        patient_name = self.patient_name

        phone = self.phone

        shipping_address = self.shipping_address.to_dict()

        secret_key: None | str | Unset
        if isinstance(self.secret_key, Unset):
            secret_key = UNSET
        else:
            secret_key = self.secret_key

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        mask_type: None | str | Unset
        if isinstance(self.mask_type, Unset):
            mask_type = UNSET
        elif isinstance(self.mask_type, MaskType):
            mask_type = self.mask_type.value
        else:
            mask_type = self.mask_type

        forge_sends_email_to_client: bool | None | Unset
        if isinstance(self.forge_sends_email_to_client, Unset):
            forge_sends_email_to_client = UNSET
        else:
            forge_sends_email_to_client = self.forge_sends_email_to_client

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patient_email": patient_email,
                "patient_name": patient_name,
                "phone": phone,
                "shipping_address": shipping_address,
            }
        )
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if mask_type is not UNSET:
            field_dict["mask_type"] = mask_type
        if forge_sends_email_to_client is not UNSET:
            field_dict["forge_sends_email_to_client"] = forge_sends_email_to_client

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shipping_address_in import ShippingAddressIn

        d = dict(src_dict)
        patient_email = d.pop("patient_email")

        patient_name = d.pop("patient_name")

        phone = d.pop("phone")

        shipping_address = ShippingAddressIn.from_dict(d.pop("shipping_address"))

        def _parse_secret_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key = _parse_secret_key(d.pop("secret_key", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        def _parse_mask_type(data: object) -> MaskType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mask_type_type_0 = MaskType(data)

                return mask_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MaskType | None | Unset, data)

        mask_type = _parse_mask_type(d.pop("mask_type", UNSET))

        def _parse_forge_sends_email_to_client(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        forge_sends_email_to_client = _parse_forge_sends_email_to_client(
            d.pop("forge_sends_email_to_client", UNSET)
        )

        masks_create_order_in = cls(
            patient_email=patient_email,
            patient_name=patient_name,
            phone=phone,
            shipping_address=shipping_address,
            secret_key=secret_key,
            idempotency_key=idempotency_key,
            mask_type=mask_type,
            forge_sends_email_to_client=forge_sends_email_to_client,
        )

        return masks_create_order_in
