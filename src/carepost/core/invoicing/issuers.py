"""An account's issuer: set from the tenant file (its CSD checked and sealed), and opened
again by the worker to seal a CFDI or cancel one."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from satcfdi.models import Signer
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.invoicing import sat_rules
from carepost.core.invoicing.cfdi import Issuer
from carepost.core.invoicing.pac import CancelRequest
from carepost.core.invoicing.receiver import ReceiverDefaults
from carepost.core.invoicing.repository import InvoiceRepository
from carepost.core.kit import sealing
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import InvoiceIssuer

CANCEL_REASON = "02"  # comprobante emitido con errores sin relación: the order is gone, nothing replaces it


@dataclass(frozen=True)
class IssuerIn:
    rfc: str
    legal_name: str
    fiscal_regime: str
    postal_code: str
    certificate: bytes  # the CSD's .cer (DER)
    key: bytes  # its .key (PKCS#8 DER, encrypted)
    password: str
    series: str = "CP"
    pac: dict[str, Any] | None = None  # {"provider": "embedded"} or {"provider": "sw_sapien", "url", "user", "password"}
    default_cfdi_use: str = "G03"
    default_regime_individual: str = "612"
    default_regime_company: str = "601"


async def configure(session: AsyncSession, *, account_id: int, issuer: IssuerIn, secret_key: str) -> InvoiceIssuer:
    """Check the CSD opens with its password and belongs to the RFC, then keep it sealed."""
    try:
        signer = Signer.load(certificate=issuer.certificate, key=issuer.key, password=issuer.password)
    except Exception:  # a wrong password, a key of another certificate, a file that is not a CSD
        raise InvalidInput("The CSD's certificate, key and password do not open together.", field="invoicing.key") from None
    if signer.rfc != issuer.rfc:
        raise InvalidInput(f"The CSD belongs to {signer.rfc}, not {issuer.rfc}.", field="invoicing.certificate")
    if issuer.fiscal_regime not in sat_rules.REGIME_PERSONS:
        raise InvalidInput(f"{issuer.fiscal_regime} is not a régimen fiscal in SAT's catalogue.", field="invoicing.fiscal_regime")
    pac = dict(issuer.pac or {"provider": "embedded"})
    if "password" in pac:
        pac["sealed_password"] = _seal(secret_key, pac.pop("password"))
    return await InvoiceRepository(session).save_issuer(
        InvoiceIssuer(
            account_id=account_id, rfc=issuer.rfc, legal_name=issuer.legal_name, fiscal_regime=issuer.fiscal_regime,
            postal_code=issuer.postal_code, series=issuer.series,
            certificate=base64.b64encode(issuer.certificate).decode(), certificate_number=signer.certificate_number,
            sealed_key=_seal(secret_key, base64.b64encode(issuer.key).decode()),
            sealed_password=_seal(secret_key, issuer.password), pac=pac,
            default_cfdi_use=issuer.default_cfdi_use, default_regime_individual=issuer.default_regime_individual,
            default_regime_company=issuer.default_regime_company,
        )
    )


def defaults_of(issuer: InvoiceIssuer | None) -> ReceiverDefaults:
    if issuer is None:
        return ReceiverDefaults()
    return ReceiverDefaults(
        cfdi_use=issuer.default_cfdi_use, regime_individual=issuer.default_regime_individual,
        regime_company=issuer.default_regime_company, issuer_postal_code=issuer.postal_code,
    )


def emisor(issuer: InvoiceIssuer) -> Issuer:
    return Issuer(issuer.rfc, issuer.legal_name, issuer.fiscal_regime, issuer.postal_code, issuer.series)


def signer(issuer: InvoiceIssuer, secret_key: str) -> Signer:
    return Signer.load(
        certificate=base64.b64decode(issuer.certificate),
        key=base64.b64decode(_unseal(secret_key, issuer.sealed_key)),
        password=_unseal(secret_key, issuer.sealed_password),
    )


def cancel_request(issuer: InvoiceIssuer, uuid: str, secret_key: str) -> CancelRequest:
    return CancelRequest(
        uuid=uuid, issuer_rfc=issuer.rfc, reason=CANCEL_REASON, certificate=issuer.certificate,
        key=_unseal(secret_key, issuer.sealed_key), password=_unseal(secret_key, issuer.sealed_password),
    )


def _seal(secret_key: str, value: str) -> str:
    return sealing.seal(secret_key, value, purpose=sealing.INVOICING)


def _unseal(secret_key: str, value: str) -> str:
    return sealing.unseal(secret_key, value, purpose=sealing.INVOICING)
