from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScanUpload")


@_attrs_define
class ScanUpload:
    """
    Attributes:
        kind (str):
        on_file (list[str]):
        scan_complete (bool):
        scan_id (None | str):
    """

    kind: str
    on_file: list[str]
    scan_complete: bool
    scan_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        on_file = self.on_file

        scan_complete = self.scan_complete

        scan_id: None | str
        scan_id = self.scan_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "on_file": on_file,
                "scan_complete": scan_complete,
                "scan_id": scan_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = d.pop("kind")

        on_file = cast(list[str], d.pop("on_file"))

        scan_complete = d.pop("scan_complete")

        def _parse_scan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scan_id = _parse_scan_id(d.pop("scan_id"))

        scan_upload = cls(
            kind=kind,
            on_file=on_file,
            scan_complete=scan_complete,
            scan_id=scan_id,
        )

        scan_upload.additional_properties = d
        return scan_upload

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
