from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.invoicing_in import InvoicingIn


T = TypeVar("T", bound="RequestInvoiceIn")


@_attrs_define
class RequestInvoiceIn:
    """`PUT /api/orders/{id}/request-invoice/`: the INVOICING object, or the id of the
    patient's invoicing information (an earlier invoice's, the detail's `invoicing`).

        Attributes:
            invoicing (int | InvoicingIn):
    """

    invoicing: int | InvoicingIn
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.invoicing_in import InvoicingIn

        invoicing: dict[str, Any] | int
        if isinstance(self.invoicing, InvoicingIn):
            invoicing = self.invoicing.to_dict()
        else:
            invoicing = self.invoicing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoicing": invoicing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.invoicing_in import InvoicingIn

        d = dict(src_dict)

        def _parse_invoicing(data: object) -> int | InvoicingIn:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invoicing_type_0 = InvoicingIn.from_dict(data)

                return invoicing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | InvoicingIn, data)

        invoicing = _parse_invoicing(d.pop("invoicing"))

        request_invoice_in = cls(
            invoicing=invoicing,
        )

        request_invoice_in.additional_properties = d
        return request_invoice_in

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
