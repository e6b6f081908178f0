"""The tenant file's shape. Unknown keys are refused so a typo can't pass silently."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from carepost.core.manufacturing.products import MaskType
from carepost.core.notifications.templates import MAX_TEMPLATE_LENGTH


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PatientEmailFile(_Strict):
    subject: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1, max_length=MAX_TEMPLATE_LENGTH)
    html: str | None = Field(default=None, max_length=MAX_TEMPLATE_LENGTH)


class MaskProductFile(_Strict):
    gtin: str = Field(pattern=r"^\d{14}$")


class MasksSettingsFile(_Strict):
    ordering_enabled: bool = True
    contact_email: EmailStr | None = None
    allowed_mask_types: list[MaskType] = Field(default_factory=lambda: [MaskType.CPAP])
    variants: dict[MaskType, str] = Field(default_factory=dict)
    patient_email: PatientEmailFile | None = None


class ShopifyFile(_Strict):
    provider: Literal["shopify"]
    shop_domain: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.myshopify\.com$")
    access_token: str = Field(min_length=10, max_length=200)
    company_id: str = Field(pattern=r"^gid://shopify/Company/\d+$")
    company_location_id: str = Field(pattern=r"^gid://shopify/CompanyLocation/\d+$")
    company_contact_id: str = Field(pattern=r"^gid://shopify/CompanyContact/\d+$")
    payment_terms_template_id: str = Field(pattern=r"^gid://shopify/PaymentTermsTemplate/\d+$")  # the Net 30 template
    api_version: str = Field(default="2025-01", pattern=r"^\d{4}-\d{2}$")
    endpoint: str | None = None  # overrides the shop's Admin GraphQL URL (a staging proxy, a test server)


class LedgerFile(_Strict):
    provider: Literal["ledger"]


class KeyFile(_Strict):
    name: str = Field(default="default", min_length=1, max_length=100)
    mode: Literal["live", "test"]
    role: Literal["full", "read_only"] = "full"


class AddressFile(_Strict):
    line_one: str = Field(min_length=1, max_length=255)
    line_two: str | None = Field(default=None, max_length=255)
    line_three: str | None = Field(default=None, max_length=255)
    city: str = Field(min_length=1, max_length=100)
    state: str = Field(min_length=1, max_length=100)
    zip_code: str = Field(min_length=1, max_length=20)
    country: str = Field(min_length=1, max_length=100)
    note: str | None = Field(default=None, max_length=500)


class SiteFile(_Strict):
    """Matched by (mode, name) within the account."""

    name: str = Field(min_length=1, max_length=200)
    address: AddressFile
    phone_number: str | None = Field(default=None, max_length=32)
    active: bool = True
    mode: Literal["live", "test"] = "live"


class PatientFile(_Strict):
    """Matched by (mode, external_identifier) within the account."""

    external_identifier: str = Field(min_length=1, max_length=100)
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    address: AddressFile
    site: str | None = Field(default=None, description="The name of one of the account's sites, same mode.")
    date_of_birth: date | None = None
    sex: str = "unknown"  # checked by the patient rules (core/patients/service.py SEXES)
    email: EmailStr | None = None
    phone_number: str | None = Field(default=None, max_length=32)
    enrolled: bool = False
    mode: Literal["live", "test"] = "live"


class DevicesFile(_Strict):
    sites: list[SiteFile] = Field(default_factory=list)
    patients: list[PatientFile] = Field(default_factory=list)


class RetailFile(_Strict):
    """What the pharmacy API sells an item for."""

    price: Decimal = Field(ge=0, max_digits=12, decimal_places=2)  # pesos, before IVA
    iva_rate: Literal["0", "0.16"] = "0.16"  # 0 for medicinas de patente
    requires_prescription: bool = False
    image_url: str | None = Field(default=None, max_length=500)
    sat_product_key: str = Field(default="01010101", pattern=r"^\d{8}$")  # the CFDI's ClaveProdServ
    sat_unit_key: str = Field(default="H87", pattern=r"^[A-Z0-9]{2,3}$")  # the CFDI's ClaveUnidad


class ItemFile(_Strict):
    sku: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    model: str = Field(min_length=1, max_length=200)
    manufacturer: str = Field(min_length=1, max_length=200)
    orderable: bool = True
    serialized: bool = False  # shipped as devices with identifiers, listed under a fulfillment site
    retail: RetailFile | None = None  # sold through the pharmacy API


class KitItemFile(_Strict):
    sku: str = Field(min_length=1, max_length=64)
    count: int = Field(default=1, ge=1, le=1000)
    drives_external_identifier: bool = False


class KitFile(_Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    loaner: bool = False
    archived: bool = False
    items: list[KitItemFile] = Field(min_length=1)


class CatalogFile(_Strict):
    items: list[ItemFile] = Field(default_factory=list)
    kits: list[KitFile] = Field(default_factory=list)


class DeviceFile(_Strict):
    sku: str = Field(min_length=1, max_length=64)
    external_identifier: str = Field(min_length=1, max_length=64)
    identifiers: dict[str, str] = Field(default_factory=dict)  # type -> value, e.g. serial, imei


class FulfillmentSiteFile(_Strict):
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    stock: dict[str, int] = Field(default_factory=dict)  # sku -> units on hand (items that are not serialized)
    devices: list[DeviceFile] = Field(default_factory=list)  # serialized items: their stock is their devices
    # sku -> units test mode sees here (each item the site carries has 1000 unless named)
    test_stock: dict[str, int] = Field(default_factory=dict)


class ShippingMethodFile(_Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    price: Decimal = Field(ge=0, max_digits=12, decimal_places=2)  # pesos, before IVA
    free_from: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    min_days: int = Field(ge=0, le=60)
    max_days: int = Field(ge=0, le=60)
    zip_prefixes: list[str] = Field(default_factory=lambda: [""])  # "" serves every postal code


class StoreFile(_Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    address: dict[str, str] = Field(default_factory=dict)


class PaymentMethodFile(_Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["credit", "transfer", "cash"]


class CouponFile(_Strict):
    code: str = Field(min_length=1, max_length=64)
    value: Decimal = Field(gt=0, max_digits=12, decimal_places=4)  # (0, 1): a fraction; 1 or more: pesos
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    max_uses: int | None = Field(default=None, ge=1)


class PharmacyFile(_Strict):
    """An account's side of the pharmacy API."""

    payment_methods: list[PaymentMethodFile] = Field(default_factory=list)
    coupons: list[CouponFile] = Field(default_factory=list)


class EmbeddedPacFile(_Strict):
    provider: Literal["embedded"]


class SwSapienPacFile(_Strict):
    provider: Literal["sw_sapien"]
    url: str = Field(pattern=r"^https?://", max_length=300)  # https://services.sw.com.mx, or its test host
    user: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=200)  # sealed when the file is applied


class InvoiceDefaultsFile(_Strict):
    """What a receiver gets when its INVOICING has no `cfdi_use` or `fiscal_regime`."""

    cfdi_use: str = Field(default="G03", pattern=r"^[A-Z]{1,2}\d{2}$")
    fiscal_regime_individual: str = Field(default="612", pattern=r"^\d{3}$")
    fiscal_regime_company: str = Field(default="601", pattern=r"^\d{3}$")


class InvoicingFile(_Strict):
    """The account as a CFDI's issuer. Files are read when the tenant file is applied (a
    relative path is relative to the tenant file); the key and passwords are sealed."""

    rfc: str = Field(pattern=r"^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$")
    legal_name: str = Field(min_length=1, max_length=300)
    fiscal_regime: str = Field(pattern=r"^\d{3}$")
    postal_code: str = Field(pattern=r"^\d{5}$")  # the CFDI's LugarExpedicion
    series: str = Field(default="CP", min_length=1, max_length=25)
    certificate_file: Path
    key_file: Path
    password: str | None = Field(default=None, min_length=1, max_length=200)
    password_file: Path | None = None  # instead of `password`: a file holding it
    pac: EmbeddedPacFile | SwSapienPacFile = Field(default_factory=lambda: EmbeddedPacFile(provider="embedded"), discriminator="provider")
    defaults: InvoiceDefaultsFile = Field(default_factory=InvoiceDefaultsFile)


class NetworkPharmacyFile(_Strict):
    """A pharmacy of the cases network, named by the contract's `pharmacyId`."""

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    active: bool = True
    adapter: Literal["embedded", "http"] = "embedded"
    endpoint_url: str | None = Field(default=None, max_length=2048)  # an http pharmacy's order endpoint


class DrugFile(_Strict):
    """A formulary entry, named by the contract's `drugId`."""

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    strength: str | None = Field(default=None, max_length=100)
    form: str | None = Field(default=None, max_length=100)
    ndc: str | None = Field(default=None, pattern=r"^\d{4,5}-\d{3,4}-\d{1,2}$")
    controlled: bool = False
    schedule: Literal["II", "III", "IV", "V"] | None = None
    active: bool = True


class CasePatientFile(_Strict):
    firstName: str = Field(min_length=1, max_length=100)  # noqa: N815 - the contract's camelCase
    lastName: str = Field(min_length=1, max_length=100)  # noqa: N815
    dateOfBirth: date | None = None  # noqa: N815
    sex: Literal["female", "male", "other", "unknown"] | None = None
    email: EmailStr | None = None
    phoneNumber: str | None = Field(default=None, max_length=30)  # noqa: N815
    address: dict[str, str] | None = None  # addressLine1, addressLine2?, city, state, country, postalCode


class CaseFile(_Strict):
    """An organization's case; `id` (a UUID) may be given so a document's example works as written."""

    id: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
    mode: Literal["live", "test"]
    patient: CasePatientFile


class WebhookFile(_Strict):
    """A webhook endpoint, matched by mode and URL; its secret is reported once, when made."""

    url: str = Field(min_length=1, max_length=2048)
    mode: Literal["live", "test"]
    description: str | None = Field(default=None, max_length=500)
    event_types: list[str] | None = None  # none: every type (docs/webhooks.md)


class UserFile(_Strict):
    """A person who signs in for the account (the pharmacy API's token endpoint), matched by e-mail.
    The password is hashed (argon2) when the file is applied; keep the file itself secret."""

    email: EmailStr
    password: str = Field(min_length=12, max_length=1024)
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=100)


class AccountFile(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    name: str = Field(min_length=1, max_length=200)
    dialects: list[Literal["masks", "pharmacy", "devices", "cases"]] = Field(default_factory=list)
    # Requests a minute each API key of this account may make (unset: CAREPOST_RATE_LIMIT_PER_MINUTE).
    rate_limit_per_minute: int | None = Field(default=None, ge=1, le=1_000_000)
    masks: MasksSettingsFile | None = None
    commerce: ShopifyFile | LedgerFile | None = Field(default=None, discriminator="provider")
    devices: DevicesFile | None = None
    keys: list[KeyFile] = Field(default_factory=list)
    users: list[UserFile] = Field(default_factory=list)
    pharmacy: PharmacyFile | None = None
    invoicing: InvoicingFile | None = None  # the pharmacy API's CFDI invoices
    webhooks: list[WebhookFile] = Field(default_factory=list)
    cases: list[CaseFile] = Field(default_factory=list)  # the cases API's organization: its patients' cases


class TenantFile(_Strict):
    # The factory's products, shared by every clinic: the GTIN per mask type.
    mask_products: dict[MaskType, MaskProductFile] = Field(default_factory=dict)
    # The devices supplier's catalog and warehouses, shared by every account.
    catalog: CatalogFile = Field(default_factory=CatalogFile)
    fulfillment_sites: list[FulfillmentSiteFile] = Field(default_factory=list)
    # The pharmacy's delivery services and pick-up stores, shared by every account.
    shipping_methods: list[ShippingMethodFile] = Field(default_factory=list)
    stores: list[StoreFile] = Field(default_factory=list)
    # The cases API's pharmacy network and formulary, shared by every organization.
    pharmacies: list[NetworkPharmacyFile] = Field(default_factory=list)
    drugs: list[DrugFile] = Field(default_factory=list)
    accounts: list[AccountFile] = Field(default_factory=list)
