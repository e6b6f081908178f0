from enum import StrEnum


class OperatorListDeliveriesMode(StrEnum):
    LIVE = "live"
    TEST = "test"

    def __str__(self) -> str:
        return str(self.value)
