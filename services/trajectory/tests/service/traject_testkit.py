"""Helpers of the service tests: DUO's notifications, DUO dossiers, a trajectory opened by pip's event."""

import uuid

from duo_testkit import BSN, DUO_OIN, GEMEENTE_OIN

INBURGERAAR = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())


def notificeer(client, gebeurtenis="SS139", *, bericht_id=None, bron=DUO_OIN, doel=GEMEENTE_OIN, **velden):
    body = {
        "registratieDatumTijd": "2026-11-02T09:30:00Z",
        "bsn": BSN,
        "gebeurtenisId": gebeurtenis,
        **velden,
    }
    headers = {"bron": bron, "doel": doel, "berichtId": bericht_id or str(uuid.uuid4())}
    return client.post("/v1/notificaties", json=body, headers=headers)


def dossiers(client, auth_headers):
    return client.get("/v1/duo-dossiers", headers=auth_headers("klantmanager")).json()["results"]


def open_traject(client, auth_headers, pips, **pip):
    url = pips.add(INBURGERAAR, **pip)
    event = {
        "id": str(uuid.uuid4()),
        "kanaal": "pips",
        "hoofdObject": INBURGERAAR,
        "resource": "pip",
        "resourceUrl": url,
        "actie": "update",
        "aanmaakdatum": "2026-11-01T10:00:00Z",
        "kenmerken": {"gemeentecode": "GM0171", "status": "vastgesteld"},
    }
    assert (
        client.post("/v1/callbacks", json=event, headers=auth_headers("service", gemeente="*")).status_code
        == 204
    )
    trajecten = client.get("/v1/trajecten", headers=auth_headers("klantmanager")).json()["results"]
    return next(t for t in trajecten if t["inburgeraar"] == INBURGERAAR)


def gepubliceerd(app, kanaal):
    from sqlalchemy import select

    with app.state.session_factory() as session:
        payloads = [r.payload for r in session.execute(select(app.state.outbox.events))]
    return [p for p in payloads if p["kanaal"] == kanaal]
