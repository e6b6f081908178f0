from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.manufacturer import Manufacturer


T = TypeVar("T", bound="Item")


@_attrs_define
class Item:
    """
    Attributes:
        id (int):
        manufacturer (Manufacturer):
        model (None | str):
        name (str):
        orderable (bool):
        sku (str):
    """

    id: int
    manufacturer: Manufacturer
    model: None | str
    name: str
    orderable: bool
    sku: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        manufacturer = self.manufacturer.to_dict()

        model: None | str
        model = self.model

        name = self.name

        orderable = self.orderable

        sku = self.sku

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "manufacturer": manufacturer,
                "model": model,
                "name": name,
                "orderable": orderable,
                "sku": sku,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.manufacturer import Manufacturer

        d = dict(src_dict)
        id = d.pop("id")

        manufacturer = Manufacturer.from_dict(d.pop("manufacturer"))

        def _parse_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model = _parse_model(d.pop("model"))

        name = d.pop("name")

        orderable = d.pop("orderable")

        sku = d.pop("sku")

        item = cls(
            id=id,
            manufacturer=manufacturer,
            model=model,
            name=name,
            orderable=orderable,
            sku=sku,
        )

        item.additional_properties = d
        return item

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
