"""Per-clinic mask settings, and the rule for whether a clinic can order a mask."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import Forbidden, InvalidInput, NotConfigured
from carepost.core.manufacturing.products import MaskType
from carepost.core.manufacturing.repository import MaskSettingsRepository
from carepost.core.models import MaskClinicSettings


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
    await MaskSettingsRepository(session).save(
        MaskClinicSettings(
            account_id=account_id,
            ordering_enabled=settings_in.ordering_enabled,
            contact_email=settings_in.contact_email,
            allowed_mask_types=sorted(set(settings_in.allowed_mask_types)),
            variants=dict(settings_in.variants),
        )
    )


async def orderable_mask(session: AsyncSession, *, account_id: int, mask_type: MaskType) -> OrderableMask:
    """What the store needs to order this mask for this clinic, or why it can't.

    Clinic-wide gaps come first (422), then whether this clinic may order this
    type at all (403), then whether the type has a product variant (422).
    """
    settings = await MaskSettingsRepository(session).get(account_id)
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
