from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_prescription_item_custom_fields_type_0 import (
        CasePrescriptionItemCustomFieldsType0,
    )


T = TypeVar("T", bound="CasePrescriptionItem")


@_attrs_define
class CasePrescriptionItem:
    """
    Attributes:
        drug_id (str):
        drug_name (str):
        quantity (str):
        direction (None | str):
        refill_count (int | None):
        supply_days (int | None):
        custom_fields (CasePrescriptionItemCustomFieldsType0 | None):
    """

    drug_id: str
    drug_name: str
    quantity: str
    direction: None | str
    refill_count: int | None
    supply_days: int | None
    custom_fields: CasePrescriptionItemCustomFieldsType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_prescription_item_custom_fields_type_0 import (
            CasePrescriptionItemCustomFieldsType0,
        )

        drug_id = self.drug_id

        drug_name = self.drug_name

        quantity = self.quantity

        direction: None | str
        direction = self.direction

        refill_count: int | None
        refill_count = self.refill_count

        supply_days: int | None
        supply_days = self.supply_days

        custom_fields: dict[str, Any] | None
        if isinstance(self.custom_fields, CasePrescriptionItemCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drugId": drug_id,
                "drugName": drug_name,
                "quantity": quantity,
                "direction": direction,
                "refillCount": refill_count,
                "supplyDays": supply_days,
                "customFields": custom_fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_prescription_item_custom_fields_type_0 import (
            CasePrescriptionItemCustomFieldsType0,
        )

        d = dict(src_dict)
        drug_id = d.pop("drugId")

        drug_name = d.pop("drugName")

        quantity = d.pop("quantity")

        def _parse_direction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        direction = _parse_direction(d.pop("direction"))

        def _parse_refill_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        refill_count = _parse_refill_count(d.pop("refillCount"))

        def _parse_supply_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supply_days = _parse_supply_days(d.pop("supplyDays"))

        def _parse_custom_fields(
            data: object,
        ) -> CasePrescriptionItemCustomFieldsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = CasePrescriptionItemCustomFieldsType0.from_dict(
                    data
                )

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CasePrescriptionItemCustomFieldsType0 | None, data)

        custom_fields = _parse_custom_fields(d.pop("customFields"))

        case_prescription_item = cls(
            drug_id=drug_id,
            drug_name=drug_name,
            quantity=quantity,
            direction=direction,
            refill_count=refill_count,
            supply_days=supply_days,
            custom_fields=custom_fields,
        )

        case_prescription_item.additional_properties = d
        return case_prescription_item

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
