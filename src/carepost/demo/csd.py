"""Where SAT's public test CSD is, for the demo's and the tests' invoices.

The files are SAT's, loaded at run time, never copied into the project:
CAREPOST_SAT_TEST_CSD_DIR if set, else `../shared/fixtures/sat-test-csd` beside the
checkout, else `/work/shared/fixtures/sat-test-csd`.
"""

from __future__ import annotations

import os
from pathlib import Path

from carepost.dialects.pharmacy.tenant import InvoicingFile

CERTIFICATE, KEY, PASSWORD = "eku9003173c9_csd.cer", "eku9003173c9_csd.key", "eku9003173c9_csd.txt"


def test_csd_dir() -> Path | None:
    checkout = Path(__file__).resolve().parents[3]
    candidates = [os.environ.get("CAREPOST_SAT_TEST_CSD_DIR"), checkout.parent / "shared/fixtures/sat-test-csd", "/work/shared/fixtures/sat-test-csd"]
    for candidate in candidates:
        if candidate and (Path(candidate) / CERTIFICATE).is_file():
            return Path(candidate)
    return None


def demo_issuer(directory: Path) -> InvoicingFile:
    """SAT's test taxpayer as the issuer: RFC EKU9003173C9, régimen 601, expedition at 42501."""
    return InvoicingFile(
        rfc="EKU9003173C9",
        legal_name="ESCUELA KEMPER URGATE",
        fiscal_regime="601",
        postal_code="42501",
        certificate_file=directory / CERTIFICATE,
        key_file=directory / KEY,
        password_file=directory / PASSWORD,
    )
