"""An order as a CFDI 4.0 (Anexo 20), built and sealed with satcfdi: pure, no database.

One Concepto per order line (its SAT keys from the product, quantity, unit value
before IVA, the line's coupon share as Descuento, and one IVA Traslado at the
line's rate with the line's own IVA as Importe), and shipping as its own Concepto
when something is charged for it. The amounts are the order's, already rounded
(core/invoicing/totals.py), so the CFDI's totals are the order's to the cent;
`build` refuses to return one that is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from satcfdi.create.cfd import cfdi40
from satcfdi.models import Signer

from carepost.core.invoicing.receiver import Receiver
from carepost.core.invoicing.totals import SHIPPING_IVA_RATE

IVA = "002"
TAX_RATE_PLACES = Decimal("0.000001")  # TasaOCuota is written with six decimals
CENT = Decimal("0.01")
SHIPPING_PRODUCT_KEY = "78102203"  # Servicios de envío, recogida o entrega de correo
SHIPPING_UNIT_KEY = "E48"  # Unidad de servicio

# MetodoPago and FormaPago by the payment method's kind: net-terms credit is paid later
# (PPD, "99" por definir); the others are paid when the order is (PUE, and their form).
PAYMENT_BY_KIND = {"credit": ("PPD", "99"), "transfer": ("PUE", "03"), "cash": ("PUE", "01")}


@dataclass(frozen=True)
class Issuer:
    rfc: str
    legal_name: str
    fiscal_regime: str
    postal_code: str
    series: str


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    product_key: str
    unit_key: str
    quantity: int
    unit_price: Decimal  # before IVA
    discount: Decimal
    iva_rate: Decimal
    iva: Decimal
    identification: str | None = None


@dataclass(frozen=True)
class Invoiceable:
    """What of an order goes on its CFDI."""

    folio: str
    lines: Sequence[InvoiceLine]
    payment_kind: str
    total: Decimal


class TotalsMismatch(Exception):
    """The CFDI would not say what the order says; it is not issued."""


def shipping_line(price: Decimal, discount: Decimal, iva: Decimal) -> InvoiceLine | None:
    """Shipping as a service taxed at 16% (totals.py), with the IVA the order charged for it;
    free shipping is not a concept (its base would be 0)."""
    charged = price - discount
    if charged <= 0:
        return None
    return InvoiceLine("Envío", SHIPPING_PRODUCT_KEY, SHIPPING_UNIT_KEY, 1, charged, Decimal("0"), SHIPPING_IVA_RATE, iva)


def build(issuer: Issuer, receiver: Receiver, invoiceable: Invoiceable) -> cfdi40.Comprobante:
    method, form = PAYMENT_BY_KIND[invoiceable.payment_kind]
    comprobante = cfdi40.Comprobante(
        emisor=cfdi40.Emisor(rfc=issuer.rfc, nombre=issuer.legal_name, regimen_fiscal=issuer.fiscal_regime),
        lugar_expedicion=issuer.postal_code,
        receptor=cfdi40.Receptor(
            rfc=receiver.rfc,
            nombre=receiver.name.upper(),  # SAT compares the name, in capitals, with its register
            domicilio_fiscal_receptor=receiver.postal_code,
            regimen_fiscal_receptor=receiver.fiscal_regime,
            uso_cfdi=receiver.cfdi_use,
        ),
        conceptos=[_concepto(line) for line in invoiceable.lines],
        serie=issuer.series,
        folio=invoiceable.folio,
        forma_pago=form,
        metodo_pago=method,
    )
    if comprobante["Total"] != invoiceable.total:
        raise TotalsMismatch(f"the CFDI's total {comprobante['Total']} is not the order's {invoiceable.total}")
    return comprobante


def seal(comprobante: cfdi40.Comprobante, signer: Signer) -> bytes:
    """Sign with the issuer's CSD (Sello, NoCertificado, Certificado) and serialize."""
    comprobante.sign(signer)
    return comprobante.xml_bytes()


def _concepto(line: InvoiceLine) -> cfdi40.Concepto:
    base = line.unit_price * line.quantity - line.discount
    taxes = None
    if base > 0:  # SAT requires a Traslado's Base above zero; a fully discounted line carries no tax
        traslado = cfdi40.Traslado(
            impuesto=IVA, tipo_factor="Tasa", tasa_o_cuota=line.iva_rate.quantize(TAX_RATE_PLACES), importe=line.iva.quantize(CENT)
        )
        taxes = cfdi40.Impuestos(traslados=traslado)
    return cfdi40.Concepto(
        clave_prod_serv=line.product_key,
        cantidad=line.quantity,
        clave_unidad=line.unit_key,
        descripcion=line.description,
        valor_unitario=line.unit_price,
        descuento=line.discount or None,
        impuestos=taxes,
        objeto_imp="02" if taxes else "01",
        no_identificacion=line.identification,
    )
