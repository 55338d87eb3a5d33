"""The control API (/simulator/...): outages, the fixed date, notifications, reset."""

from urllib.parse import unquote

import httpx
import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from duo_simulator.main import create_app
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient
from simulator_testkit import BSN, DUO_OIN, GEMEENTE_OIN, feiten, headers


def test_outage_for_the_next_n_requests_answers_503_with_api_version(duo):
    duo.seed()
    duo.client.put("/simulator/storing", json={"aantal": 2})
    statussen = [duo("GET", f"/v1/personen/{BSN}/inburgeringsplicht") for _ in range(3)]
    assert [r.status_code for r in statussen] == [503, 503, 200]
    assert statussen[0].headers["API-Version"] == "1.2.2"
    assert duo.client.get("/simulator/storing").json() == {"actief": False, "resterend": None}


def test_outage_until_cleared(duo):
    duo.seed()
    assert duo.client.put("/simulator/storing", json={}).json() == {"actief": True, "resterend": None}
    assert all(duo("GET", f"/v1/personen/{BSN}/PIP").status_code == 503 for _ in range(5))
    duo.client.delete("/simulator/storing")
    assert duo("GET", f"/v1/personen/{BSN}/PIP").status_code == 404


def test_outage_does_not_touch_the_control_api(duo):
    duo.client.put("/simulator/storing", json={})
    assert duo.client.put(f"/simulator/personen/{BSN}", json=feiten()).status_code == 201


def test_replacing_facts_keeps_what_the_gemeente_wrote(duo):
    duo.seed()
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    gelezen = duo.seed(inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"})
    assert gelezen["pips"][0]["pip"]["dagtekeningPip"] == "2025-02-01"
    assert gelezen["feiten"]["inburgeringstermijn"]["startdatum"] == "2025-02-02"


def test_reset_and_delete(duo):
    duo.seed()
    assert duo.client.delete(f"/simulator/personen/{BSN}").status_code == 204
    assert duo.client.get(f"/simulator/personen/{BSN}").status_code == 404
    duo.seed()
    duo.client.post("/simulator/reset")
    assert duo("GET", f"/v1/personen/{BSN}/inburgeringsplicht").status_code == 404


@pytest.fixture
def gemeente():
    """A stand-in for the gemeente's Notificatie API that records what it receives."""
    app = FastAPI()
    app.state.ontvangen = []

    @app.post("/api/duo/notificaties")
    async def ontvang(request: Request):
        app.state.ontvangen.append((dict(request.headers), await request.json()))
        return Response(status_code=201)

    return app


def test_notification_is_posted_exactly_per_notificatie_openapi(gemeente, contract):
    simulator = create_app(duo_oin=DUO_OIN, notificatie_transport=httpx.ASGITransport(app=gemeente))
    with TestClient(simulator) as client:
        client.put(f"/simulator/personen/{BSN}", json=feiten())
        verslag = client.post(
            "/simulator/notificaties",
            json={
                "bsn": BSN,
                "vNummer": 1234567,
                "gebeurtenisId": "SS139",
                "callbackUrl": "http://gemeente.test/api/duo/notificaties",
            },
        ).json()
    assert verslag["status"] == 201
    [(ontvangen_headers, body)] = gemeente.state.ontvangen
    assert ontvangen_headers["bron"] == DUO_OIN
    assert ontvangen_headers["doel"] == GEMEENTE_OIN
    assert ontvangen_headers["berichtid"] == verslag["berichtId"]
    # No TLS-terminating proxy between them over http: DUO's certificate is forwarded as that proxy would.
    certificaat = x509.load_pem_x509_certificate(unquote(ontvangen_headers["x-client-cert"]).encode())
    assert certificaat.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == DUO_OIN
    assert set(body) == {"registratieDatumTijd", "bsn", "vNummer", "gebeurtenisId"}
    assert body["registratieDatumTijd"].endswith("Z")
    assert (body["bsn"], body["vNummer"], body["gebeurtenisId"]) == (BSN, 1234567, "SS139")
    contract.valideer_request(
        "POST",
        "/api/duo/notificaties",
        {**ontvangen_headers, "content-type": "application/json"},
        httpx.Request("POST", "http://x", json=body).content,
        basispad="/api/duo",
    )
    contract.valideer_response(
        "POST", "/api/duo/notificaties", verslag["status"], {"API-Version": "1.8.0"}, b"", basispad="/api/duo"
    )


def test_notification_to_an_unreachable_gemeente_is_reported(duo):
    duo.seed()
    verslag = duo.client.post(
        "/simulator/notificaties",
        json={"bsn": BSN, "gebeurtenisId": "SS101", "callbackUrl": "http://127.0.0.1:9/notificaties"},
    ).json()
    assert verslag["status"] is None and verslag["fout"]
    assert "vNummer" not in verslag["verzonden"]
    assert duo.client.get("/simulator/notificaties").json() == [verslag]


def test_unknown_gebeurtenis_is_refused_by_the_control_api(duo):
    duo.seed()
    response = duo.client.post(
        "/simulator/notificaties",
        json={"bsn": BSN, "gebeurtenisId": "SS999", "callbackUrl": "http://gemeente.test/n"},
    )
    assert response.status_code == 422


def test_notification_needs_a_doel_for_an_unknown_person(duo):
    response = duo.client.post(
        "/simulator/notificaties",
        json={"bsn": BSN, "gebeurtenisId": "SS101", "callbackUrl": "http://gemeente.test/n"},
    )
    assert response.status_code == 422


def test_headers_helper_is_valid_for_the_contract(contract):
    contract.valideer_request("GET", f"/v1/personen/{BSN}/inburgeringsplicht", headers(), None)


def test_a_chosen_answer_replaces_duos_for_that_request_only_until_removed(duo):
    duo.seed()
    pad = f"/v1/personen/{BSN}/doelgroep"
    buiten_schema = {"indeling": "Gezinsmigrant-plus", "gedetailleerdeDoelgroep": 7}
    vast = {"methode": "GET", "pad": pad, "body": buiten_schema}
    assert duo.client.post("/simulator/vaste-antwoorden", json=vast).status_code == 201
    antwoord = duo.client.get(pad, headers=headers())
    assert (antwoord.status_code, antwoord.json()) == (200, buiten_schema)
    assert antwoord.headers["API-Version"] == "1.2.2"
    assert duo("GET", f"/v1/personen/{BSN}/inburgeringsplicht").status_code == 200
    assert duo.client.get("/simulator/vaste-antwoorden").json() == [{**vast, "status": 200}]
    assert duo.client.delete("/simulator/vaste-antwoorden").status_code == 204
    assert duo("GET", pad).json()["indeling"] == "Asielstatushouder"
