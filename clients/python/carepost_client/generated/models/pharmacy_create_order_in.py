from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoicing_in import InvoicingIn
    from ..models.order_part_in import OrderPartIn
    from ..models.user_in import UserIn


T = TypeVar("T", bound="PharmacyCreateOrderIn")


@_attrs_define
class PharmacyCreateOrderIn:
    """
    Attributes:
        user (UserIn):
        order (OrderPartIn):
        invoicing (InvoicingIn | None | Unset):
    """

    user: UserIn
    order: OrderPartIn
    invoicing: InvoicingIn | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.invoicing_in import InvoicingIn

        user = self.user.to_dict()

        order = self.order.to_dict()

        invoicing: dict[str, Any] | None | Unset
        if isinstance(self.invoicing, Unset):
            invoicing = UNSET
        elif isinstance(self.invoicing, InvoicingIn):
            invoicing = self.invoicing.to_dict()
        else:
            invoicing = self.invoicing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "order": order,
            }
        )
        if invoicing is not UNSET:
            field_dict["invoicing"] = invoicing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.invoicing_in import InvoicingIn
        from ..models.order_part_in import OrderPartIn
        from ..models.user_in import UserIn

        d = dict(src_dict)
        user = UserIn.from_dict(d.pop("user"))

        order = OrderPartIn.from_dict(d.pop("order"))

        def _parse_invoicing(data: object) -> InvoicingIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invoicing_type_0 = InvoicingIn.from_dict(data)

                return invoicing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoicingIn | None | Unset, data)

        invoicing = _parse_invoicing(d.pop("invoicing", UNSET))

        pharmacy_create_order_in = cls(
            user=user,
            order=order,
            invoicing=invoicing,
        )

        pharmacy_create_order_in.additional_properties = d
        return pharmacy_create_order_in

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
