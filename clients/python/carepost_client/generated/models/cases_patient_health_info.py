from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CasesPatientHealthInfo")


@_attrs_define
class CasesPatientHealthInfo:
    """
    Attributes:
        allergies (None | str | Unset):
        health_conditions (None | str | Unset):
        current_medications (None | str | Unset):
    """

    allergies: None | str | Unset = UNSET
    health_conditions: None | str | Unset = UNSET
    current_medications: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allergies: None | str | Unset
        if isinstance(self.allergies, Unset):
            allergies = UNSET
        else:
            allergies = self.allergies

        health_conditions: None | str | Unset
        if isinstance(self.health_conditions, Unset):
            health_conditions = UNSET
        else:
            health_conditions = self.health_conditions

        current_medications: None | str | Unset
        if isinstance(self.current_medications, Unset):
            current_medications = UNSET
        else:
            current_medications = self.current_medications

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if allergies is not UNSET:
            field_dict["allergies"] = allergies
        if health_conditions is not UNSET:
            field_dict["healthConditions"] = health_conditions
        if current_medications is not UNSET:
            field_dict["currentMedications"] = current_medications

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_allergies(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allergies = _parse_allergies(d.pop("allergies", UNSET))

        def _parse_health_conditions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        health_conditions = _parse_health_conditions(d.pop("healthConditions", UNSET))

        def _parse_current_medications(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_medications = _parse_current_medications(
            d.pop("currentMedications", UNSET)
        )

        cases_patient_health_info = cls(
            allergies=allergies,
            health_conditions=health_conditions,
            current_medications=current_medications,
        )

        cases_patient_health_info.additional_properties = d
        return cases_patient_health_info

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
