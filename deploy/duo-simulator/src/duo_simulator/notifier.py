"""DUO's side of the Notificatie API (Notificatie.openapi.yml): POST /notificaties to the gemeente."""

import uuid
from datetime import UTC, datetime

import httpx

from duo_simulator.control_schemas import NotificatieOpdracht, NotificatieVerslag


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
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 10.0,
) -> NotificatieVerslag:
    """POST the notification to the callback URL and report what the gemeente answered."""
    tijdstip = datetime.now(UTC)
    body = notificatie(opdracht, tijdstip)
    bericht_id = str(uuid.uuid4())
    headers = {"bron": bron, "doel": doel, "berichtId": bericht_id}
    url = str(opdracht.callbackUrl)
    try:
        async with httpx.AsyncClient(transport=transport, timeout=timeout) as client:
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
