"""The masks dialect's part of the tenant file: the factory's products (shared: a GTIN per
mask type), and each clinic's ordering settings, patient e-mail and store connection."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import EmailStr, Field

from carepost.adapters.commerce.shopify import ShopifyConnection
from carepost.core.commerce.connections import save_connection
from carepost.core.kit.sealing import seal
from carepost.core.manufacturing import scan_email
from carepost.core.manufacturing.products import MaskType
from carepost.core.manufacturing.settings import MaskSettingsIn, save_settings, set_product_gtin
from carepost.core.notifications.templates import MAX_TEMPLATE_LENGTH
from carepost.tenant_file.schema import Strict
from carepost.tenant_file.sections import AccountWork, TenantSection


class PatientEmailFile(Strict):
    subject: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1, max_length=MAX_TEMPLATE_LENGTH)
    html: str | None = Field(default=None, max_length=MAX_TEMPLATE_LENGTH)


class MaskProductFile(Strict):
    gtin: str = Field(pattern=r"^\d{14}$")


class MasksSettingsFile(Strict):
    ordering_enabled: bool = True
    contact_email: EmailStr | None = None
    allowed_mask_types: list[MaskType] = Field(default_factory=lambda: [MaskType.CPAP])
    variants: dict[MaskType, str] = Field(default_factory=dict)
    patient_email: PatientEmailFile | None = None


class ShopifyFile(Strict):
    provider: Literal["shopify"]
    shop_domain: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.myshopify\.com$")
    access_token: str = Field(min_length=10, max_length=200)
    company_id: str = Field(pattern=r"^gid://shopify/Company/\d+$")
    company_location_id: str = Field(pattern=r"^gid://shopify/CompanyLocation/\d+$")
    company_contact_id: str = Field(pattern=r"^gid://shopify/CompanyContact/\d+$")
    payment_terms_template_id: str = Field(pattern=r"^gid://shopify/PaymentTermsTemplate/\d+$")  # the Net 30 template
    api_version: str = Field(default="2025-01", pattern=r"^\d{4}-\d{2}$")
    endpoint: str | None = None  # overrides the shop's Admin GraphQL URL (a staging proxy, a test server)


class LedgerFile(Strict):
    provider: Literal["ledger"]


async def _apply_products(session: Any, tenant: Any) -> None:
    for mask_type, product in tenant.mask_products.items():
        await set_product_gtin(session, mask_type=mask_type.value, gtin=product.gtin)


async def _apply_account(work: AccountWork) -> dict[str, Any]:
    """Applied whatever the account's dialects (a clinic may be set up before it orders)."""
    entry, session, account_id = work.entry, work.session, work.account.id
    if entry.masks is not None:
        await save_settings(
            session,
            account_id=account_id,
            settings_in=MaskSettingsIn(
                ordering_enabled=entry.masks.ordering_enabled,
                contact_email=str(entry.masks.contact_email) if entry.masks.contact_email else None,
                allowed_mask_types=[t.value for t in entry.masks.allowed_mask_types],
                variants={t.value: v for t, v in entry.masks.variants.items()},
            ),
        )
        if entry.masks.patient_email is not None:
            email = entry.masks.patient_email
            await scan_email.save_clinic_template(
                session, account_id=account_id, template=scan_email.EmailTemplate(email.subject, email.text, email.html)
            )
    if entry.commerce is not None:
        await _apply_commerce(work, entry.commerce)
    return {}


async def _apply_commerce(work: AccountWork, commerce: ShopifyFile | LedgerFile) -> None:
    if isinstance(commerce, LedgerFile):
        await save_connection(work.session, account_id=work.account.id, provider="ledger", config={}, sealed_credentials=None)
        return
    config = commerce.model_dump(exclude={"provider", "access_token", "endpoint"})
    config["endpoint"] = commerce.endpoint or ShopifyConnection.endpoint_for(commerce.shop_domain, commerce.api_version)
    await save_connection(
        work.session, account_id=work.account.id, provider="shopify", config=config,
        sealed_credentials=seal(work.secret_key, commerce.access_token),
    )


SECTION = TenantSection(
    tenant_fields={"mask_products": (dict[MaskType, MaskProductFile], Field(default_factory=dict))},
    account_fields={
        "masks": (MasksSettingsFile | None, None),
        "commerce": (ShopifyFile | LedgerFile | None, Field(default=None, discriminator="provider")),
    },
    apply_shared=_apply_products,
    apply_account=_apply_account,
)
