"""The tenant file's shape: what every account has (keys, webhooks), the supply every flow
shares (the catalog with its retail prices, the warehouses), and each registered dialect's
own keys (`Dialect.tenant`, tenant_file/sections.py), joined into one model. Unknown keys
are refused so a typo can't pass silently."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator
from stdnum import ean

from carepost.core.flows import registry


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _gtin(value: str) -> str:
    if len(value) not in (8, 12, 13, 14) or not ean.is_valid(value):
        raise ValueError("must be a GTIN: 8, 12, 13 or 14 digits with a valid check digit")
    return value.zfill(14)  # as GTIN-14, the form a UDI's (01) carries


# A GS1 GTIN (any length, kept as GTIN-14) and an RxNorm concept id (RxCUI): codes for FHIR.
GTIN = Annotated[str, Field(pattern=r"^\d{8,14}$"), AfterValidator(_gtin)]
RXCUI = Annotated[str, Field(pattern=r"^\d{1,10}$")]


class KeyFile(Strict):
    name: str = Field(default="default", min_length=1, max_length=100)
    mode: Literal["live", "test"]
    role: Literal["full", "read_only"] = "full"


class RetailFile(Strict):
    """What the pharmacy API sells an item for."""

    price: Decimal = Field(ge=0, max_digits=12, decimal_places=2)  # pesos, before IVA
    iva_rate: Literal["0", "0.16"] = "0.16"  # 0 for medicinas de patente
    requires_prescription: bool = False
    image_url: str | None = Field(default=None, max_length=500)
    sat_product_key: str = Field(default="01010101", pattern=r"^\d{8}$")  # the CFDI's ClaveProdServ
    sat_unit_key: str = Field(default="H87", pattern=r"^[A-Z0-9]{2,3}$")  # the CFDI's ClaveUnidad


class ItemFile(Strict):
    sku: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    model: str = Field(min_length=1, max_length=200)
    manufacturer: str = Field(min_length=1, max_length=200)
    orderable: bool = True
    serialized: bool = False  # shipped as devices with identifiers, listed under a fulfillment site
    retail: RetailFile | None = None  # sold through the pharmacy API
    gtin: GTIN | None = None  # the GS1 GTIN (a device's UDI-DI), coded in FHIR
    rxnorm: RXCUI | None = None  # a drug's RxNorm concept, coded in FHIR


class KitItemFile(Strict):
    sku: str = Field(min_length=1, max_length=64)
    count: int = Field(default=1, ge=1, le=1000)
    drives_external_identifier: bool = False


class KitFile(Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    loaner: bool = False
    archived: bool = False
    items: list[KitItemFile] = Field(min_length=1)


class CatalogFile(Strict):
    items: list[ItemFile] = Field(default_factory=list)
    kits: list[KitFile] = Field(default_factory=list)


class DeviceFile(Strict):
    sku: str = Field(min_length=1, max_length=64)
    external_identifier: str = Field(min_length=1, max_length=64)
    identifiers: dict[str, str] = Field(default_factory=dict)  # type -> value, e.g. serial, imei


class FulfillmentSiteFile(Strict):
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    stock: dict[str, int] = Field(default_factory=dict)  # sku -> units on hand (items that are not serialized)
    devices: list[DeviceFile] = Field(default_factory=list)  # serialized items: their stock is their devices
    # sku -> units test mode sees here (each item the site carries has 1000 unless named)
    test_stock: dict[str, int] = Field(default_factory=dict)


class WebhookFile(Strict):
    """A webhook endpoint, matched by mode and URL; its secret is reported once, when made."""

    url: str = Field(min_length=1, max_length=2048)
    mode: Literal["live", "test"]
    description: str | None = Field(default=None, max_length=500)
    event_types: list[str] | None = None  # none: every type (docs/webhooks.md)


class SandboxFile(Strict):
    """Test mode's autopilot (docs/sandbox.md): each test order walks its happy path by itself."""

    autopilot: bool = False
    autopilot_interval_seconds: float = Field(default=5.0, ge=0, le=86_400)


class AccountFile(Strict):
    """What every account has; each dialect's section adds its own keys (tenant_file/apply.py `model()`)."""

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    name: str = Field(min_length=1, max_length=200)
    dialects: list[str] = Field(default_factory=list)
    # Requests a minute each API key of this account may make (unset: CAREPOST_RATE_LIMIT_PER_MINUTE).
    rate_limit_per_minute: int | None = Field(default=None, ge=1, le=1_000_000)
    keys: list[KeyFile] = Field(default_factory=list)
    webhooks: list[WebhookFile] = Field(default_factory=list)
    sandbox: SandboxFile | None = None  # unset: as it is (off for a new account)

    @field_validator("dialects")
    @classmethod
    def _registered(cls, dialects: list[str]) -> list[str]:
        known = registry.dialects()
        unknown = [d for d in dialects if d not in known]
        if unknown:
            raise ValueError(f"unknown dialects {', '.join(unknown)}: one of {', '.join(known)}")
        return dialects


class TenantFile(Strict):
    """The supply every flow shares; each dialect's section adds its own keys (tenant_file/apply.py `model()`)."""

    # The devices supplier's catalog (with the pharmacy API's retail prices) and warehouses.
    catalog: CatalogFile = Field(default_factory=CatalogFile)
    fulfillment_sites: list[FulfillmentSiteFile] = Field(default_factory=list)
    accounts: list[Any] = Field(default_factory=list)  # AccountFile with the sections' keys (apply.model())
