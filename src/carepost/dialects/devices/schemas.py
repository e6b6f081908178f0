"""The devices contract's request bodies.

The guide's own examples send reference objects in the shape of the response
(`"kit": {"id": 1000, "kitItems": []}`, a patient with `id` and names), so a
reference object accepts the documented fields of its response shape and
uses only `id`. Anything not in the documented shape is refused (400,
"Invalid data provided"), so a misspelt field never passes silently.
Ids and counts are strict integers: `"10"` is not a count.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictBool, StrictInt

from carepost.core.kit.bounds import LARGEST_ID
from carepost.http.wire import OneLine

Id = Annotated[StrictInt, Field(ge=1, le=LARGEST_ID)]
Count = Annotated[StrictInt, Field(ge=1, le=10_000)]
Short = Annotated[str, Field(max_length=200), OneLine]


# One line of at most so many characters (the column each is stored in).
Line16 = Annotated[str, Field(max_length=16), OneLine]
Line20 = Annotated[str, Field(max_length=20), OneLine]
Line32 = Annotated[str, Field(max_length=32), OneLine]
Line100 = Annotated[str, Field(max_length=100), OneLine]
Line255 = Annotated[str, Field(max_length=255), OneLine]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AddressIn(_Wire):
    lineOne: Line255 | None = None
    lineTwo: Line255 | None = None
    lineThree: Line255 | None = None
    city: Line100 | None = None
    state: Line100 | None = None
    zipCode: Line20 | None = None
    country: Line100 | None = None
    note: Annotated[str, Field(max_length=500)] | None = None


class ManufacturerRefIn(_Wire):
    id: Id | None = None
    name: Short | None = None


class ItemRefIn(_Wire):
    id: Id
    sku: Short | None = None
    name: Short | None = None
    model: Short | None = None
    orderable: StrictBool | None = None
    manufacturer: ManufacturerRefIn | None = None


class KitItemRefIn(_Wire):
    count: Count | None = None
    drivesExternalIdentifier: StrictBool | None = None
    item: ItemRefIn | None = None


class KitRefIn(_Wire):
    id: Id
    name: Short | None = None
    archived: StrictBool | None = None
    kitItems: Annotated[list[KitItemRefIn], Field(max_length=100)] | None = None


class OrderItemIn(_Wire):
    count: Count = 1
    item: ItemRefIn


class OrderKitIn(_Wire):
    count: Count = 1
    kit: KitRefIn


class SiteRefIn(_Wire):
    """A site named by `id`; the rest of a site's shape is accepted and ignored."""

    id: Id | None = None
    name: Short | None = None
    active: StrictBool | None = None
    phoneNumber: Line32 | None = None
    address: AddressIn | None = None


class PatientFieldsIn(_Wire):
    """What the customer manages about a patient (the patient endpoints' body)."""

    firstName: Line100 | None = None
    lastName: Line100 | None = None
    address: AddressIn | None = None
    site: SiteRefIn | None = None
    dateOfBirth: date | None = None
    sex: Line16 | None = None
    email: Annotated[EmailStr, Field(max_length=320)] | None = None
    phoneNumber: Line32 | None = None
    externalIdentifier: Line100 | None = None
    enrolled: StrictBool | None = None


class PatientOrderIn(PatientFieldsIn):
    """An order's patient: an existing one by `id` (other fields ignored), or a new one without."""

    id: Id | None = None
    archived: StrictBool | None = None


class ReturnDeviceIn(_Wire):
    id: Id


class ReturnItemIn(_Wire):
    id: Id
    count: Count = 1


class ReturnPackedKitIn(_Wire):
    id: Id
    quantity: Count = 1


class OrderNoteIn(_Wire):
    note: Annotated[str, Field(min_length=1, max_length=2000)]
    createdAt: Any = None  # server-owned: accepted in the response's shape, ignored
    createdBy: Any = None


AtMost100 = Field(max_length=100)  # lines of one kind in one order
AtMost20 = Field(max_length=20)


class CreateOrderIn(_Wire):
    patient: PatientOrderIn | None = None
    site: SiteRefIn | None = None
    orderItems: Annotated[list[OrderItemIn], AtMost100] | None = None
    orderKits: Annotated[list[OrderKitIn], AtMost100] | None = None
    returnDevices: Annotated[list[ReturnDeviceIn], AtMost100] | None = None
    returnItems: Annotated[list[ReturnItemIn], AtMost100] | None = None
    returnPackedKits: Annotated[list[ReturnPackedKitIn], AtMost100] | None = None
    emailLabel: StrictBool = False
    shippingOption: Line32 | None = None
    externalOrderIds: Annotated[list[Annotated[str, Field(min_length=1, max_length=128), OneLine]], AtMost20] | None = None
    orderNotes: Annotated[list[OrderNoteIn], AtMost20] | None = None


class SiteIn(_Wire):
    name: Short | None = None
    address: AddressIn | None = None
    phoneNumber: Line32 | None = None
    active: StrictBool = True
