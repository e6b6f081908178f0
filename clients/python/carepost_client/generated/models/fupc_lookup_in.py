from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fupc_lookup_in_request_type_type_0 import FupcLookupInRequestTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="FupcLookupIn")


@_attrs_define
class FupcLookupIn:
    """
    Attributes:
        fupc (str):
        secret_key (None | str | Unset):
        request_type (FupcLookupInRequestTypeType0 | None | Unset):
    """

    fupc: str
    secret_key: None | str | Unset = UNSET
    request_type: FupcLookupInRequestTypeType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fupc = self.fupc

        secret_key: None | str | Unset
        if isinstance(self.secret_key, Unset):
            secret_key = UNSET
        else:
            secret_key = self.secret_key

        request_type: None | str | Unset
        if isinstance(self.request_type, Unset):
            request_type = UNSET
        elif isinstance(self.request_type, FupcLookupInRequestTypeType0):
            request_type = self.request_type.value
        else:
            request_type = self.request_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fupc": fupc,
            }
        )
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key
        if request_type is not UNSET:
            field_dict["request_type"] = request_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fupc = d.pop("fupc")

        def _parse_secret_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key = _parse_secret_key(d.pop("secret_key", UNSET))

        def _parse_request_type(
            data: object,
        ) -> FupcLookupInRequestTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_type_type_0 = FupcLookupInRequestTypeType0(data)

                return request_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FupcLookupInRequestTypeType0 | None | Unset, data)

        request_type = _parse_request_type(d.pop("request_type", UNSET))

        fupc_lookup_in = cls(
            fupc=fupc,
            secret_key=secret_key,
            request_type=request_type,
        )

        return fupc_lookup_in
