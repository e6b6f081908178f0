"""A local server that speaks SW Sapien's REST API as its SDKs and documentation show it:
authenticate, stamp (v4 answers), cancel by CSD; and refuses as SW does.

- `POST /v2/security/authenticate` `{"user", "password"}`: a token, or 400 "AU2000 …".
- `POST /cfdi33/stamp/v4` (multipart `xml`, `Authorization: bearer <token>`): a missing or
  unknown token is 401 "AU4101 …"; XML that is not a sealed CFDI 4.0 is 400 "CFDI40101 …";
  a seal that does not verify is 400 "CFDI40102 …"; a receiver RFC in `unregistered` is
  400 "CFDI40145 …" (not in SAT's list of registered taxpayers); an XML stamped before is
  400 "307. El comprobante contiene un timbre previo." with the earlier stamp's data.
  A good one gets a TimbreFiscalDigital and the v4 answer.
- `POST /cfdi33/cancel/csd`: `{"data": {"acuse", "uuid": {<UUID>: "201"}}}` for a UUID it stamped.

`delay_seconds` makes it answer slowly (a timeout test); `requests` records what it was sent.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from satcfdi.cfdi import CFDI
from satcfdi.create.cfd.tfd11 import TimbreFiscalDigital

from carepost.adapters.pac.embedded import _SandboxCertifier, seal_verifies

USER, PASSWORD = "pruebas@farmacia.example", "contraseña-de-sw"


@dataclass
class SwSapienState:
    unregistered: set[str] = field(default_factory=set)
    delay_seconds: float = 0.0
    tokens: set[str] = field(default_factory=set)
    stamped: dict[str, dict[str, Any]] = field(default_factory=dict)  # by the CFDI's Sello
    cancelled: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def _error(status: int, message: str, detail: str | None = None, data: Any = None) -> JSONResponse:
    return JSONResponse({"data": data, "message": message, "messageDetail": detail, "status": "error"}, status_code=status)


def sw_sapien_app(state: SwSapienState) -> FastAPI:
    app = FastAPI()
    certifier = _SandboxCertifier()

    @app.middleware("http")
    async def record(request: Request, call_next):
        state.requests.append(f"{request.method} {request.url.path}")
        if state.delay_seconds:
            await asyncio.sleep(state.delay_seconds)
        return await call_next(request)

    @app.post("/v2/security/authenticate")
    async def authenticate(request: Request) -> JSONResponse:
        body = await request.json()
        if body.get("user") != USER or body.get("password") != PASSWORD:
            return _error(400, "AU2000 - El usuario y/o contraseña son inválidos, no se puede autenticar el servicio.")
        token = uuid.uuid4().hex
        state.tokens.add(token)
        return JSONResponse({"data": {"token": token, "expires_in": 7200, "tokeny_type": "bearer"}, "status": "success"})

    def authorized(request: Request) -> bool:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        return scheme.lower() == "bearer" and token in state.tokens

    @app.post("/cfdi33/stamp/v4")
    async def stamp(request: Request) -> JSONResponse:
        if not authorized(request):
            return _error(401, "AU4101 - El token proporcionado viene vacio.")
        form = await request.form()
        upload = form.get("xml")
        if upload is None or isinstance(upload, str):
            return _error(400, "CFDI40101 - El archivo XML no fue recibido.")
        try:
            cfdi = CFDI.from_string(await upload.read())
        except Exception:
            return _error(400, "CFDI40101 - El documento no es un CFDI 4.0 bien formado.")
        if cfdi["Sello"] in state.stamped:
            return _error(400, "307. El comprobante contiene un timbre previo.", data=state.stamped[cfdi["Sello"]])
        if not seal_verifies(cfdi):
            return _error(400, "CFDI40102 - El resultado de la digestión debe ser igual al resultado de la desencripción del sello.")
        if cfdi["Receptor"]["Rfc"] in state.unregistered:
            return _error(400, "CFDI40145 - El campo Rfc del receptor no se encuentra en la lista de RFC inscritos no cancelados en el SAT.")
        folio, stamped_at = str(uuid.uuid4()), datetime.now().replace(microsecond=0)
        timbre = TimbreFiscalDigital(proveedor=certifier, uuid=folio, fecha_timbrado=stamped_at, sello_cfd=cfdi["Sello"])
        cfdi["Complemento"] = {"TimbreFiscalDigital": timbre}
        data = {
            "cadenaOriginalSAT": timbre.cadena_original(), "noCertificadoSAT": certifier.certificate_number,
            "noCertificadoCFDI": cfdi["NoCertificado"], "uuid": folio, "selloSAT": timbre["SelloSAT"],
            "selloCFDI": cfdi["Sello"], "fechaTimbrado": stamped_at.isoformat(), "qrCode": "", "cfdi": cfdi.xml_bytes().decode(),
        }
        state.stamped[cfdi["Sello"]] = data
        return JSONResponse({"data": data, "status": "success"})

    @app.post("/cfdi33/cancel/csd")
    async def cancel(request: Request) -> JSONResponse:
        if not authorized(request):
            return _error(401, "AU4101 - El token proporcionado viene vacio.")
        body = await request.json()
        known = {data["uuid"].upper() for data in state.stamped.values()}
        if str(body.get("uuid", "")).upper() not in known or body.get("motivo") not in ("01", "02", "03", "04"):
            return _error(400, "CA1000 - El UUID no existe o el motivo no es válido.")
        state.cancelled.append(body)
        return JSONResponse({"data": {"acuse": "<Acuse/>", "uuid": {body["uuid"]: "201"}}, "status": "success"})

    return app
