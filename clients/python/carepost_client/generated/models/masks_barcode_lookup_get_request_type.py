from enum import StrEnum


class MasksBarcodeLookupGetRequestType(StrEnum):
    CLINICAL = "clinical"
    FULL = "full"
    MANUFACTURING = "manufacturing"
    ORDER = "order"
    PATIENT = "patient"
    QA = "qa"
    SUMMARY = "summary"
    UDI = "udi"

    def __str__(self) -> str:
        return str(self.value)
