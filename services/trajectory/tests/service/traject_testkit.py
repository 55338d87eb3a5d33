"""Helpers of the service tests: DUO's notifications, DUO dossiers, a trajectory opened by pip's event."""

import uuid
from functools import cache
from urllib.parse import quote

from duo_simulator.identiteit import certificaat_pem
from duo_testkit import BSN, DUO_OIN, GEMEENTE_OIN

INBURGERAAR = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())


@cache
def certificaat(oin: str = DUO_OIN) -> str:
    """A client certificate naming `oin`, as the TLS-terminating proxy forwards it (X-Client-Cert)."""
    return quote(certificaat_pem(oin)[0].decode())


def duo_koppen(
    bron: str = DUO_OIN, doel: str = GEMEENTE_OIN, bericht_id: str | None = None
) -> dict[str, str]:
    """The headers of a notification from DUO, with DUO's certificate as the proxy forwards it."""
    return {
        "bron": bron,
        "doel": doel,
        "berichtId": bericht_id or str(uuid.uuid4()),
        "X-Client-Cert": certificaat(),
    }


def notificeer(client, gebeurtenis="SS139", *, bericht_id=None, bron=DUO_OIN, doel=GEMEENTE_OIN, **velden):
    body = {
        "registratieDatumTijd": "2026-11-02T09:30:00Z",
        "bsn": BSN,
        "gebeurtenisId": gebeurtenis,
        **velden,
    }
    return client.post("/v1/notificaties", json=body, headers=duo_koppen(bron, doel, bericht_id))


def dossiers(client, auth_headers):
    return client.get("/v1/duo-dossiers", headers=auth_headers("klantmanager")).json()["results"]


def pip_vastgesteld(client, auth_headers, url, inburgeraar=INBURGERAAR, actie="update", status="vastgesteld"):
    """pip's event: the PIP at `url` (a version of it) is vastgesteld (or, with `actie`
    pip-ingetrokken and `status` ingetrokken, withdrawn)."""
    event = {
        "id": str(uuid.uuid4()),
        "kanaal": "pips",
        "hoofdObject": inburgeraar,
        "resource": "pip",
        "resourceUrl": url,
        "actie": actie,
        "aanmaakdatum": "2026-11-01T10:00:00Z",
        "kenmerken": {"gemeentecode": "GM0171", "status": status},
    }
    assert (
        client.post("/v1/callbacks", json=event, headers=auth_headers("service", gemeente="*")).status_code
        == 204
    )


def open_traject(client, auth_headers, pips, inburgeraar=INBURGERAAR, **pip):
    url = pips.add(inburgeraar, **pip)
    pip_vastgesteld(client, auth_headers, url, inburgeraar)
    page = client.get(
        "/v1/trajecten", params={"inburgeraar": inburgeraar}, headers=auth_headers("klantmanager")
    )
    [traject] = page.json()["results"]
    return traject


def gepubliceerd(app, kanaal):
    from sqlalchemy import select

    with app.state.session_factory() as session:
        payloads = [r.payload for r in session.execute(select(app.state.outbox.events))]
    return [p for p in payloads if p["kanaal"] == kanaal]
