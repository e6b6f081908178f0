from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manufacturer_ref_in import ManufacturerRefIn


T = TypeVar("T", bound="ItemRefIn")


@_attrs_define
class ItemRefIn:
    """
    Attributes:
        id (int):
        sku (None | str | Unset):
        name (None | str | Unset):
        model (None | str | Unset):
        orderable (bool | None | Unset):
        manufacturer (ManufacturerRefIn | None | Unset):
    """

    id: int
    sku: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    model: None | str | Unset = UNSET
    orderable: bool | None | Unset = UNSET
    manufacturer: ManufacturerRefIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.manufacturer_ref_in import ManufacturerRefIn

        id = self.id

        sku: None | str | Unset
        if isinstance(self.sku, Unset):
            sku = UNSET
        else:
            sku = self.sku

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        orderable: bool | None | Unset
        if isinstance(self.orderable, Unset):
            orderable = UNSET
        else:
            orderable = self.orderable

        manufacturer: dict[str, Any] | None | Unset
        if isinstance(self.manufacturer, Unset):
            manufacturer = UNSET
        elif isinstance(self.manufacturer, ManufacturerRefIn):
            manufacturer = self.manufacturer.to_dict()
        else:
            manufacturer = self.manufacturer

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if sku is not UNSET:
            field_dict["sku"] = sku
        if name is not UNSET:
            field_dict["name"] = name
        if model is not UNSET:
            field_dict["model"] = model
        if orderable is not UNSET:
            field_dict["orderable"] = orderable
        if manufacturer is not UNSET:
            field_dict["manufacturer"] = manufacturer

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.manufacturer_ref_in import ManufacturerRefIn

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_sku(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sku = _parse_sku(d.pop("sku", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_orderable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        orderable = _parse_orderable(d.pop("orderable", UNSET))

        def _parse_manufacturer(data: object) -> ManufacturerRefIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                manufacturer_type_0 = ManufacturerRefIn.from_dict(data)

                return manufacturer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ManufacturerRefIn | None | Unset, data)

        manufacturer = _parse_manufacturer(d.pop("manufacturer", UNSET))

        item_ref_in = cls(
            id=id,
            sku=sku,
            name=name,
            model=model,
            orderable=orderable,
            manufacturer=manufacturer,
        )

        return item_ref_in
