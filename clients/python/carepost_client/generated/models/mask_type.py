from enum import StrEnum


class MaskType(StrEnum):
    CPAP = "cpap"
    NOSE = "nose"

    def __str__(self) -> str:
        return str(self.value)
