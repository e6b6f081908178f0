from enum import StrEnum


class DeviceStatus(StrEnum):
    AWAITINGRETURN = "awaitingReturn"
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    PACKED = "packed"
    PROCESSING = "processing"
    RECONFIRMADDRESS = "reconfirmAddress"
    RETURNRECEIVED = "returnReceived"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
