"""Per-clinic mask settings, and the rule for whether a clinic can order a mask."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession
from stdnum import ean

from carepost.core.kit.errors import Forbidden, InvalidInput, NotConfigured
from carepost.core.manufacturing.products import PRODUCT_NAMES, MaskType
from carepost.core.manufacturing.repository import MaskProductRepository, MaskSettingsRepository
from carepost.core.models import MaskClinicSettings, MaskProduct


@dataclass(frozen=True)
class MaskSettingsIn:
    ordering_enabled: bool = True
    contact_email: str | None = None
    allowed_mask_types: list[str] = field(default_factory=lambda: [MaskType.CPAP.value])
    variants: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OrderableMask:
    mask_type: MaskType
    variant_id: str
    contact_email: str


async def save_settings(session: AsyncSession, *, account_id: int, settings_in: MaskSettingsIn) -> None:
    known = {t.value for t in MaskType}
    unknown = (set(settings_in.allowed_mask_types) | set(settings_in.variants)) - known
    if unknown:
        raise InvalidInput(f"Unknown mask types: {', '.join(sorted(unknown))}")
    repository = MaskSettingsRepository(session)
    # Update in place: the e-mail templates live on the same row and must survive.
    settings = await repository.get(account_id) or MaskClinicSettings(account_id=account_id)
    settings.ordering_enabled = settings_in.ordering_enabled
    settings.contact_email = settings_in.contact_email
    settings.allowed_mask_types = sorted(set(settings_in.allowed_mask_types))
    settings.variants = dict(settings_in.variants)
    await repository.save(settings)


async def orderable_mask(session: AsyncSession, *, account_id: int, mask_type: MaskType) -> OrderableMask:
    """What the store needs to order this mask for this clinic, or why it can't.

    Clinic-wide gaps come first (422), then whether this clinic may order this
    type at all (403), then whether the type has a product variant (422).
    """
    settings = await MaskSettingsRepository(session).read(account_id)
    if settings is None:
        raise NotConfigured("Mask ordering is not set up for this clinic.", code="clinic_not_configured")
    if not settings.ordering_enabled:
        raise NotConfigured("Store ordering is disabled for this clinic.", code="clinic_not_configured")
    if not settings.contact_email:
        raise NotConfigured("The clinic has no store contact e-mail set.", code="clinic_not_configured")
    if mask_type.value not in settings.allowed_mask_types:
        raise Forbidden(f"mask_type {mask_type.value!r} is not allowed for your clinic.", code="mask_type_not_allowed")
    variant_id = settings.variants.get(mask_type.value)
    if not variant_id:
        raise NotConfigured(
            f"The clinic has no FormFit product variant for mask_type {mask_type.value!r}.", code="clinic_not_configured"
        )
    return OrderableMask(mask_type=mask_type, variant_id=variant_id, contact_email=settings.contact_email)


async def set_product_gtin(session: AsyncSession, *, mask_type: str, gtin: str) -> None:
    """Give a mask product its GTIN (the UDI's device identifier); the check digit must be valid."""
    if not ean.is_valid(gtin) or len(gtin) != 14:
        raise InvalidInput(f"{gtin!r} is not a GTIN-14 with a valid check digit.", field="gtin")
    repository = MaskProductRepository(session)
    product = await repository.get(MaskType(mask_type).value)
    if product is None:
        product = MaskProduct(mask_type=mask_type, name=PRODUCT_NAMES[MaskType(mask_type)], gtin=gtin)
    product.gtin = gtin
    await repository.save(product)
