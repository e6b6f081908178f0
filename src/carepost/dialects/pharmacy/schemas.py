"""The pharmacy contract's request bodies. As in DRF, a field the serializer does
not know is ignored, not refused (docs/pharmacy.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from carepost.core.retail.prescriptions import MAX_BYTES
from carepost.http.wire import OneLine, RowNumber

# The largest document as base64, and a little for line breaks and a data: URL prefix.
MAX_BASE64_CHARACTERS = (MAX_BYTES + 2) // 3 * 4 * 21 // 20


def _no_boolean(value: Any) -> Any:
    """DRF's IntegerField reads `true` as the text "True": not a valid integer (pydantic would take it as 1)."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "A valid integer is required.")
    return value


# Every integer of this API's bodies, as DRF's IntegerField reads it.
DrfInt = BeforeValidator(_no_boolean)
Pk = Annotated[RowNumber, DrfInt]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class TokenIn(_Wire):
    """SimpleJWT's TokenObtainPairSerializer with the e-mail as the username field."""

    email: Annotated[str, Field(min_length=1, max_length=320), OneLine]
    password: Annotated[str, Field(min_length=1, max_length=1024)]


def _email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError("Enter a valid email address.") from None


Email = Annotated[str, Field(max_length=254), OneLine, AfterValidator(_email)]


def _text(max_length: int) -> Any:
    return Annotated[str, Field(min_length=1, max_length=max_length), OneLine]


def _optional_text(max_length: int) -> Any:
    return Annotated[str, Field(max_length=max_length), OneLine] | None


class UserIn(_Wire):
    email: Email
    phone: _text(20)  # type: ignore[valid-type]
    first_name: _text(100)  # type: ignore[valid-type]
    last_name: _text(100)  # type: ignore[valid-type]


class ShippingIn(_Wire):
    street: _text(255)  # type: ignore[valid-type]
    exterior_number: _text(50)  # type: ignore[valid-type]
    interior_number: _optional_text(50) = None  # type: ignore[valid-type]
    neighborhood: _text(255)  # type: ignore[valid-type]
    city: _text(100)  # type: ignore[valid-type]
    state: _text(100)  # type: ignore[valid-type]
    country: _text(100)  # type: ignore[valid-type]
    zipcode: Annotated[str, Field(pattern=r"^\d{5}$")]
    phone: _optional_text(20) = None  # type: ignore[valid-type]


class InvoicingIn(_Wire):
    """The CFDI's receiver. The create's INVOICING has no `cfdi_use` or `fiscal_regime`;
    both are accepted there too, and default as docs/pharmacy.md says."""

    full_name: _text(300)  # type: ignore[valid-type]
    email: Email
    rfc: _text(13)  # type: ignore[valid-type]
    street: _text(255)  # type: ignore[valid-type]
    exterior_number: _text(50)  # type: ignore[valid-type]
    neighborhood: _text(255)  # type: ignore[valid-type]
    city: _text(100)  # type: ignore[valid-type]
    state: _text(100)  # type: ignore[valid-type]
    country: _text(100)  # type: ignore[valid-type]
    zipcode: Annotated[str, Field(pattern=r"^\d{5}$")]
    cfdi_use: Annotated[str, Field(min_length=3, max_length=4)] | None = None
    fiscal_regime: Annotated[str, Field(min_length=3, max_length=3)] | None = None


class RequestInvoiceIn(_Wire):
    """`PUT /api/orders/{id}/request-invoice/`: the INVOICING object, or the id of the
    patient's invoicing information (an earlier invoice's, the detail's `invoicing`)."""

    invoicing: Annotated[
        Annotated[InvoicingIn, Tag("")] | Annotated[Pk, Tag(" ")],
        # One member by the value's shape, so only its own errors are reported; the tags are
        # blank so an error's path is the field's own (problems._dotted drops blank parts).
        Discriminator(lambda value: "" if isinstance(value, (dict, BaseModel)) else " "),
    ]


class PrescriptionWire(_Wire):
    document: Annotated[str, Field(min_length=1, max_length=MAX_BASE64_CHARACTERS)]  # base64, or a data: URL
    document_name: _optional_text(255) = None  # type: ignore[valid-type]
    issue_date: date
    expiring_date: date | None = None


class DetailIn(_Wire):
    product: Pk
    quantity: Annotated[int, Field(ge=1, le=1000), DrfInt]


class OrderPartIn(_Wire):
    details: Annotated[list[DetailIn], Field(min_length=1, max_length=100)]
    shipping: ShippingIn | None = None
    shipping_method: Pk | None = None
    store: Pk | None = None
    payment_method: Pk
    coupon: _optional_text(64) = None  # type: ignore[valid-type]
    prescriptions: Annotated[list[PrescriptionWire], Field(max_length=5)] = []
    comments: Annotated[str, Field(max_length=2000)] | None = None


class CreateOrderIn(_Wire):
    user: UserIn
    invoicing: InvoicingIn | None = None
    order: OrderPartIn


class PatchOrderIn(BaseModel):
    """`PATCH /api/orders/{id}/`: new `details`, or `order_status: "cancelled"`; nothing else
    may change (unlike the rest of this API, an unknown field here is refused: a client that
    believes it changed something must hear that it did not)."""

    model_config = ConfigDict(extra="forbid")

    details: Annotated[list[DetailIn], Field(min_length=1, max_length=100)] | None = None
    order_status: Literal["cancelled"] | None = None
