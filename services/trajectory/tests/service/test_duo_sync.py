"""DUO's notifications and the two-way sync, against the DUO simulator; every DUO exchange is checked
against DUO's OpenAPI documents."""

import uuid
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from duo_testkit import BSN, DUO_OIN, GEMEENTE_OIN, controleer_contract, feiten
from traject_testkit import INBURGERAAR, dossiers, gepubliceerd, notificeer, open_traject


def test_notification_is_answered_exactly_as_duo_specifies(client, contract):
    bericht_id = str(uuid.uuid4())
    response = notificeer(client, bericht_id=bericht_id, vNummer=1234567890)
    assert response.status_code == 201
    assert response.content == b""
    assert response.headers["API-Version"] == "1.8.0"
    request = response.request
    contract.valideer_request("POST", "/v1/notificaties", dict(request.headers), request.content)
    contract.valideer_response("POST", "/v1/notificaties", 201, dict(response.headers), response.content)


@pytest.mark.parametrize(
    "aanpassing",
    [
        {"gebeurtenisId": "ss139"},
        {"gebeurtenisId": "SS1399X"},
        {"bsn": "12345678"},
        {"registratieDatumTijd": "gisteren"},
        {"registratieDatumTijd": "2026-11-02T09:30:00"},
        {"vNummer": 99999999999},
    ],
    ids=[
        "kleine-letters",
        "te-lang",
        "bsn-8-cijfers",
        "geen-datum-tijd",
        "zonder-offset",
        "vnummer-te-groot",
    ],
)
def test_invalid_notification_is_400_without_body_and_stores_nothing(
    client, auth_headers, contract, aanpassing
):
    response = notificeer(client, **aanpassing)
    assert response.status_code == 400
    assert response.content == b""
    contract.valideer_response("POST", "/v1/notificaties", 400, dict(response.headers), response.content)
    assert dossiers(client, auth_headers) == []


def test_missing_headers_are_400_and_strangers_are_403(client, auth_headers):
    response = client.post(
        "/v1/notificaties", json={"registratieDatumTijd": "2026-11-02T09:30:00Z", "gebeurtenisId": "SS139"}
    )
    assert response.status_code == 400
    assert notificeer(client, bron="1" * 20).status_code == 403
    assert notificeer(client, doel="2" * 20).status_code == 403
    assert dossiers(client, auth_headers) == []


def test_same_bericht_id_twice_is_stored_once(client, auth_headers):
    bericht_id = str(uuid.uuid4())
    assert notificeer(client, bericht_id=bericht_id).status_code == 201
    assert notificeer(client, bericht_id=bericht_id).status_code == 201
    [dossier] = dossiers(client, auth_headers)
    assert len(dossier["notificaties"]) == 1
    assert dossier["sync"]["status"] == "bezig"


def test_ss139_reads_the_plicht_starts_the_pip_clock_and_links_the_inburgeraar(
    client, auth_headers, duo, contract
):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS139")
    assert duo.sync.ronde() == 1
    [dossier] = dossiers(client, auth_headers)
    assert dossier["pipKlokStart"] == "2026-11-02"
    assert dossier["inburgeraar"] == INBURGERAAR
    assert dossier["inburgeringsplicht"]["begindatum"] == "2025-01-01"
    assert dossier["doelgroep"]["indeling"] == "Asielstatushouder"
    assert dossier["notificaties"][0]["status"] == "verwerkt"
    assert dossier["notificaties"][0]["omschrijving"].startswith("Persoon is inburgeringsplichtig")
    assert dossier["sync"]["status"] == "bijgewerkt"
    assert controleer_contract(contract, duo.transport.uitwisselingen) == 3


def test_ss199_brings_the_exam_result(client, auth_headers, duo):
    duo.beheer.put(
        f"/simulator/personen/{BSN}",
        json=feiten(
            examenresultaten=[
                {"examendatum": "2026-10-20", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"}
            ]
        ),
    )
    notificeer(client, "SS199")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert dossier["examenresultaten"] == [
        {"examendatum": "2026-10-20", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"}
    ]


def test_unknown_gebeurtenis_is_stored_and_needs_no_action(client, auth_headers, duo):
    notificeer(client, "SS999")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert dossier["notificaties"][0]["status"] == "verwerkt"
    assert dossier["notificaties"][0]["resultaat"] == "Geen actie voor deze gebeurtenis."
    assert duo.transport.uitwisselingen == []


def test_ss102_makes_duos_termijn_the_trajectorys(client, auth_headers, pips, duo):
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    assert (traject["termijnStart"], traject["termijnEinde"]) == ("2026-01-16", "2029-01-16")
    assert traject["termijnVerlengdTot"] is None
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(
        f"/simulator/personen/{BSN}",
        json=feiten(inburgeringstermijn={"startdatum": "2026-01-16", "einddatum": "2029-07-16"}),
    )
    notificeer(client, "SS104")
    duo.sync.ronde()
    traject = client.get(f"/v1/trajecten/{traject['uuid']}", headers=auth_headers("klantmanager")).json()
    # three years from the start is the R4 end; DUO's later end is the extension (R5)
    assert (traject["termijnEinde"], traject["termijnVerlengdTot"]) == ("2029-01-16", "2029-07-16")
    deadlines = client.get("/v1/deadlines?status=open", headers=auth_headers("klantmanager")).json()[
        "results"
    ]
    assert "2029-07-15" in {d["vervaldatum"] for d in deadlines if d["soort"] == "inburgeringstermijn"}


def test_an_outage_loses_nothing_and_the_sync_converges(client, auth_headers, duo):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.beheer.put("/simulator/storing", json={})
    notificeer(client, "SS139")
    nu = datetime.now(UTC)
    duo.sync.ronde(nu)
    [dossier] = dossiers(client, auth_headers)
    assert dossier["sync"]["status"] == "storing"
    assert dossier["sync"]["openNotificaties"] == 1
    assert "DUO niet bereikbaar" in dossier["sync"]["laatsteFout"]
    assert dossier["notificaties"][0]["pogingen"] == 1
    duo.sync.ronde(nu)  # not yet due: backoff
    assert dossiers(client, auth_headers)[0]["notificaties"][0]["pogingen"] == 1
    duo.beheer.delete("/simulator/storing")
    duo.sync.ronde(nu + timedelta(minutes=2))
    [dossier] = dossiers(client, auth_headers)
    assert dossier["sync"]["status"] == "bijgewerkt"
    assert dossier["pipKlokStart"] == "2026-11-02"


def test_notification_without_bsn_is_kept_as_an_error_for_operators(client, auth_headers, duo):
    body = {"registratieDatumTijd": "2026-11-02T09:30:00Z", "vNummer": 12345, "gebeurtenisId": "SS101"}
    headers = {"bron": DUO_OIN, "doel": GEMEENTE_OIN, "berichtId": str(uuid.uuid4())}
    assert client.post("/v1/notificaties", json=body, headers=headers).status_code == 201
    assert duo.sync.ronde() == 0


def test_duo_sync_trigger_makes_open_work_due_now(client, auth_headers, duo):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.beheer.put("/simulator/storing", json={})
    notificeer(client, "SS139")
    nu = datetime.now(UTC)
    duo.sync.ronde(nu)
    duo.beheer.delete("/simulator/storing")
    assert client.post("/v1/duo-sync", headers=auth_headers("klantmanager")).status_code == 403
    response = client.post("/v1/duo-sync", headers=auth_headers("service", gemeente="*"))
    assert response.status_code == 202
    assert response.json() == {"heropendeNotificaties": 1, "heropendeOpdrachten": 0}
    duo.sync.ronde(nu + timedelta(seconds=1))  # before the backoff would have ended
    assert dossiers(client, auth_headers)[0]["sync"]["status"] == "bijgewerkt"


def test_a_bsn_in_duos_error_text_never_reaches_the_sync_state(client, auth_headers, duo):
    def weiger(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json=[{"fouttekst": f"BSN {BSN} hoort niet bij deze gemeente"}])

    duo.transport = httpx.MockTransport(weiger)
    notificeer(client, "SS139")
    duo.sync.ronde()
    response = client.get("/v1/duo-dossiers", headers=auth_headers("klantmanager"))
    [dossier] = response.json()["results"]
    assert dossier["sync"]["status"] == "fout"
    assert "[bsn] hoort niet bij deze gemeente" in dossier["sync"]["laatsteFout"]
    assert BSN not in response.text


def test_ss139_is_announced_to_pip_once_the_person_is_linked(client, auth_headers, duo, app):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, "SS139")
    duo.sync.ronde()
    assert gepubliceerd(app, "duo-dossiers") == []  # intake does not know the BSN yet: nobody to tell
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS199", registratieDatumTijd="2026-11-05T09:30:00Z")
    duo.sync.ronde()
    [event] = gepubliceerd(app, "duo-dossiers")
    [dossier] = dossiers(client, auth_headers)
    assert (event["hoofdObject"], event["resourceUrl"]) == (INBURGERAAR, dossier["url"])
    assert event["kenmerken"] == {"gemeentecode": "GM0171", "gebeurtenisId": "SS199"}
    assert dossier["pipKlokStart"] == "2026-11-02"
    notificeer(client, "SS199", registratieDatumTijd="2026-11-06T09:30:00Z")
    duo.sync.ronde()
    assert len(gepubliceerd(app, "duo-dossiers")) == 1  # the clock did not change


@pytest.mark.parametrize("gebeurtenis", ["SS120", "SS121"])
def test_settling_in_the_gemeente_moves_the_dossier_at_intake(client, auth_headers, duo, gebeurtenis):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, gebeurtenis, registratieDatumTijd="2026-10-31T23:30:00Z")
    duo.sync.ronde()
    assert duo.verhuizingen == [("GM0171", BSN, date(2026, 11, 1), gebeurtenis)]
    [dossier] = dossiers(client, auth_headers)
    assert dossier["notificaties"][0]["resultaat"].endswith("Verhuizing: dossier verhuisd naar deze gemeente")
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, gebeurtenis)  # DUO again, the dossier is linked here now: nothing to move
    duo.sync.ronde()
    assert len(duo.verhuizingen) == 1


def test_an_unreachable_intake_keeps_the_move_open_until_it_answers(client, auth_headers, duo):
    from inburgering_shared.problems import ServiceUnavailable

    def onbereikbaar(*_):
        raise ServiceUnavailable("Intake antwoordde niet.")

    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.sync.verhuis = onbereikbaar
    notificeer(client, "SS120")
    nu = datetime.now(UTC)
    duo.sync.ronde(nu)
    [dossier] = dossiers(client, auth_headers)
    assert (dossier["sync"]["status"], dossier["sync"]["laatsteFout"]) == (
        "storing",
        "Intake niet bereikbaar om het dossier te verhuizen.",
    )
    duo.sync.verhuis = duo.verhuis
    duo.sync.ronde(nu + timedelta(minutes=5))
    assert len(duo.verhuizingen) == 1
    assert dossiers(client, auth_headers)[0]["sync"]["status"] == "bijgewerkt"


@pytest.mark.parametrize(
    ("status", "resultaat"),
    [
        (200, "dossier verhuisd naar deze gemeente"),
        (409, "dossier was al in deze gemeente"),
        (404, "geen dossier in een andere gemeente"),
        (422, "intake weigerde de verhuizing (422)"),
    ],
)
def test_intake_verhuizer_posts_the_move_with_the_bsn_in_the_body(status, resultaat):
    import json

    from inburgering_shared.http import ServiceClient
    from trajectory_service.duo.sync import intake_verhuizer

    verzoeken = []

    def intake(request: httpx.Request) -> httpx.Response:
        verzoeken.append((request.method, str(request.url), json.loads(request.content)))
        return httpx.Response(status, json={})

    verhuis = intake_verhuizer(
        ServiceClient(lambda: "t", transport=httpx.MockTransport(intake)), "http://i/v1"
    )
    assert verhuis("GM0171", BSN, date(2026, 11, 1), "SS121") == resultaat
    assert verzoeken == [
        (
            "POST",
            "http://i/v1/verhuizingen",
            {"bsn": BSN, "naarGemeente": "GM0171", "datumVestiging": "2026-11-01", "gebeurtenis": "SS121"},
        )
    ]


def test_intake_verhuizer_reports_an_unreachable_intake():
    from inburgering_shared.http import ServiceClient
    from inburgering_shared.problems import ServiceUnavailable
    from trajectory_service.duo.sync import intake_verhuizer

    kapot = ServiceClient(lambda: "t", transport=httpx.MockTransport(lambda r: httpx.Response(503)))
    with pytest.raises(ServiceUnavailable):
        intake_verhuizer(kapot, "http://i/v1")("GM0171", BSN, date(2026, 11, 1), "SS120")
