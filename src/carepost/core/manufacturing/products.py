"""The mask products. `cpap` means full face, not CPAP therapy in general."""

from __future__ import annotations

from enum import StrEnum


class MaskType(StrEnum):
    CPAP = "cpap"
    NOSE = "nose"


PRODUCT_NAMES = {
    MaskType.CPAP: "Form Fit Full Face CPAP",
    MaskType.NOSE: "Form Fit Nasal CPAP",
}
