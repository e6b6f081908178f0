from enum import StrEnum


class TrackingInCarrier(StrEnum):
    DHL = "dhl"
    FEDEX = "fedex"
    OTHER = "other"
    UPS = "ups"
    USPS = "usps"

    def __str__(self) -> str:
        return str(self.value)
