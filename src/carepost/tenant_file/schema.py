"""The tenant file's shape. Unknown keys are refused so a typo can't pass silently."""

from __future__ import annotations

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


class AccountFile(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    name: str = Field(min_length=1, max_length=200)
    dialects: list[Literal["masks", "pharmacy", "devices", "cases"]] = Field(default_factory=list)
    masks: MasksSettingsFile | None = None
    commerce: ShopifyFile | LedgerFile | None = Field(default=None, discriminator="provider")
    keys: list[KeyFile] = Field(default_factory=list)


class TenantFile(_Strict):
    # The factory's products, shared by every clinic: the GTIN per mask type.
    mask_products: dict[MaskType, MaskProductFile] = Field(default_factory=dict)
    accounts: list[AccountFile] = Field(default_factory=list)
