"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .address import Address
from .address_in import AddressIn
from .advance_test_order_in import AdvanceTestOrderIn
from .advance_test_order_in_action import AdvanceTestOrderInAction
from .answered_order import AnsweredOrder
from .answered_order_details_item import AnsweredOrderDetailsItem
from .answered_order_patient import AnsweredOrderPatient
from .answered_order_payment_method_type_0 import AnsweredOrderPaymentMethodType0
from .answered_order_shipping_type_0 import AnsweredOrderShippingType0
from .answered_order_store_type_0 import AnsweredOrderStoreType0
from .attempt import Attempt
from .barcode_lookup_in import BarcodeLookupIn
from .barcode_lookup_in_request_type import BarcodeLookupInRequestType
from .calculation import Calculation
from .calculation_shipping_type_0 import CalculationShippingType0
from .calculation_store_type_0 import CalculationStoreType0
from .cancel_order_in import CancelOrderIn
from .cancelled import Cancelled
from .cancelled_answer import CancelledAnswer
from .case_answer import CaseAnswer
from .case_data import CaseData
from .case_order_data import CaseOrderData
from .case_order_ref import CaseOrderRef
from .case_order_ref_data import CaseOrderRefData
from .case_order_view import CaseOrderView
from .case_order_view_patient_health_info_type_0 import (
    CaseOrderViewPatientHealthInfoType0,
)
from .case_order_view_prescriber_type_0 import CaseOrderViewPrescriberType0
from .case_order_view_shipping_address_type_0 import CaseOrderViewShippingAddressType0
from .case_order_view_tracking_type_0 import CaseOrderViewTrackingType0
from .case_prescription_item import CasePrescriptionItem
from .case_prescription_item_custom_fields_type_0 import (
    CasePrescriptionItemCustomFieldsType0,
)
from .case_timeline_entry import CaseTimelineEntry
from .case_view import CaseView
from .case_view_patient import CaseViewPatient
from .cases_address import CasesAddress
from .cases_error import CasesError
from .cases_move_test_order_action import CasesMoveTestOrderAction
from .cases_open_case_in import CasesOpenCaseIn
from .cases_order import CasesOrder
from .cases_order_created import CasesOrderCreated
from .cases_patient import CasesPatient
from .cases_patient_health_info import CasesPatientHealthInfo
from .cases_patient_sex_type_0 import CasesPatientSexType0
from .cases_place_order_in import CasesPlaceOrderIn
from .cases_prescriber import CasesPrescriber
from .cases_prescription_item import CasesPrescriptionItem
from .cases_prescription_item_custom_fields_type_0 import (
    CasesPrescriptionItemCustomFieldsType0,
)
from .cases_test_helper_in import CasesTestHelperIn
from .catalog import Catalog
from .catalog_apis import CatalogApis
from .catalog_apis_additional_property import CatalogApisAdditionalProperty
from .catalog_apis_additional_property_additional_property_item import (
    CatalogApisAdditionalPropertyAdditionalPropertyItem,
)
from .coupon_applied import CouponApplied
from .delivery import Delivery
from .delivery_list import DeliveryList
from .delivery_payload import DeliveryPayload
from .detail_in import DetailIn
from .device import Device
from .device_event import DeviceEvent
from .device_status import DeviceStatus
from .devices_create_order_in import DevicesCreateOrderIn
from .devices_error import DevicesError
from .devices_event import DevicesEvent
from .devices_order_page import DevicesOrderPage
from .endpoint import Endpoint
from .endpoint_in import EndpointIn
from .endpoint_list import EndpointList
from .endpoint_patch import EndpointPatch
from .endpoint_with_secret import EndpointWithSecret
from .error_detail import ErrorDetail
from .event_list import EventList
from .field_error import FieldError
from .fupc_lookup_in import FupcLookupIn
from .fupc_lookup_in_request_type_type_0 import FupcLookupInRequestTypeType0
from .health import Health
from .identifier import Identifier
from .invoice_state import InvoiceState
from .invoice_state_status import InvoiceStateStatus
from .invoicing_in import InvoicingIn
from .item import Item
from .item_ref_in import ItemRefIn
from .kit import Kit
from .kit_item import KitItem
from .kit_item_ref_in import KitItemRefIn
from .kit_ref_in import KitRefIn
from .line_totals import LineTotals
from .listed_order import ListedOrder
from .listed_order_details_item import ListedOrderDetailsItem
from .listed_order_shipping_type_0 import ListedOrderShippingType0
from .logistics_action_in import LogisticsActionIn
from .lookup import Lookup
from .lookup_answer import LookupAnswer
from .lookup_barcode import LookupBarcode
from .lookup_clinical_type_0 import LookupClinicalType0
from .lookup_manufacturing_type_0 import LookupManufacturingType0
from .lookup_order_type_0 import LookupOrderType0
from .lookup_patient_type_0 import LookupPatientType0
from .lookup_qa_type_0 import LookupQaType0
from .lookup_resolved import LookupResolved
from .lookup_summary_type_0 import LookupSummaryType0
from .manufacturer import Manufacturer
from .manufacturer_ref_in import ManufacturerRefIn
from .mask_type import MaskType
from .masks_barcode_lookup_get_request_type import MasksBarcodeLookupGetRequestType
from .masks_create_order_in import MasksCreateOrderIn
from .masks_error import MasksError
from .masks_fupc_lookup_get_request_type import MasksFupcLookupGetRequestType
from .masks_order_created import MasksOrderCreated
from .masks_portal_upload_file_body import MasksPortalUploadFileBody
from .note_author import NoteAuthor
from .opened_case import OpenedCase
from .opened_case_patient import OpenedCasePatient
from .operator_act_body_type_0 import OperatorActBodyType0
from .operator_add_endpoint_mode import OperatorAddEndpointMode
from .operator_delete_endpoint_mode import OperatorDeleteEndpointMode
from .operator_list_deliveries_mode import OperatorListDeliveriesMode
from .operator_list_deliveries_status_type_0 import OperatorListDeliveriesStatusType0
from .operator_list_endpoints_mode import OperatorListEndpointsMode
from .operator_open_case_mode import OperatorOpenCaseMode
from .operator_order import OperatorOrder
from .operator_patch_endpoint_mode import OperatorPatchEndpointMode
from .operator_replay_event_mode import OperatorReplayEventMode
from .operator_replay_failed_mode import OperatorReplayFailedMode
from .ops_error import OpsError
from .ops_error_detail import OpsErrorDetail
from .order import Order
from .order_created_answer import OrderCreatedAnswer
from .order_detail import OrderDetail
from .order_detail_details_item import OrderDetailDetailsItem
from .order_detail_page import OrderDetailPage
from .order_detail_patient import OrderDetailPatient
from .order_detail_payment_method_type_0 import OrderDetailPaymentMethodType0
from .order_detail_shipping_type_0 import OrderDetailShippingType0
from .order_item import OrderItem
from .order_item_in import OrderItemIn
from .order_kit import OrderKit
from .order_kit_in import OrderKitIn
from .order_moved import OrderMoved
from .order_note import OrderNote
from .order_note_in import OrderNoteIn
from .order_part_in import OrderPartIn
from .order_status import OrderStatus
from .order_status_answer import OrderStatusAnswer
from .packed_kit import PackedKit
from .patch_order_in import PatchOrderIn
from .patient import Patient
from .patient_email_in import PatientEmailIn
from .patient_email_template import PatientEmailTemplate
from .patient_fields_in import PatientFieldsIn
from .patient_order_in import PatientOrderIn
from .patient_page import PatientPage
from .pharmacy_create_order_in import PharmacyCreateOrderIn
from .pharmacy_error import PharmacyError
from .pharmacy_error_messages_type_0_item import PharmacyErrorMessagesType0Item
from .pharmacy_move_test_order_action import PharmacyMoveTestOrderAction
from .pharmacy_order_page import PharmacyOrderPage
from .pharmacy_test_helper_in import PharmacyTestHelperIn
from .pipeline_order import PipelineOrder
from .pipeline_orders import PipelineOrders
from .plain_error import PlainError
from .plain_error_detail import PlainErrorDetail
from .prescription_out import PrescriptionOut
from .prescription_wire import PrescriptionWire
from .readiness import Readiness
from .replay_in import ReplayIn
from .replayed import Replayed
from .request_invoice_in import RequestInvoiceIn
from .return_device import ReturnDevice
from .return_device_in import ReturnDeviceIn
from .return_item import ReturnItem
from .return_item_in import ReturnItemIn
from .return_packed_kit import ReturnPackedKit
from .return_packed_kit_in import ReturnPackedKitIn
from .sandbox import Sandbox
from .sandbox_in import SandboxIn
from .scan_upload import ScanUpload
from .scan_upload_answer import ScanUploadAnswer
from .sent import Sent
from .ship_to_in import ShipToIn
from .shipping_address_in import ShippingAddressIn
from .shipping_in import ShippingIn
from .site import Site
from .site_in import SiteIn
from .site_page import SitePage
from .site_ref_in import SiteRefIn
from .timeline_event import TimelineEvent
from .timeline_event_data_type_0 import TimelineEventDataType0
from .token_in import TokenIn
from .tracking import Tracking
from .tracking_in import TrackingIn
from .tracking_in_carrier import TrackingInCarrier
from .tracking_number import TrackingNumber
from .udi import Udi
from .user import User
from .user_in import UserIn
from .webhooks_api_event import WebhooksApiEvent
from .webhooks_api_event_payload import WebhooksApiEventPayload
from .webhooks_error import WebhooksError
from .webhooks_list_deliveries_status_type_0 import WebhooksListDeliveriesStatusType0

__all__ = (
    "AccessToken",
    "Address",
    "AddressIn",
    "AdvanceTestOrderIn",
    "AdvanceTestOrderInAction",
    "AnsweredOrder",
    "AnsweredOrderDetailsItem",
    "AnsweredOrderPatient",
    "AnsweredOrderPaymentMethodType0",
    "AnsweredOrderShippingType0",
    "AnsweredOrderStoreType0",
    "Attempt",
    "BarcodeLookupIn",
    "BarcodeLookupInRequestType",
    "Calculation",
    "CalculationShippingType0",
    "CalculationStoreType0",
    "CancelOrderIn",
    "Cancelled",
    "CancelledAnswer",
    "CaseAnswer",
    "CaseData",
    "CaseOrderData",
    "CaseOrderRef",
    "CaseOrderRefData",
    "CaseOrderView",
    "CaseOrderViewPatientHealthInfoType0",
    "CaseOrderViewPrescriberType0",
    "CaseOrderViewShippingAddressType0",
    "CaseOrderViewTrackingType0",
    "CasePrescriptionItem",
    "CasePrescriptionItemCustomFieldsType0",
    "CaseTimelineEntry",
    "CaseView",
    "CaseViewPatient",
    "CasesAddress",
    "CasesError",
    "CasesMoveTestOrderAction",
    "CasesOpenCaseIn",
    "CasesOrder",
    "CasesOrderCreated",
    "CasesPatient",
    "CasesPatientHealthInfo",
    "CasesPatientSexType0",
    "CasesPlaceOrderIn",
    "CasesPrescriber",
    "CasesPrescriptionItem",
    "CasesPrescriptionItemCustomFieldsType0",
    "CasesTestHelperIn",
    "Catalog",
    "CatalogApis",
    "CatalogApisAdditionalProperty",
    "CatalogApisAdditionalPropertyAdditionalPropertyItem",
    "CouponApplied",
    "Delivery",
    "DeliveryList",
    "DeliveryPayload",
    "DetailIn",
    "Device",
    "DeviceEvent",
    "DeviceStatus",
    "DevicesCreateOrderIn",
    "DevicesError",
    "DevicesEvent",
    "DevicesOrderPage",
    "Endpoint",
    "EndpointIn",
    "EndpointList",
    "EndpointPatch",
    "EndpointWithSecret",
    "ErrorDetail",
    "EventList",
    "FieldError",
    "FupcLookupIn",
    "FupcLookupInRequestTypeType0",
    "Health",
    "Identifier",
    "InvoiceState",
    "InvoiceStateStatus",
    "InvoicingIn",
    "Item",
    "ItemRefIn",
    "Kit",
    "KitItem",
    "KitItemRefIn",
    "KitRefIn",
    "LineTotals",
    "ListedOrder",
    "ListedOrderDetailsItem",
    "ListedOrderShippingType0",
    "LogisticsActionIn",
    "Lookup",
    "LookupAnswer",
    "LookupBarcode",
    "LookupClinicalType0",
    "LookupManufacturingType0",
    "LookupOrderType0",
    "LookupPatientType0",
    "LookupQaType0",
    "LookupResolved",
    "LookupSummaryType0",
    "Manufacturer",
    "ManufacturerRefIn",
    "MaskType",
    "MasksBarcodeLookupGetRequestType",
    "MasksCreateOrderIn",
    "MasksError",
    "MasksFupcLookupGetRequestType",
    "MasksOrderCreated",
    "MasksPortalUploadFileBody",
    "NoteAuthor",
    "OpenedCase",
    "OpenedCasePatient",
    "OperatorActBodyType0",
    "OperatorAddEndpointMode",
    "OperatorDeleteEndpointMode",
    "OperatorListDeliveriesMode",
    "OperatorListDeliveriesStatusType0",
    "OperatorListEndpointsMode",
    "OperatorOpenCaseMode",
    "OperatorOrder",
    "OperatorPatchEndpointMode",
    "OperatorReplayEventMode",
    "OperatorReplayFailedMode",
    "OpsError",
    "OpsErrorDetail",
    "Order",
    "OrderCreatedAnswer",
    "OrderDetail",
    "OrderDetailDetailsItem",
    "OrderDetailPage",
    "OrderDetailPatient",
    "OrderDetailPaymentMethodType0",
    "OrderDetailShippingType0",
    "OrderItem",
    "OrderItemIn",
    "OrderKit",
    "OrderKitIn",
    "OrderMoved",
    "OrderNote",
    "OrderNoteIn",
    "OrderPartIn",
    "OrderStatus",
    "OrderStatusAnswer",
    "PackedKit",
    "PatchOrderIn",
    "Patient",
    "PatientEmailIn",
    "PatientEmailTemplate",
    "PatientFieldsIn",
    "PatientOrderIn",
    "PatientPage",
    "PharmacyCreateOrderIn",
    "PharmacyError",
    "PharmacyErrorMessagesType0Item",
    "PharmacyMoveTestOrderAction",
    "PharmacyOrderPage",
    "PharmacyTestHelperIn",
    "PipelineOrder",
    "PipelineOrders",
    "PlainError",
    "PlainErrorDetail",
    "PrescriptionOut",
    "PrescriptionWire",
    "Readiness",
    "ReplayIn",
    "Replayed",
    "RequestInvoiceIn",
    "ReturnDevice",
    "ReturnDeviceIn",
    "ReturnItem",
    "ReturnItemIn",
    "ReturnPackedKit",
    "ReturnPackedKitIn",
    "Sandbox",
    "SandboxIn",
    "ScanUpload",
    "ScanUploadAnswer",
    "Sent",
    "ShipToIn",
    "ShippingAddressIn",
    "ShippingIn",
    "Site",
    "SiteIn",
    "SitePage",
    "SiteRefIn",
    "TimelineEvent",
    "TimelineEventDataType0",
    "TokenIn",
    "Tracking",
    "TrackingIn",
    "TrackingInCarrier",
    "TrackingNumber",
    "Udi",
    "User",
    "UserIn",
    "WebhooksApiEvent",
    "WebhooksApiEventPayload",
    "WebhooksError",
    "WebhooksListDeliveriesStatusType0",
)
