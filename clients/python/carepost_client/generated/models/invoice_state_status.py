from enum import StrEnum


class InvoiceStateStatus(StrEnum):
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    FAILED = "failed"
    PENDING = "pending"
    STAMPED = "stamped"

    def __str__(self) -> str:
        return str(self.value)
