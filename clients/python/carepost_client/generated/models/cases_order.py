from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cases_address import CasesAddress
    from ..models.cases_patient_health_info import CasesPatientHealthInfo
    from ..models.cases_prescriber import CasesPrescriber
    from ..models.cases_prescription_item import CasesPrescriptionItem


T = TypeVar("T", bound="CasesOrder")


@_attrs_define
class CasesOrder:
    """
    Attributes:
        prescriber (CasesPrescriber):
        diagnosis (str):
        pharmacy_id (str):
        prescription_items (list[CasesPrescriptionItem]):
        shipping_address (CasesAddress | None | Unset): The case patient's address when absent.
        patient_health_info (CasesPatientHealthInfo | None | Unset):
        date_written (datetime.date | None | Unset):
        date_signed (datetime.date | None | Unset):
        date_prescribed (datetime.date | None | Unset):
    """

    prescriber: CasesPrescriber
    diagnosis: str
    pharmacy_id: str
    prescription_items: list[CasesPrescriptionItem]
    shipping_address: CasesAddress | None | Unset = UNSET
    patient_health_info: CasesPatientHealthInfo | None | Unset = UNSET
    date_written: datetime.date | None | Unset = UNSET
    date_signed: datetime.date | None | Unset = UNSET
    date_prescribed: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_address import CasesAddress
        from ..models.cases_patient_health_info import CasesPatientHealthInfo

        prescriber = self.prescriber.to_dict()

        diagnosis = self.diagnosis

        pharmacy_id = self.pharmacy_id

        prescription_items = []
        for prescription_items_item_data in self.prescription_items:
            prescription_items_item = prescription_items_item_data.to_dict()
            prescription_items.append(prescription_items_item)

        shipping_address: dict[str, Any] | None | Unset
        if isinstance(self.shipping_address, Unset):
            shipping_address = UNSET
        elif isinstance(self.shipping_address, CasesAddress):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        patient_health_info: dict[str, Any] | None | Unset
        if isinstance(self.patient_health_info, Unset):
            patient_health_info = UNSET
        elif isinstance(self.patient_health_info, CasesPatientHealthInfo):
            patient_health_info = self.patient_health_info.to_dict()
        else:
            patient_health_info = self.patient_health_info

        date_written: None | str | Unset
        if isinstance(self.date_written, Unset):
            date_written = UNSET
        elif isinstance(self.date_written, datetime.date):
            date_written = self.date_written.isoformat()
        else:
            date_written = self.date_written

        date_signed: None | str | Unset
        if isinstance(self.date_signed, Unset):
            date_signed = UNSET
        elif isinstance(self.date_signed, datetime.date):
            date_signed = self.date_signed.isoformat()
        else:
            date_signed = self.date_signed

        date_prescribed: None | str | Unset
        if isinstance(self.date_prescribed, Unset):
            date_prescribed = UNSET
        elif isinstance(self.date_prescribed, datetime.date):
            date_prescribed = self.date_prescribed.isoformat()
        else:
            date_prescribed = self.date_prescribed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prescriber": prescriber,
                "diagnosis": diagnosis,
                "pharmacyId": pharmacy_id,
                "prescriptionItems": prescription_items,
            }
        )
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if patient_health_info is not UNSET:
            field_dict["patientHealthInfo"] = patient_health_info
        if date_written is not UNSET:
            field_dict["dateWritten"] = date_written
        if date_signed is not UNSET:
            field_dict["dateSigned"] = date_signed
        if date_prescribed is not UNSET:
            field_dict["datePrescribed"] = date_prescribed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cases_address import CasesAddress
        from ..models.cases_patient_health_info import CasesPatientHealthInfo
        from ..models.cases_prescriber import CasesPrescriber
        from ..models.cases_prescription_item import CasesPrescriptionItem

        d = dict(src_dict)
        prescriber = CasesPrescriber.from_dict(d.pop("prescriber"))

        diagnosis = d.pop("diagnosis")

        pharmacy_id = d.pop("pharmacyId")

        prescription_items = []
        _prescription_items = d.pop("prescriptionItems")
        for prescription_items_item_data in _prescription_items:
            prescription_items_item = CasesPrescriptionItem.from_dict(
                prescription_items_item_data
            )

            prescription_items.append(prescription_items_item)

        def _parse_shipping_address(data: object) -> CasesAddress | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_address_type_0 = CasesAddress.from_dict(data)

                return shipping_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CasesAddress | None | Unset, data)

        shipping_address = _parse_shipping_address(d.pop("shippingAddress", UNSET))

        def _parse_patient_health_info(
            data: object,
        ) -> CasesPatientHealthInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_health_info_type_0 = CasesPatientHealthInfo.from_dict(data)

                return patient_health_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CasesPatientHealthInfo | None | Unset, data)

        patient_health_info = _parse_patient_health_info(
            d.pop("patientHealthInfo", UNSET)
        )

        def _parse_date_written(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_written_type_0 = datetime.date.fromisoformat(data)

                return date_written_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_written = _parse_date_written(d.pop("dateWritten", UNSET))

        def _parse_date_signed(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_signed_type_0 = datetime.date.fromisoformat(data)

                return date_signed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_signed = _parse_date_signed(d.pop("dateSigned", UNSET))

        def _parse_date_prescribed(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_prescribed_type_0 = datetime.date.fromisoformat(data)

                return date_prescribed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_prescribed = _parse_date_prescribed(d.pop("datePrescribed", UNSET))

        cases_order = cls(
            prescriber=prescriber,
            diagnosis=diagnosis,
            pharmacy_id=pharmacy_id,
            prescription_items=prescription_items,
            shipping_address=shipping_address,
            patient_health_info=patient_health_info,
            date_written=date_written,
            date_signed=date_signed,
            date_prescribed=date_prescribed,
        )

        cases_order.additional_properties = d
        return cases_order

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
