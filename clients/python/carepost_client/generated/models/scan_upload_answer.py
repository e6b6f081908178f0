from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.scan_upload import ScanUpload


T = TypeVar("T", bound="ScanUploadAnswer")


@_attrs_define
class ScanUploadAnswer:
    """
    Attributes:
        success (bool):
        data (ScanUpload):
    """

    success: bool
    data: ScanUpload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.scan_upload import ScanUpload

        d = dict(src_dict)
        success = d.pop("success")

        data = ScanUpload.from_dict(d.pop("data"))

        scan_upload_answer = cls(
            success=success,
            data=data,
        )

        scan_upload_answer.additional_properties = d
        return scan_upload_answer

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
