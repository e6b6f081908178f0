"""The masks contract's request bodies, field for field.

Unknown fields are refused (400), not ignored: a misspelt `mask_typ` would
otherwise quietly order the default full-face mask for a patient who needs
a nasal one. Server-owned values (ids, times, states) have no field here, so
no request can set them.
"""

from __future__ import annotations

from typing import Annotated, Literal

import pycountry
from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictBool, field_validator

from carepost.core.manufacturing.flow import FLOW
from carepost.core.manufacturing.products import MaskType
from carepost.dialects.masks.factory_steps import StepIn
from carepost.http.wire import OneLine


def _text(max_length: int) -> object:
    return Field(min_length=1, max_length=max_length)


Name = Annotated[str, _text(100), OneLine]
Line = Annotated[str, _text(255), OneLine]


def _optional_line(max_length: int) -> object:
    return Annotated[str, Field(max_length=max_length), OneLine] | None


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ShippingAddressIn(_Wire):
    first_name: Name
    last_name: Name
    address1: Line
    address2: _optional_line(255) = None  # type: ignore[valid-type]
    city: Name
    province: _optional_line(100) = None  # type: ignore[valid-type]
    country: _optional_line(100) = None  # type: ignore[valid-type]
    country_code: Annotated[str, Field(min_length=2, max_length=2)]
    zip: Annotated[str, _text(20), OneLine]

    @field_validator("country_code")
    @classmethod
    def _known_country(cls, value: str) -> str:
        if pycountry.countries.get(alpha_2=value.upper()) is None:
            raise ValueError("Must be an ISO 3166-1 alpha-2 country code, such as US.")
        return value.upper()


class CreateOrderIn(_Wire):
    secret_key: Annotated[str, Field(max_length=200)] | None = None
    patient_email: Annotated[EmailStr, Field(max_length=320)]
    patient_name: Annotated[str, _text(200), OneLine]
    phone: Annotated[str, _text(32), OneLine]
    shipping_address: ShippingAddressIn
    idempotency_key: Annotated[str, Field(min_length=8, max_length=255)] | None = None
    mask_type: MaskType | None = None
    forge_sends_email_to_client: StrictBool | None = None


class CancelOrderIn(_Wire):
    secret_key: Annotated[str, Field(max_length=200)] | None = None
    reason: Annotated[str, Field(max_length=512)] | None = None
    partner_reference: Annotated[str, Field(max_length=128)] | None = None


class AdvanceTestOrderIn(StepIn):
    """Sandbox only: move a test order one step, as the factory would."""

    secret_key: Annotated[str, Field(max_length=200)] | None = None
    action: Literal[tuple(a.name for a in FLOW.operator_actions)]  # type: ignore[valid-type]


RequestType = Literal["summary", "patient", "clinical", "manufacturing", "qa", "udi", "order", "full"]


class FupcLookupIn(_Wire):
    secret_key: Annotated[str, Field(max_length=200)] | None = None
    fupc: Annotated[str, Field(max_length=64)]
    request_type: RequestType | None = None


class BarcodeLookupIn(_Wire):
    secret_key: Annotated[str, Field(max_length=200)] | None = None
    barcode: Annotated[str, Field(max_length=512)]
    request_type: RequestType
