from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.opened_case_patient import OpenedCasePatient


T = TypeVar("T", bound="OpenedCase")


@_attrs_define
class OpenedCase:
    """
    Attributes:
        id (str):
        mode (str):
        patient (OpenedCasePatient):
    """

    id: str
    mode: str
    patient: OpenedCasePatient
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        mode = self.mode

        patient = self.patient.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "mode": mode,
                "patient": patient,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.opened_case_patient import OpenedCasePatient

        d = dict(src_dict)
        id = d.pop("id")

        mode = d.pop("mode")

        patient = OpenedCasePatient.from_dict(d.pop("patient"))

        opened_case = cls(
            id=id,
            mode=mode,
            patient=patient,
        )

        opened_case.additional_properties = d
        return opened_case

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
