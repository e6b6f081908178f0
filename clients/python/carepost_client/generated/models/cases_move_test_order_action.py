from enum import StrEnum


class CasesMoveTestOrderAction(StrEnum):
    ACCEPT = "accept"
    CANCEL = "cancel"
    DELIVER = "deliver"
    FAIL = "fail"
    FILL = "fill"
    REJECT = "reject"
    RETRY = "retry"
    SHIP = "ship"

    def __str__(self) -> str:
        return str(self.value)
