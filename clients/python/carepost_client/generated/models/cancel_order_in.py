from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelOrderIn")


@_attrs_define
class CancelOrderIn:
    """
    Attributes:
        secret_key (None | str | Unset):
        reason (None | str | Unset):
        partner_reference (None | str | Unset):
    """

    secret_key: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    partner_reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        secret_key: None | str | Unset
        if isinstance(self.secret_key, Unset):
            secret_key = UNSET
        else:
            secret_key = self.secret_key

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        partner_reference: None | str | Unset
        if isinstance(self.partner_reference, Unset):
            partner_reference = UNSET
        else:
            partner_reference = self.partner_reference

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key
        if reason is not UNSET:
            field_dict["reason"] = reason
        if partner_reference is not UNSET:
            field_dict["partner_reference"] = partner_reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_secret_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key = _parse_secret_key(d.pop("secret_key", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_partner_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner_reference = _parse_partner_reference(d.pop("partner_reference", UNSET))

        cancel_order_in = cls(
            secret_key=secret_key,
            reason=reason,
            partner_reference=partner_reference,
        )

        return cancel_order_in
