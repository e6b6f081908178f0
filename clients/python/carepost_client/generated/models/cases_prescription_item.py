from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cases_prescription_item_custom_fields_type_0 import (
        CasesPrescriptionItemCustomFieldsType0,
    )


T = TypeVar("T", bound="CasesPrescriptionItem")


@_attrs_define
class CasesPrescriptionItem:
    """
    Attributes:
        drug_id (str):
        quantity (str): A positive number, as text (`"30"`).
        direction (None | str | Unset):
        refill_count (int | None | Unset):
        supply_days (int | None | Unset):
        custom_fields (CasesPrescriptionItemCustomFieldsType0 | None | Unset):
    """

    drug_id: str
    quantity: str
    direction: None | str | Unset = UNSET
    refill_count: int | None | Unset = UNSET
    supply_days: int | None | Unset = UNSET
    custom_fields: CasesPrescriptionItemCustomFieldsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_prescription_item_custom_fields_type_0 import (
            CasesPrescriptionItemCustomFieldsType0,
        )

        drug_id = self.drug_id

        quantity = self.quantity

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        else:
            direction = self.direction

        refill_count: int | None | Unset
        if isinstance(self.refill_count, Unset):
            refill_count = UNSET
        else:
            refill_count = self.refill_count

        supply_days: int | None | Unset
        if isinstance(self.supply_days, Unset):
            supply_days = UNSET
        else:
            supply_days = self.supply_days

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(self.custom_fields, CasesPrescriptionItemCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drugId": drug_id,
                "quantity": quantity,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction
        if refill_count is not UNSET:
            field_dict["refillCount"] = refill_count
        if supply_days is not UNSET:
            field_dict["supplyDays"] = supply_days
        if custom_fields is not UNSET:
            field_dict["customFields"] = custom_fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cases_prescription_item_custom_fields_type_0 import (
            CasesPrescriptionItemCustomFieldsType0,
        )

        d = dict(src_dict)
        drug_id = d.pop("drugId")

        quantity = d.pop("quantity")

        def _parse_direction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_refill_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        refill_count = _parse_refill_count(d.pop("refillCount", UNSET))

        def _parse_supply_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supply_days = _parse_supply_days(d.pop("supplyDays", UNSET))

        def _parse_custom_fields(
            data: object,
        ) -> CasesPrescriptionItemCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = CasesPrescriptionItemCustomFieldsType0.from_dict(
                    data
                )

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CasesPrescriptionItemCustomFieldsType0 | None | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("customFields", UNSET))

        cases_prescription_item = cls(
            drug_id=drug_id,
            quantity=quantity,
            direction=direction,
            refill_count=refill_count,
            supply_days=supply_days,
            custom_fields=custom_fields,
        )

        cases_prescription_item.additional_properties = d
        return cases_prescription_item

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
