from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lookup_barcode import LookupBarcode
    from ..models.lookup_clinical_type_0 import LookupClinicalType0
    from ..models.lookup_manufacturing_type_0 import LookupManufacturingType0
    from ..models.lookup_order_type_0 import LookupOrderType0
    from ..models.lookup_patient_type_0 import LookupPatientType0
    from ..models.lookup_qa_type_0 import LookupQaType0
    from ..models.lookup_resolved import LookupResolved
    from ..models.lookup_summary_type_0 import LookupSummaryType0
    from ..models.udi import Udi


T = TypeVar("T", bound="Lookup")


@_attrs_define
class Lookup:
    """The parsed barcode, what it resolved to, and the sections its request_type names.

    Attributes:
        request_id (str):
        request_type (str):
        barcode (LookupBarcode):
        resolved (LookupResolved):
        summary (LookupSummaryType0 | None | Unset):
        patient (LookupPatientType0 | None | Unset):
        clinical (LookupClinicalType0 | None | Unset):
        manufacturing (LookupManufacturingType0 | None | Unset):
        qa (LookupQaType0 | None | Unset):
        udi (None | Udi | Unset):
        order (LookupOrderType0 | None | Unset):
    """

    request_id: str
    request_type: str
    barcode: LookupBarcode
    resolved: LookupResolved
    summary: LookupSummaryType0 | None | Unset = UNSET
    patient: LookupPatientType0 | None | Unset = UNSET
    clinical: LookupClinicalType0 | None | Unset = UNSET
    manufacturing: LookupManufacturingType0 | None | Unset = UNSET
    qa: LookupQaType0 | None | Unset = UNSET
    udi: None | Udi | Unset = UNSET
    order: LookupOrderType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lookup_clinical_type_0 import LookupClinicalType0
        from ..models.lookup_manufacturing_type_0 import LookupManufacturingType0
        from ..models.lookup_order_type_0 import LookupOrderType0
        from ..models.lookup_patient_type_0 import LookupPatientType0
        from ..models.lookup_qa_type_0 import LookupQaType0
        from ..models.lookup_summary_type_0 import LookupSummaryType0
        from ..models.udi import Udi

        request_id = self.request_id

        request_type = self.request_type

        barcode = self.barcode.to_dict()

        resolved = self.resolved.to_dict()

        summary: dict[str, Any] | None | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        elif isinstance(self.summary, LookupSummaryType0):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        patient: dict[str, Any] | None | Unset
        if isinstance(self.patient, Unset):
            patient = UNSET
        elif isinstance(self.patient, LookupPatientType0):
            patient = self.patient.to_dict()
        else:
            patient = self.patient

        clinical: dict[str, Any] | None | Unset
        if isinstance(self.clinical, Unset):
            clinical = UNSET
        elif isinstance(self.clinical, LookupClinicalType0):
            clinical = self.clinical.to_dict()
        else:
            clinical = self.clinical

        manufacturing: dict[str, Any] | None | Unset
        if isinstance(self.manufacturing, Unset):
            manufacturing = UNSET
        elif isinstance(self.manufacturing, LookupManufacturingType0):
            manufacturing = self.manufacturing.to_dict()
        else:
            manufacturing = self.manufacturing

        qa: dict[str, Any] | None | Unset
        if isinstance(self.qa, Unset):
            qa = UNSET
        elif isinstance(self.qa, LookupQaType0):
            qa = self.qa.to_dict()
        else:
            qa = self.qa

        udi: dict[str, Any] | None | Unset
        if isinstance(self.udi, Unset):
            udi = UNSET
        elif isinstance(self.udi, Udi):
            udi = self.udi.to_dict()
        else:
            udi = self.udi

        order: dict[str, Any] | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        elif isinstance(self.order, LookupOrderType0):
            order = self.order.to_dict()
        else:
            order = self.order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "request_type": request_type,
                "barcode": barcode,
                "resolved": resolved,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if patient is not UNSET:
            field_dict["patient"] = patient
        if clinical is not UNSET:
            field_dict["clinical"] = clinical
        if manufacturing is not UNSET:
            field_dict["manufacturing"] = manufacturing
        if qa is not UNSET:
            field_dict["qa"] = qa
        if udi is not UNSET:
            field_dict["udi"] = udi
        if order is not UNSET:
            field_dict["order"] = order

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lookup_barcode import LookupBarcode
        from ..models.lookup_clinical_type_0 import LookupClinicalType0
        from ..models.lookup_manufacturing_type_0 import LookupManufacturingType0
        from ..models.lookup_order_type_0 import LookupOrderType0
        from ..models.lookup_patient_type_0 import LookupPatientType0
        from ..models.lookup_qa_type_0 import LookupQaType0
        from ..models.lookup_resolved import LookupResolved
        from ..models.lookup_summary_type_0 import LookupSummaryType0
        from ..models.udi import Udi

        d = dict(src_dict)
        request_id = d.pop("request_id")

        request_type = d.pop("request_type")

        barcode = LookupBarcode.from_dict(d.pop("barcode"))

        resolved = LookupResolved.from_dict(d.pop("resolved"))

        def _parse_summary(data: object) -> LookupSummaryType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = LookupSummaryType0.from_dict(data)

                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupSummaryType0 | None | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_patient(data: object) -> LookupPatientType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_type_0 = LookupPatientType0.from_dict(data)

                return patient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupPatientType0 | None | Unset, data)

        patient = _parse_patient(d.pop("patient", UNSET))

        def _parse_clinical(data: object) -> LookupClinicalType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                clinical_type_0 = LookupClinicalType0.from_dict(data)

                return clinical_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupClinicalType0 | None | Unset, data)

        clinical = _parse_clinical(d.pop("clinical", UNSET))

        def _parse_manufacturing(
            data: object,
        ) -> LookupManufacturingType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                manufacturing_type_0 = LookupManufacturingType0.from_dict(data)

                return manufacturing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupManufacturingType0 | None | Unset, data)

        manufacturing = _parse_manufacturing(d.pop("manufacturing", UNSET))

        def _parse_qa(data: object) -> LookupQaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                qa_type_0 = LookupQaType0.from_dict(data)

                return qa_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupQaType0 | None | Unset, data)

        qa = _parse_qa(d.pop("qa", UNSET))

        def _parse_udi(data: object) -> None | Udi | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                udi_type_0 = Udi.from_dict(data)

                return udi_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Udi | Unset, data)

        udi = _parse_udi(d.pop("udi", UNSET))

        def _parse_order(data: object) -> LookupOrderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_type_0 = LookupOrderType0.from_dict(data)

                return order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupOrderType0 | None | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        lookup = cls(
            request_id=request_id,
            request_type=request_type,
            barcode=barcode,
            resolved=resolved,
            summary=summary,
            patient=patient,
            clinical=clinical,
            manufacturing=manufacturing,
            qa=qa,
            udi=udi,
            order=order,
        )

        lookup.additional_properties = d
        return lookup

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
