from enum import StrEnum


class PharmacyMoveTestOrderAction(StrEnum):
    APPROVE = "approve"
    CANCEL = "cancel"
    DELIVER = "deliver"
    DISPATCH = "dispatch"
    MARK_PAID = "mark_paid"
    REJECT_PAYMENT = "reject_payment"
    RETRY_INVOICE = "retry_invoice"
    START_BUILDING = "start_building"
    START_PAYMENT = "start_payment"

    def __str__(self) -> str:
        return str(self.value)
