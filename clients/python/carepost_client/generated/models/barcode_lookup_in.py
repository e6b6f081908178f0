from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.barcode_lookup_in_request_type import BarcodeLookupInRequestType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BarcodeLookupIn")


@_attrs_define
class BarcodeLookupIn:
    """
    Attributes:
        barcode (str):
        request_type (BarcodeLookupInRequestType):
        secret_key (None | str | Unset):
    """

    barcode: str
    request_type: BarcodeLookupInRequestType
    secret_key: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        barcode = self.barcode

        request_type = self.request_type.value

        secret_key: None | str | Unset
        if isinstance(self.secret_key, Unset):
            secret_key = UNSET
        else:
            secret_key = self.secret_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "barcode": barcode,
                "request_type": request_type,
            }
        )
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        barcode = d.pop("barcode")

        request_type = BarcodeLookupInRequestType(d.pop("request_type"))

        def _parse_secret_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key = _parse_secret_key(d.pop("secret_key", UNSET))

        barcode_lookup_in = cls(
            barcode=barcode,
            request_type=request_type,
            secret_key=secret_key,
        )

        return barcode_lookup_in
