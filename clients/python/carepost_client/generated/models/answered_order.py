from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answered_order_details_item import AnsweredOrderDetailsItem
    from ..models.answered_order_patient import AnsweredOrderPatient
    from ..models.answered_order_payment_method_type_0 import (
        AnsweredOrderPaymentMethodType0,
    )
    from ..models.answered_order_shipping_type_0 import AnsweredOrderShippingType0
    from ..models.answered_order_store_type_0 import AnsweredOrderStoreType0
    from ..models.coupon_applied import CouponApplied
    from ..models.invoice_state import InvoiceState
    from ..models.prescription_out import PrescriptionOut
    from ..models.user import User


T = TypeVar("T", bound="AnsweredOrder")


@_attrs_define
class AnsweredOrder:
    """A create's or a PATCH's answer: the detail, with the create's `store`, `details` and `selected_shipping_method`.

    Attributes:
        id (int):
        details (list[AnsweredOrderDetailsItem]):
        patient (AnsweredOrderPatient):
        shipping (AnsweredOrderShippingType0 | None):
        store (AnsweredOrderStoreType0 | None):
        payment_method (AnsweredOrderPaymentMethodType0 | None):
        coupon (CouponApplied | None):
        order_status (str):
        patient_order_status (str):
        payment_status (str):
        subtotal (float):
        discount (float):
        iva (float):
        shipping_price (float):
        shipping_discount (float):
        shipping_cost (float):
        total (float):
        cfdi (None | str):
        invoicing (int | None):
        invoice (InvoiceState | None):
        generated_by (None | User):
        updated_by (None | User):
        prescriptions (list[PrescriptionOut]):
        created_at (str):
        updated_at (str):
        selected_shipping_method (int | None):
    """

    id: int
    details: list[AnsweredOrderDetailsItem]
    patient: AnsweredOrderPatient
    shipping: AnsweredOrderShippingType0 | None
    store: AnsweredOrderStoreType0 | None
    payment_method: AnsweredOrderPaymentMethodType0 | None
    coupon: CouponApplied | None
    order_status: str
    patient_order_status: str
    payment_status: str
    subtotal: float
    discount: float
    iva: float
    shipping_price: float
    shipping_discount: float
    shipping_cost: float
    total: float
    cfdi: None | str
    invoicing: int | None
    invoice: InvoiceState | None
    generated_by: None | User
    updated_by: None | User
    prescriptions: list[PrescriptionOut]
    created_at: str
    updated_at: str
    selected_shipping_method: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.answered_order_payment_method_type_0 import (
            AnsweredOrderPaymentMethodType0,
        )
        from ..models.answered_order_shipping_type_0 import AnsweredOrderShippingType0
        from ..models.answered_order_store_type_0 import AnsweredOrderStoreType0
        from ..models.coupon_applied import CouponApplied
        from ..models.invoice_state import InvoiceState
        from ..models.user import User

        id = self.id

        details = []
        for details_item_data in self.details:
            details_item = details_item_data.to_dict()
            details.append(details_item)

        patient = self.patient.to_dict()

        shipping: dict[str, Any] | None
        if isinstance(self.shipping, AnsweredOrderShippingType0):
            shipping = self.shipping.to_dict()
        else:
            shipping = self.shipping

        store: dict[str, Any] | None
        if isinstance(self.store, AnsweredOrderStoreType0):
            store = self.store.to_dict()
        else:
            store = self.store

        payment_method: dict[str, Any] | None
        if isinstance(self.payment_method, AnsweredOrderPaymentMethodType0):
            payment_method = self.payment_method.to_dict()
        else:
            payment_method = self.payment_method

        coupon: dict[str, Any] | None
        if isinstance(self.coupon, CouponApplied):
            coupon = self.coupon.to_dict()
        else:
            coupon = self.coupon

        order_status = self.order_status

        patient_order_status = self.patient_order_status

        payment_status = self.payment_status

        subtotal = self.subtotal

        discount = self.discount

        iva = self.iva

        shipping_price = self.shipping_price

        shipping_discount = self.shipping_discount

        shipping_cost = self.shipping_cost

        total = self.total

        cfdi: None | str
        cfdi = self.cfdi

        invoicing: int | None
        invoicing = self.invoicing

        invoice: dict[str, Any] | None
        if isinstance(self.invoice, InvoiceState):
            invoice = self.invoice.to_dict()
        else:
            invoice = self.invoice

        generated_by: dict[str, Any] | None
        if isinstance(self.generated_by, User):
            generated_by = self.generated_by.to_dict()
        else:
            generated_by = self.generated_by

        updated_by: dict[str, Any] | None
        if isinstance(self.updated_by, User):
            updated_by = self.updated_by.to_dict()
        else:
            updated_by = self.updated_by

        prescriptions = []
        for prescriptions_item_data in self.prescriptions:
            prescriptions_item = prescriptions_item_data.to_dict()
            prescriptions.append(prescriptions_item)

        created_at = self.created_at

        updated_at = self.updated_at

        selected_shipping_method: int | None
        selected_shipping_method = self.selected_shipping_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "details": details,
                "patient": patient,
                "shipping": shipping,
                "store": store,
                "payment_method": payment_method,
                "coupon": coupon,
                "order_status": order_status,
                "patient_order_status": patient_order_status,
                "payment_status": payment_status,
                "subtotal": subtotal,
                "discount": discount,
                "iva": iva,
                "shipping_price": shipping_price,
                "shipping_discount": shipping_discount,
                "shipping_cost": shipping_cost,
                "total": total,
                "cfdi": cfdi,
                "invoicing": invoicing,
                "invoice": invoice,
                "generated_by": generated_by,
                "updated_by": updated_by,
                "prescriptions": prescriptions,
                "created_at": created_at,
                "updated_at": updated_at,
                "selected_shipping_method": selected_shipping_method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.answered_order_details_item import AnsweredOrderDetailsItem
        from ..models.answered_order_patient import AnsweredOrderPatient
        from ..models.answered_order_payment_method_type_0 import (
            AnsweredOrderPaymentMethodType0,
        )
        from ..models.answered_order_shipping_type_0 import AnsweredOrderShippingType0
        from ..models.answered_order_store_type_0 import AnsweredOrderStoreType0
        from ..models.coupon_applied import CouponApplied
        from ..models.invoice_state import InvoiceState
        from ..models.prescription_out import PrescriptionOut
        from ..models.user import User

        d = dict(src_dict)
        id = d.pop("id")

        details = []
        _details = d.pop("details")
        for details_item_data in _details:
            details_item = AnsweredOrderDetailsItem.from_dict(details_item_data)

            details.append(details_item)

        patient = AnsweredOrderPatient.from_dict(d.pop("patient"))

        def _parse_shipping(data: object) -> AnsweredOrderShippingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_type_0 = AnsweredOrderShippingType0.from_dict(data)

                return shipping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnsweredOrderShippingType0 | None, data)

        shipping = _parse_shipping(d.pop("shipping"))

        def _parse_store(data: object) -> AnsweredOrderStoreType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                store_type_0 = AnsweredOrderStoreType0.from_dict(data)

                return store_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnsweredOrderStoreType0 | None, data)

        store = _parse_store(d.pop("store"))

        def _parse_payment_method(
            data: object,
        ) -> AnsweredOrderPaymentMethodType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_method_type_0 = AnsweredOrderPaymentMethodType0.from_dict(data)

                return payment_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnsweredOrderPaymentMethodType0 | None, data)

        payment_method = _parse_payment_method(d.pop("payment_method"))

        def _parse_coupon(data: object) -> CouponApplied | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coupon_type_0 = CouponApplied.from_dict(data)

                return coupon_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CouponApplied | None, data)

        coupon = _parse_coupon(d.pop("coupon"))

        order_status = d.pop("order_status")

        patient_order_status = d.pop("patient_order_status")

        payment_status = d.pop("payment_status")

        subtotal = d.pop("subtotal")

        discount = d.pop("discount")

        iva = d.pop("iva")

        shipping_price = d.pop("shipping_price")

        shipping_discount = d.pop("shipping_discount")

        shipping_cost = d.pop("shipping_cost")

        total = d.pop("total")

        def _parse_cfdi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cfdi = _parse_cfdi(d.pop("cfdi"))

        def _parse_invoicing(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        invoicing = _parse_invoicing(d.pop("invoicing"))

        def _parse_invoice(data: object) -> InvoiceState | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invoice_type_0 = InvoiceState.from_dict(data)

                return invoice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceState | None, data)

        invoice = _parse_invoice(d.pop("invoice"))

        def _parse_generated_by(data: object) -> None | User:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                generated_by_type_0 = User.from_dict(data)

                return generated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | User, data)

        generated_by = _parse_generated_by(d.pop("generated_by"))

        def _parse_updated_by(data: object) -> None | User:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                updated_by_type_0 = User.from_dict(data)

                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | User, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        prescriptions = []
        _prescriptions = d.pop("prescriptions")
        for prescriptions_item_data in _prescriptions:
            prescriptions_item = PrescriptionOut.from_dict(prescriptions_item_data)

            prescriptions.append(prescriptions_item)

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        def _parse_selected_shipping_method(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        selected_shipping_method = _parse_selected_shipping_method(
            d.pop("selected_shipping_method")
        )

        answered_order = cls(
            id=id,
            details=details,
            patient=patient,
            shipping=shipping,
            store=store,
            payment_method=payment_method,
            coupon=coupon,
            order_status=order_status,
            patient_order_status=patient_order_status,
            payment_status=payment_status,
            subtotal=subtotal,
            discount=discount,
            iva=iva,
            shipping_price=shipping_price,
            shipping_discount=shipping_discount,
            shipping_cost=shipping_cost,
            total=total,
            cfdi=cfdi,
            invoicing=invoicing,
            invoice=invoice,
            generated_by=generated_by,
            updated_by=updated_by,
            prescriptions=prescriptions,
            created_at=created_at,
            updated_at=updated_at,
            selected_shipping_method=selected_shipping_method,
        )

        answered_order.additional_properties = d
        return answered_order

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
