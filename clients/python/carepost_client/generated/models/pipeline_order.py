from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineOrder")


@_attrs_define
class PipelineOrder:
    """
    Attributes:
        order_id (str):
        case_id (str):
        account_id (int):
        mode (str):
        status (str):
        failure (None | str):
        pharmacy_reference (None | str):
        placed_at (str):
        updated_at (str):
    """

    order_id: str
    case_id: str
    account_id: int
    mode: str
    status: str
    failure: None | str
    pharmacy_reference: None | str
    placed_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        case_id = self.case_id

        account_id = self.account_id

        mode = self.mode

        status = self.status

        failure: None | str
        failure = self.failure

        pharmacy_reference: None | str
        pharmacy_reference = self.pharmacy_reference

        placed_at = self.placed_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "case_id": case_id,
                "account_id": account_id,
                "mode": mode,
                "status": status,
                "failure": failure,
                "pharmacy_reference": pharmacy_reference,
                "placed_at": placed_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        order_id = d.pop("order_id")

        case_id = d.pop("case_id")

        account_id = d.pop("account_id")

        mode = d.pop("mode")

        status = d.pop("status")

        def _parse_failure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure = _parse_failure(d.pop("failure"))

        def _parse_pharmacy_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pharmacy_reference = _parse_pharmacy_reference(d.pop("pharmacy_reference"))

        placed_at = d.pop("placed_at")

        updated_at = d.pop("updated_at")

        pipeline_order = cls(
            order_id=order_id,
            case_id=case_id,
            account_id=account_id,
            mode=mode,
            status=status,
            failure=failure,
            pharmacy_reference=pharmacy_reference,
            placed_at=placed_at,
            updated_at=updated_at,
        )

        pipeline_order.additional_properties = d
        return pipeline_order

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
