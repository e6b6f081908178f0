"""The embedded PAC: stamps in-process, for the demo and every test-mode order.

It checks what a PAC checks first — the XML parses as a CFDI and its seal
verifies against the certificate it carries — then adds a TimbreFiscalDigital 1.1
with a fresh UUID. The stamp is marked as what it is: RfcProvCertif is SAT's test
RFC AAA010101AAA, NoCertificadoSAT is twenty zeros, the Leyenda says it has no
fiscal validity, and SelloSAT is signed with a key made when the process started.
SAT has never seen it.
"""

from __future__ import annotations

import asyncio
import base64
import uuid
from datetime import datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from satcfdi.cfdi import CFDI
from satcfdi.create.cfd.tfd11 import TimbreFiscalDigital
from satcfdi.models.certificate import Certificate
from satcfdi.transform import MEXICO_TZ

from carepost.core.invoicing.pac import Cancellation, CancelRequest, PacRefused, Stamp

SANDBOX_LEGEND = "Timbre de prueba del sandbox de Carepost: sin validez fiscal"
SANDBOX_PAC_RFC = "AAA010101AAA"
SANDBOX_CERTIFICATE_NUMBER = "0" * 20


class _SandboxCertifier:
    """What satcfdi's TimbreFiscalDigital asks of a PAC's certificate."""

    rfc_pac = SANDBOX_PAC_RFC
    certificate_number = SANDBOX_CERTIFICATE_NUMBER

    def __init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def sign_sha256(self, data: bytes) -> str:
        return base64.b64encode(self._key.sign(data, padding.PKCS1v15(), hashes.SHA256())).decode()


class EmbeddedPac:
    def __init__(self) -> None:
        self._certifier = _SandboxCertifier()

    async def stamp(self, xml: bytes) -> Stamp:
        return await asyncio.to_thread(self._stamp, xml)

    def _stamp(self, xml: bytes) -> Stamp:
        cfdi = _parse(xml)
        if cfdi.get("Complemento") and "TimbreFiscalDigital" in cfdi["Complemento"]:
            raise PacRefused("307. El comprobante contiene un timbre previo.")
        if not seal_verifies(cfdi):
            raise PacRefused("CFDI40102 - El resultado de la digestión debe ser igual al resultado de la desencripción del sello.")
        stamped_at = datetime.now(tz=MEXICO_TZ).replace(tzinfo=None, microsecond=0)
        folio = str(uuid.uuid4()).upper()
        timbre = TimbreFiscalDigital(
            proveedor=self._certifier, uuid=folio, fecha_timbrado=stamped_at, sello_cfd=cfdi["Sello"], leyenda=SANDBOX_LEGEND
        )
        cfdi["Complemento"] = {"TimbreFiscalDigital": timbre}
        return Stamp(uuid=folio, xml=cfdi.xml_bytes(), stamped_at=stamped_at, sandbox=True)

    async def cancel(self, request: CancelRequest) -> Cancellation:
        return Cancellation(status="201")  # SAT's "solicitud de cancelación recibida"


def seal_verifies(cfdi: CFDI) -> bool:
    """The Sello is the CSD's signature of the cadena original (SHA-256, PKCS#1 v1.5)."""
    try:
        certificate = Certificate.load_certificate(base64.b64decode(cfdi["Certificado"]))
        return certificate.verify_sha256(cfdi.cadena_original().encode(), base64.b64decode(cfdi["Sello"]))
    except (KeyError, ValueError):
        return False


def _parse(xml: bytes) -> CFDI:
    try:
        return CFDI.from_string(xml)
    except Exception:  # lxml's and satcfdi's errors alike: the PAC's answer is the same
        raise PacRefused("CFDI40101 - El documento no es un CFDI 4.0 bien formado.") from None
