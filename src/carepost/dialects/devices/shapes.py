"""What the devices API answers, for the OpenAPI document: the guide's objects
(contract 004) field for field, and the error envelope of contract 002."""

from __future__ import annotations

from carepost.http.shapes import FieldError, Shape


class DevicesError(Shape):
    timestamp: str
    status: int
    error: str
    message: str
    path: str
    requestId: str
    errors: list[FieldError] | None = None


class Address(Shape):
    lineOne: str | None
    lineTwo: str | None
    lineThree: str | None
    city: str | None
    state: str | None
    zipCode: str | None
    country: str | None
    note: str | None


class Site(Shape):
    active: bool
    address: Address
    id: int
    name: str
    phoneNumber: str | None


class Patient(Shape):
    firstName: str
    lastName: str
    address: Address
    archived: bool
    dateOfBirth: str | None
    email: str | None
    enrolled: bool
    externalIdentifier: str | None
    id: int
    phoneNumber: str | None
    sex: str
    site: Site | None


class Manufacturer(Shape):
    id: int
    name: str


class Item(Shape):
    id: int
    manufacturer: Manufacturer
    model: str | None
    name: str
    orderable: bool
    sku: str


class KitItem(Shape):
    count: int
    drivesExternalIdentifier: bool
    item: Item


class Kit(Shape):
    archived: bool
    id: int
    kitItems: list[KitItem]
    name: str


class Event(Shape):
    eventTimestamp: str | None
    name: str


class DeviceEvent(Shape):
    eventTimestamp: str | None
    type: str


class Identifier(Shape):
    type: str
    value: str


class Device(Shape):
    currentPatient: Patient | None
    currentStatus: str
    deviceEvents: list[DeviceEvent]
    deviceIdentifiers: list[Identifier]
    disabledReadings: bool
    externalIdentifier: str
    id: int
    item: Item
    lastHealthCheck: str | None
    site: Site | None
    used: bool


class PackedKit(Shape):
    devices: list[Device]
    externalIdentifier: str | None
    id: int
    kit: Kit


class OrderItem(Shape):
    count: int
    item: Item


class OrderKit(Shape):
    count: int
    kit: Kit


class NoteAuthor(Shape):
    email: str | None
    firstName: str | None
    id: int | str | None
    lastName: str | None


class OrderNote(Shape):
    createdAt: str | None
    createdBy: NoteAuthor
    note: str


class ReturnDevice(Shape):
    id: int


class ReturnItem(Shape):
    count: int
    id: int


class ReturnPackedKit(Shape):
    id: int
    quantity: int


class TrackingNumber(Shape):
    carrier: str
    value: str


class Order(Shape):
    currentStatus: str
    devices: list[Device]
    emailLabel: bool
    externalOrderIds: list[str]
    id: int
    orderEvents: list[Event]
    orderItems: list[OrderItem]
    orderKits: list[OrderKit]
    orderNotes: list[OrderNote]
    packedKits: list[PackedKit]
    patient: Patient | None
    returnDevices: list[ReturnDevice]
    returnItems: list[ReturnItem]
    returnPackedKits: list[ReturnPackedKit]
    shippingOption: str | None
    site: Site | None
    trackingNumbers: list[TrackingNumber]


class _Page(Shape):
    first: bool
    last: bool
    page: int
    size: int
    total: int


class OrderPage(_Page):
    content: list[Order]


class PatientPage(_Page):
    content: list[Patient]


class SitePage(_Page):
    content: list[Site]
