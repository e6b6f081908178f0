from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_order_view_patient_health_info_type_0 import (
        CaseOrderViewPatientHealthInfoType0,
    )
    from ..models.case_order_view_prescriber_type_0 import CaseOrderViewPrescriberType0
    from ..models.case_order_view_shipping_address_type_0 import (
        CaseOrderViewShippingAddressType0,
    )
    from ..models.case_order_view_tracking_type_0 import CaseOrderViewTrackingType0
    from ..models.case_prescription_item import CasePrescriptionItem
    from ..models.case_timeline_entry import CaseTimelineEntry


T = TypeVar("T", bound="CaseOrderView")


@_attrs_define
class CaseOrderView:
    """
    Attributes:
        id (str):
        status (str):
        pharmacy_reference (None | str):
        failure (None | str):
        warnings (list[str]):
        shipping_address (CaseOrderViewShippingAddressType0 | None):
        diagnosis (None | str):
        patient_health_info (CaseOrderViewPatientHealthInfoType0 | None):
        date_written (None | str):
        date_signed (None | str):
        date_prescribed (None | str):
        prescriber (CaseOrderViewPrescriberType0 | None):
        prescription_items (list[CasePrescriptionItem]):
        prescription_document (bool):
        tracking (CaseOrderViewTrackingType0 | None):
        created_at (str):
        updated_at (str):
        timeline (list[CaseTimelineEntry]):
    """

    id: str
    status: str
    pharmacy_reference: None | str
    failure: None | str
    warnings: list[str]
    shipping_address: CaseOrderViewShippingAddressType0 | None
    diagnosis: None | str
    patient_health_info: CaseOrderViewPatientHealthInfoType0 | None
    date_written: None | str
    date_signed: None | str
    date_prescribed: None | str
    prescriber: CaseOrderViewPrescriberType0 | None
    prescription_items: list[CasePrescriptionItem]
    prescription_document: bool
    tracking: CaseOrderViewTrackingType0 | None
    created_at: str
    updated_at: str
    timeline: list[CaseTimelineEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_order_view_patient_health_info_type_0 import (
            CaseOrderViewPatientHealthInfoType0,
        )
        from ..models.case_order_view_prescriber_type_0 import (
            CaseOrderViewPrescriberType0,
        )
        from ..models.case_order_view_shipping_address_type_0 import (
            CaseOrderViewShippingAddressType0,
        )
        from ..models.case_order_view_tracking_type_0 import CaseOrderViewTrackingType0

        id = self.id

        status = self.status

        pharmacy_reference: None | str
        pharmacy_reference = self.pharmacy_reference

        failure: None | str
        failure = self.failure

        warnings = self.warnings

        shipping_address: dict[str, Any] | None
        if isinstance(self.shipping_address, CaseOrderViewShippingAddressType0):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        diagnosis: None | str
        diagnosis = self.diagnosis

        patient_health_info: dict[str, Any] | None
        if isinstance(self.patient_health_info, CaseOrderViewPatientHealthInfoType0):
            patient_health_info = self.patient_health_info.to_dict()
        else:
            patient_health_info = self.patient_health_info

        date_written: None | str
        date_written = self.date_written

        date_signed: None | str
        date_signed = self.date_signed

        date_prescribed: None | str
        date_prescribed = self.date_prescribed

        prescriber: dict[str, Any] | None
        if isinstance(self.prescriber, CaseOrderViewPrescriberType0):
            prescriber = self.prescriber.to_dict()
        else:
            prescriber = self.prescriber

        prescription_items = []
        for prescription_items_item_data in self.prescription_items:
            prescription_items_item = prescription_items_item_data.to_dict()
            prescription_items.append(prescription_items_item)

        prescription_document = self.prescription_document

        tracking: dict[str, Any] | None
        if isinstance(self.tracking, CaseOrderViewTrackingType0):
            tracking = self.tracking.to_dict()
        else:
            tracking = self.tracking

        created_at = self.created_at

        updated_at = self.updated_at

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "pharmacyReference": pharmacy_reference,
                "failure": failure,
                "warnings": warnings,
                "shippingAddress": shipping_address,
                "diagnosis": diagnosis,
                "patientHealthInfo": patient_health_info,
                "dateWritten": date_written,
                "dateSigned": date_signed,
                "datePrescribed": date_prescribed,
                "prescriber": prescriber,
                "prescriptionItems": prescription_items,
                "prescriptionDocument": prescription_document,
                "tracking": tracking,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "timeline": timeline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_order_view_patient_health_info_type_0 import (
            CaseOrderViewPatientHealthInfoType0,
        )
        from ..models.case_order_view_prescriber_type_0 import (
            CaseOrderViewPrescriberType0,
        )
        from ..models.case_order_view_shipping_address_type_0 import (
            CaseOrderViewShippingAddressType0,
        )
        from ..models.case_order_view_tracking_type_0 import CaseOrderViewTrackingType0
        from ..models.case_prescription_item import CasePrescriptionItem
        from ..models.case_timeline_entry import CaseTimelineEntry

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        def _parse_pharmacy_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pharmacy_reference = _parse_pharmacy_reference(d.pop("pharmacyReference"))

        def _parse_failure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure = _parse_failure(d.pop("failure"))

        warnings = cast(list[str], d.pop("warnings"))

        def _parse_shipping_address(
            data: object,
        ) -> CaseOrderViewShippingAddressType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_address_type_0 = CaseOrderViewShippingAddressType0.from_dict(
                    data
                )

                return shipping_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseOrderViewShippingAddressType0 | None, data)

        shipping_address = _parse_shipping_address(d.pop("shippingAddress"))

        def _parse_diagnosis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        diagnosis = _parse_diagnosis(d.pop("diagnosis"))

        def _parse_patient_health_info(
            data: object,
        ) -> CaseOrderViewPatientHealthInfoType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_health_info_type_0 = (
                    CaseOrderViewPatientHealthInfoType0.from_dict(data)
                )

                return patient_health_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseOrderViewPatientHealthInfoType0 | None, data)

        patient_health_info = _parse_patient_health_info(d.pop("patientHealthInfo"))

        def _parse_date_written(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_written = _parse_date_written(d.pop("dateWritten"))

        def _parse_date_signed(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_signed = _parse_date_signed(d.pop("dateSigned"))

        def _parse_date_prescribed(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_prescribed = _parse_date_prescribed(d.pop("datePrescribed"))

        def _parse_prescriber(data: object) -> CaseOrderViewPrescriberType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prescriber_type_0 = CaseOrderViewPrescriberType0.from_dict(data)

                return prescriber_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseOrderViewPrescriberType0 | None, data)

        prescriber = _parse_prescriber(d.pop("prescriber"))

        prescription_items = []
        _prescription_items = d.pop("prescriptionItems")
        for prescription_items_item_data in _prescription_items:
            prescription_items_item = CasePrescriptionItem.from_dict(
                prescription_items_item_data
            )

            prescription_items.append(prescription_items_item)

        prescription_document = d.pop("prescriptionDocument")

        def _parse_tracking(data: object) -> CaseOrderViewTrackingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tracking_type_0 = CaseOrderViewTrackingType0.from_dict(data)

                return tracking_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseOrderViewTrackingType0 | None, data)

        tracking = _parse_tracking(d.pop("tracking"))

        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = CaseTimelineEntry.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        case_order_view = cls(
            id=id,
            status=status,
            pharmacy_reference=pharmacy_reference,
            failure=failure,
            warnings=warnings,
            shipping_address=shipping_address,
            diagnosis=diagnosis,
            patient_health_info=patient_health_info,
            date_written=date_written,
            date_signed=date_signed,
            date_prescribed=date_prescribed,
            prescriber=prescriber,
            prescription_items=prescription_items,
            prescription_document=prescription_document,
            tracking=tracking,
            created_at=created_at,
            updated_at=updated_at,
            timeline=timeline,
        )

        case_order_view.additional_properties = d
        return case_order_view

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
