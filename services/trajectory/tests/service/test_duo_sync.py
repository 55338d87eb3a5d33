"""DUO's notifications and the two-way sync, against the DUO simulator; every DUO exchange is checked
against DUO's OpenAPI documents."""

import uuid
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from duo_testkit import BSN, controleer_contract, feiten
from traject_testkit import (
    INBURGERAAR,
    certificaat,
    dossiers,
    duo_koppen,
    gepubliceerd,
    notificeer,
    open_traject,
)


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
        {"bsn": BSN + "\x00"},
    ],
    ids=[
        "kleine-letters",
        "te-lang",
        "bsn-8-cijfers",
        "geen-datum-tijd",
        "zonder-offset",
        "vnummer-te-groot",
        "bsn-met-nul-teken",
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
        "/v1/notificaties",
        json={"registratieDatumTijd": "2026-11-02T09:30:00Z", "gebeurtenisId": "SS139"},
        headers={"X-Client-Cert": certificaat()},
    )
    assert response.status_code == 400
    assert notificeer(client, bron="1" * 20).status_code == 403
    assert notificeer(client, doel="2" * 20).status_code == 403
    assert dossiers(client, auth_headers) == []


@pytest.mark.parametrize(
    ("certificaat_header", "status"),
    [
        (None, 401),
        ("geen-certificaat", 401),
        ("OIN van een ander", 403),
    ],
    ids=["zonder-certificaat", "onleesbaar", "ander-oin"],
)
def test_a_notification_without_duos_certificate_changes_nothing(
    client, auth_headers, contract, certificaat_header, status
):
    headers = duo_koppen()
    if certificaat_header is None:
        del headers["X-Client-Cert"]
    elif certificaat_header == "OIN van een ander":
        headers["X-Client-Cert"] = certificaat("1" * 20)
    else:
        headers["X-Client-Cert"] = certificaat_header
    body = {"registratieDatumTijd": "2026-11-02T09:30:00Z", "bsn": BSN, "gebeurtenisId": "SS120"}
    response = client.post("/v1/notificaties", json=body, headers=headers)
    assert (response.status_code, response.content) == (status, b"")
    contract.valideer_response("POST", "/v1/notificaties", status, dict(response.headers), response.content)
    assert dossiers(client, auth_headers) == []


def test_a_certificate_of_duo_with_another_bron_is_403(client, auth_headers):
    headers = {**duo_koppen(), "X-Client-Cert": certificaat("1" * 20)}
    headers["bron"] = "1" * 20  # bron and certificate agree, but neither is DUO
    body = {"registratieDatumTijd": "2026-11-02T09:30:00Z", "bsn": BSN, "gebeurtenisId": "SS139"}
    assert client.post("/v1/notificaties", json=body, headers=headers).status_code == 403
    headers = {**duo_koppen(bron="1" * 20)}  # DUO's certificate, another bron
    assert client.post("/v1/notificaties", json=body, headers=headers).status_code == 403
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
            ],
            gratisPogingen=[{"onderdeel": "LE", "gratisPogingenTegoed": 1}],
        ),
    )
    notificeer(client, "SS199")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert dossier["examenresultaten"] == [
        {"examendatum": "2026-10-20", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"}
    ]
    assert dossier["gratisPogingen"] == [{"onderdeel": "LE", "gratisPogingenTegoed": 1}]


def test_ss137_brings_the_examennummer_of_the_leerbaarheidstoets(client, auth_headers, duo):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(examennummer="LBT0042"))
    notificeer(client, "SS137")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert dossier["examennummer"] == {"examennummer": "LBT0042"}
    assert dossier["sync"]["status"] == "bijgewerkt"


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


def test_notification_naming_nobody_is_kept_as_an_error_for_operators(client, duo):
    body = {"registratieDatumTijd": "2026-11-02T09:30:00Z", "gebeurtenisId": "SS101"}
    assert client.post("/v1/notificaties", json=body, headers=duo_koppen()).status_code == 201
    assert duo.sync.ronde() == 0


def _alleen_v_nummer(client, gebeurtenis: str, v_nummer: int):
    body = {"registratieDatumTijd": "2026-11-03T09:30:00Z", "vNummer": v_nummer, "gebeurtenisId": gebeurtenis}
    assert client.post("/v1/notificaties", json=body, headers=duo_koppen()).status_code == 201


def test_a_vnummer_only_notification_is_acted_on_for_the_dossier_carrying_that_vnummer(
    client, auth_headers, duo
):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, "SS139", vNummer=1234567890)
    duo.sync.ronde()
    examen = {"examendatum": "2026-10-20", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"}
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(examenresultaten=[examen]))
    _alleen_v_nummer(client, "SS199", 1234567890)
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert [n["status"] for n in dossier["notificaties"]] == ["verwerkt", "verwerkt"]
    assert dossier["examenresultaten"] == [examen]


def test_a_vnummer_only_notification_waits_for_duo_to_name_the_bsn_with_it(client, auth_headers, duo, app):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    _alleen_v_nummer(client, "SS199", 42)
    nu = datetime.now(UTC)
    duo.sync.ronde(nu)
    assert dossiers(client, auth_headers) == []  # nobody to show it on yet: retried with backoff
    notificeer(client, "SS139", vNummer=42)
    duo.sync.ronde(nu + timedelta(seconds=1))
    [dossier] = dossiers(client, auth_headers)
    assert {(n["gebeurtenisId"], n["status"]) for n in dossier["notificaties"]} == {
        ("SS139", "verwerkt"),
        ("SS199", "verwerkt"),
    }
    assert dossier["sync"]["status"] == "bijgewerkt"


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
    assert dossier["sync"]["status"] == "storing"
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


ANDERE = ("999990020", "999990032")
"""Two more people in the same gemeente."""


def test_an_answer_outside_duos_schema_holds_up_only_that_person_and_converges_once_corrected(
    client, auth_headers, duo, app
):
    for bsn in (BSN, *ANDERE):
        duo.beheer.put(f"/simulator/personen/{bsn}", json=feiten())
        notificeer(client, "SS139", bsn=bsn)
    vast = {"methode": "GET", "pad": f"/v1/personen/{BSN}/doelgroep", "body": {"indeling": "Nieuwkomer"}}
    duo.beheer.post("/simulator/vaste-antwoorden", json=vast)
    nu = datetime.now(UTC)
    assert duo.sync.ronde(nu) == 3
    per_bsn = {d["gemeentecode"] + str(i): d for i, d in enumerate(dossiers(client, auth_headers))}
    statussen = sorted(d["sync"]["status"] for d in per_bsn.values())
    assert statussen == ["bijgewerkt", "bijgewerkt", "storing"]
    [storing] = [d for d in per_bsn.values() if d["sync"]["status"] == "storing"]
    assert storing["sync"]["laatsteFout"].startswith(
        "DUO's antwoord op GET /personen/{bsn}/doelgroep valt buiten DUO's contract: indeling:"
    )
    assert storing["inburgeringsplicht"] is None  # the failed attempt changed nothing
    # Retried with backoff, then parked for a person to resolve.
    for poging in range(2, app.state.settings.duo_max_pogingen + 1):
        duo.sync.ronde(nu + timedelta(minutes=poging))
    [storing] = [d for d in dossiers(client, auth_headers) if d["sync"]["status"] == "storing"]
    assert storing["notificaties"][0]["status"] == "geparkeerd"
    assert storing["sync"]["geparkeerd"] == 1
    assert storing["notificaties"][0]["resultaat"].startswith("Geparkeerd na 6 pogingen: DUO's antwoord")
    duo.beheer.delete("/simulator/vaste-antwoorden")
    assert client.post("/v1/duo-sync", headers=auth_headers("beheer")).json()["heropendeNotificaties"] == 1
    duo.sync.ronde(nu + timedelta(hours=1))
    assert {d["sync"]["status"] for d in dossiers(client, auth_headers)} == {"bijgewerkt"}


def test_a_write_duo_answers_out_of_schema_or_too_slowly_is_retried_with_its_berichtid_then_parked(
    client, auth_headers, pips, duo, app
):
    open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, "SS139")
    echt = duo.transport

    def traag(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            raise httpx.ReadTimeout("traag", request=request)
        return echt.handle_request(request)

    duo.transport = httpx.MockTransport(traag)
    nu = datetime.now(UTC)
    for poging in range(app.state.settings.duo_max_pogingen):
        duo.sync.ronde(nu + timedelta(minutes=poging))
    [dossier] = dossiers(client, auth_headers)
    [pip] = dossier["opdrachten"]
    assert (pip["soort"], pip["status"], pip["pogingen"]) == ("pip", "geparkeerd", 6)
    assert "DUO antwoordde niet op tijd" in pip["resultaat"]
    assert dossier["sync"]["status"] == "storing"
    duo.transport = echt
    client.post("/v1/duo-sync", headers=auth_headers("beheer"))
    duo.sync.ronde(nu + timedelta(hours=1))
    [dossier] = dossiers(client, auth_headers)
    assert dossier["opdrachten"][0]["status"] == "verzonden"
    posts = [u for u in echt.uitwisselingen if u.methode == "POST"]
    assert len(posts) == 1


def test_every_delivery_of_a_write_carries_the_same_berichtid(client, auth_headers, pips, duo):
    open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, "SS139")
    echt, ids = duo.transport, []

    def eerst_kapot(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            ids.append(request.headers["berichtId"])
            if len(ids) == 1:
                return httpx.Response(400)
        return echt.handle_request(request)

    duo.transport = httpx.MockTransport(eerst_kapot)
    nu = datetime.now(UTC)
    duo.sync.ronde(nu)
    duo.sync.ronde(nu + timedelta(minutes=5))
    assert len(ids) == 2 and ids[0] == ids[1]
    assert dossiers(client, auth_headers)[0]["opdrachten"][0]["status"] == "verzonden"


def test_a_pip_version_announced_twice_goes_to_duo_once(client, auth_headers, pips, duo):
    import uuid as _uuid

    open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    [pip_url] = pips.pips
    event = {
        "id": str(_uuid.uuid4()),
        "kanaal": "pips",
        "hoofdObject": INBURGERAAR,
        "resource": "pip",
        "resourceUrl": pip_url,
        "actie": "update",
        "aanmaakdatum": "2026-11-01T10:05:00Z",
        "kenmerken": {"gemeentecode": "GM0171", "status": "vastgesteld"},
    }
    service = auth_headers("service", gemeente="*")
    assert client.post("/v1/callbacks", json=event, headers=service).status_code == 204
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, "SS139")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert [(o["soort"], o["status"]) for o in dossier["opdrachten"]] == [("pip", "verzonden")]
