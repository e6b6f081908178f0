from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_state_status import InvoiceStateStatus

T = TypeVar("T", bound="InvoiceState")


@_attrs_define
class InvoiceState:
    """Beyond the contract: where the order's CFDI is (docs/pharmacy.md, "Invoicing").

    Attributes:
        id (int):
        status (InvoiceStateStatus):
        cfdi (None | str):
        sandbox (bool | None):
        error (None | str):
        xml (None | str):
        pdf (None | str):
        stamped_at (None | str):
        cancelled_at (None | str):
    """

    id: int
    status: InvoiceStateStatus
    cfdi: None | str
    sandbox: bool | None
    error: None | str
    xml: None | str
    pdf: None | str
    stamped_at: None | str
    cancelled_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        cfdi: None | str
        cfdi = self.cfdi

        sandbox: bool | None
        sandbox = self.sandbox

        error: None | str
        error = self.error

        xml: None | str
        xml = self.xml

        pdf: None | str
        pdf = self.pdf

        stamped_at: None | str
        stamped_at = self.stamped_at

        cancelled_at: None | str
        cancelled_at = self.cancelled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "cfdi": cfdi,
                "sandbox": sandbox,
                "error": error,
                "xml": xml,
                "pdf": pdf,
                "stamped_at": stamped_at,
                "cancelled_at": cancelled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = InvoiceStateStatus(d.pop("status"))

        def _parse_cfdi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cfdi = _parse_cfdi(d.pop("cfdi"))

        def _parse_sandbox(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        sandbox = _parse_sandbox(d.pop("sandbox"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_xml(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        xml = _parse_xml(d.pop("xml"))

        def _parse_pdf(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf = _parse_pdf(d.pop("pdf"))

        def _parse_stamped_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stamped_at = _parse_stamped_at(d.pop("stamped_at"))

        def _parse_cancelled_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        invoice_state = cls(
            id=id,
            status=status,
            cfdi=cfdi,
            sandbox=sandbox,
            error=error,
            xml=xml,
            pdf=pdf,
            stamped_at=stamped_at,
            cancelled_at=cancelled_at,
        )

        invoice_state.additional_properties = d
        return invoice_state

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
