"""Why a value DUO holds changed: the klantmanager reads DUO's history of the plicht, the doelgroep and
the termijn (with DUO's verlengingsgrond) on the DUO dossier; DUO's errors come back in words, no BSN."""

import httpx
from duo_testkit import BSN, feiten
from traject_testkit import INBURGERAAR, dossiers, notificeer

TERMIJN = {"startdatum": "2025-03-02", "einddatum": "2028-09-02"}
VERLENGD = {
    "einddatum": "2028-03-02",
    "wijzigingsdatum": "2026-10-01",
    "verlengingsgrondcode": "ZIEK",
    "verlengingsgrondomschrijving": "Ziekte",
}


def aangemeld(client, auth_headers, duo) -> str:
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(
        f"/simulator/personen/{BSN}",
        json=feiten(inburgeringstermijn=TERMIJN, inburgeringstermijnHistorie=[VERLENGD]),
    )
    notificeer(client, "SS139")
    notificeer(client, "SS102", registratieDatumTijd="2026-11-03T09:30:00Z")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    return f"/v1/duo-dossiers/{dossier['uuid']}/historie"


def test_the_termijn_history_shows_duos_verlengingsgrond(client, auth_headers, duo, contract):
    pad = aangemeld(client, auth_headers, duo)
    response = client.get(f"{pad}/inburgeringstermijn", headers=auth_headers("klantmanager"))
    assert response.status_code == 200
    body = response.json()
    assert body["huidig"] == TERMIJN
    assert body["historie"] == [VERLENGD]
    assert body["bron"] == "DUO Inburgeringstermijn API, getInburgeringstermijnhistorieByBsn"
    [lezing] = [u for u in duo.transport.uitwisselingen if u.pad.endswith("/inburgeringstermijn/historie")]
    contract.valideer_response(
        lezing.methode, lezing.pad, lezing.status, lezing.response_headers, lezing.response_body
    )


def test_a_person_without_history_at_duo_has_an_empty_history(client, auth_headers, duo):
    pad = aangemeld(client, auth_headers, duo)
    body = client.get(f"{pad}/doelgroep", headers=auth_headers("klantmanager")).json()
    assert (body["historie"], body["huidig"]["indeling"]) == ([], "Asielstatushouder")


def test_duos_errors_come_back_in_words_without_the_bsn(client, auth_headers, duo):
    pad = aangemeld(client, auth_headers, duo)
    km = auth_headers("klantmanager")

    duo.beheer.put("/simulator/storing", json={})
    onbereikbaar = client.get(f"{pad}/inburgeringsplicht", headers=km)
    assert onbereikbaar.status_code == 503
    assert "DUO is niet bereikbaar" in onbereikbaar.json()["detail"]
    duo.beheer.delete("/simulator/storing")

    vast = {
        "methode": "GET",
        "pad": f"/v1/personen/{BSN}/inburgeringsplicht/historie",
        "body": [{"begindatum": 5}],
    }
    duo.beheer.post("/simulator/vaste-antwoorden", json=vast)
    buiten_contract = client.get(f"{pad}/inburgeringsplicht", headers=km)
    assert buiten_contract.status_code == 502
    assert "valt buiten DUO's contract" in buiten_contract.json()["detail"]
    assert BSN not in buiten_contract.text

    def weiger(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json=[{"fouttekst": f"Persoon {BSN} hoort niet bij uw gemeente"}])

    duo.transport = httpx.MockTransport(weiger)
    geweigerd = client.get(f"{pad}/inburgeringsplicht", headers=km)
    assert geweigerd.status_code == 502
    assert geweigerd.json()["detail"] == (
        "DUO beantwoordde de vraag naar de historie niet: Persoon [bsn] hoort niet bij uw gemeente"
    )


def test_only_the_known_values_and_the_gemeentes_own_dossiers(client, auth_headers, duo):
    pad = aangemeld(client, auth_headers, duo)
    assert client.get(f"{pad}/examens", headers=auth_headers("klantmanager")).status_code == 400
    ander = auth_headers("klantmanager", gemeente="GM0200")
    assert client.get(f"{pad}/doelgroep", headers=ander).status_code == 404
