from enum import StrEnum


class AdvanceTestOrderInAction(StrEnum):
    APPROVE_SCAN = "approve_scan"
    COMPLETE_SCAN = "complete_scan"
    DELIVER = "deliver"
    FACTORY_CANCEL = "factory_cancel"
    PRINT_LABEL = "print_label"
    REJECT_SCAN = "reject_scan"
    SHIP = "ship"
    START_MESH = "start_mesh"
    START_PRINT = "start_print"
    START_QA = "start_qa"

    def __str__(self) -> str:
        return str(self.value)
