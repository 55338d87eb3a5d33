"""The PIP at the plicht's transitions: the Wet inburgering 2013 (art. 54 lid 1 Wet inburgering 2021) and
the end states DUO reports (art. 4, 5, 6), read from trajectory's DUO dossier on its event."""

from .conftest import concept_for, receive, vaststellen

VASTSTELLING = {"leerroute": "B1-route", "dagtekening": "2026-11-02"}


def meld(client, auth_headers, intake, pip, **velden):
    url = intake.add_duo_dossier(pip["inburgeraar"], **velden)
    response = receive(
        client, auth_headers, url, kanaal="duo-dossiers", actie="update", gebeurtenisId="SS101"
    )
    assert response.status_code == 204, response.text
    return client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers("klantmanager")).json()


def test_a_wet_2013_person_gets_no_pip_deadline_and_no_pip(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    assert pip["deadline"] == "2026-12-10"
    pip = meld(client, auth_headers, intake, pip, wet="Wet inburgering 2013")
    assert pip["wet"] == "Wet inburgering 2013"
    assert pip["deadline"] is None
    assert pip["termijn"]["status"] == "vervallen"
    assert pip["termijn"]["afsluitreden"] == "WI2013: art. 54 lid 1 Wet inburgering 2021"
    scheduler = auth_headers("scheduler", gemeente="*")
    assert client.get("/v1/deadlines", headers=scheduler).json()["count"] == 0
    [vervallen] = client.get("/v1/deadlines?status=vervallen", headers=scheduler).json()["results"]
    assert vervallen["afsluitreden"] == "WI2013: art. 54 lid 1 Wet inburgering 2021"

    response = vaststellen(client, auth_headers, pip["uuid"], VASTSTELLING)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    [param] = response.json()["invalidParams"]
    assert param["code"] == "WI2013"
    assert "art. 54 lid 1 Wet inburgering 2021" in param["reason"]
    assert client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers("klantmanager")).json()["status"] == (
        "concept"
    )


def test_a_wet_2021_person_keeps_the_deadline(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    pip = meld(client, auth_headers, intake, pip, wet="Wet inburgering 2021")
    assert (pip["deadline"], pip["termijn"]["status"]) == ("2026-12-10", "open")
    assert vaststellen(client, auth_headers, pip["uuid"], VASTSTELLING).status_code == 200


def test_a_gehele_ontheffing_closes_the_pip_deadline_with_the_reason(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    regel = "gehele-ontheffing: art. 5 lid 1 en 2 Wet inburgering 2021 (gehele ontheffing, DUO)"
    pip = meld(
        client,
        auth_headers,
        intake,
        pip,
        wet="Wet inburgering 2021",
        eindreden="gehele-ontheffing",
        einddatum="2026-11-20",
        eindregel=regel,
    )
    assert (pip["eindreden"], pip["einddatum"]) == ("gehele-ontheffing", "2026-11-20")
    assert pip["termijn"]["status"] == "vervallen"
    assert pip["termijn"]["afsluitreden"] == f"PLICHT_BEEINDIGD: {regel}"
    response = vaststellen(client, auth_headers, pip["uuid"], VASTSTELLING)
    assert response.status_code == 422
    assert [p["code"] for p in response.json()["invalidParams"]] == ["PLICHT_BEEINDIGD"]


def pip_events(app, pip):
    from sqlalchemy import select

    with app.state.session_factory() as session:
        payloads = [r.payload for r in session.execute(select(app.state.outbox.events))]
    return [p for p in payloads if p["kanaal"] == "pips" and p["resourceUrl"].endswith(pip["uuid"])]


def test_a_vastgesteld_pip_keeps_its_met_deadline_but_cannot_change_after_the_end(
    client, auth_headers, intake, app
):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    assert vaststellen(client, auth_headers, pip["uuid"], VASTSTELLING).status_code == 200
    voor = len(pip_events(app, pip))
    pip = meld(client, auth_headers, intake, pip, eindreden="plicht-voldaan", einddatum="2027-05-01")
    assert pip["termijn"]["status"] == "gehaald"
    assert pip["eindreden"] == "plicht-voldaan"
    assert len(pip_events(app, pip)) == voor + 1  # reporting learns the end state from this event
    km = auth_headers("klantmanager")
    etag = client.get(f"/v1/pips/{pip['uuid']}", headers=km).headers["ETag"]
    response = client.post(
        f"/v1/pips/{pip['uuid']}/wijzigingen",
        json={"dagtekening": "2027-06-01", "reden": "Bijstelling na voortgangsgesprek", "niveau": "B1"},
        headers={**km, "If-Match": etag},
    )
    assert response.status_code == 422, response.text
    assert [p["code"] for p in response.json()["invalidParams"]] == ["PLICHT_BEEINDIGD"]
