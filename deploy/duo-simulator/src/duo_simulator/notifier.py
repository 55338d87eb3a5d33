"""DUO's side of the Notificatie API (Notificatie.openapi.yml): POST /notificaties to the gemeente."""

import os
import ssl
import uuid
from datetime import UTC, datetime

import httpx

from duo_simulator.control_schemas import NotificatieOpdracht, NotificatieVerslag
from duo_simulator.identiteit import Identiteit


def notificatie(opdracht: NotificatieOpdracht, tijdstip: datetime) -> dict[str, str | int]:
    """The `Notificatie` body: registratieDatumTijd, bsn, vNummer (when known), gebeurtenisId."""
    body: dict[str, str | int] = {
        "registratieDatumTijd": tijdstip.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "bsn": opdracht.bsn,
        "gebeurtenisId": opdracht.gebeurtenisId.value,
    }
    if opdracht.vNummer is not None:
        body["vNummer"] = opdracht.vNummer
    return body


async def verstuur(
    opdracht: NotificatieOpdracht,
    *,
    bron: str,
    doel: str,
    identiteit: Identiteit,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 10.0,
) -> NotificatieVerslag:
    """POST the notification to the callback URL and report what the gemeente answered.

    Over https DUO presents its client certificate (mTLS with the gemeente's TLS-terminating proxy);
    over plain http, in development where no proxy stands between them, the simulator forwards the
    certificate as that proxy would (`X-Client-Cert`).
    """
    tijdstip = datetime.now(UTC)
    body = notificatie(opdracht, tijdstip)
    bericht_id = str(uuid.uuid4())
    headers = {"bron": bron, "doel": doel, "berichtId": bericht_id}
    url = str(opdracht.callbackUrl)
    tls: dict = {}
    if url.startswith("https:"):
        context = ssl.create_default_context(cafile=os.environ.get("DUO_SIMULATOR_CA_BUNDLE"))
        context.load_cert_chain(identiteit.certfile, identiteit.keyfile)
        tls["verify"] = context
    else:
        headers["X-Client-Cert"] = identiteit.doorgestuurd
    try:
        async with httpx.AsyncClient(transport=transport, timeout=timeout, **tls) as client:
            response = await client.post(url, json=body, headers=headers)
    except httpx.HTTPError as fout:
        return NotificatieVerslag(
            callbackUrl=url,
            berichtId=bericht_id,
            verzonden=body,
            status=None,
            fout=repr(fout),
            tijdstip=tijdstip,
        )
    return NotificatieVerslag(
        callbackUrl=url, berichtId=bericht_id, verzonden=body, status=response.status_code, tijdstip=tijdstip
    )
