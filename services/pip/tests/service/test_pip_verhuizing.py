"""A move to another gemeente (DUO SS121): pip hands the PIP, its versions, deadline and audit trail over
on intake's event; the PIP stays in force with its deadline until the new gemeente changes it."""

from .conftest import BRIEFHOOFD, concept_for, receive, vaststellen

OUD, NIEUW = "GM0171", "GM0363"
VERHUIZING = {
    "vanGemeente": OUD,
    "naarGemeente": NIEUW,
    "datumVestiging": "2026-12-01",
    "gebeurtenis": "SS121",
}


def trail(client, auth_headers, url, gemeente):
    headers = auth_headers("teamleider", gemeente=gemeente)
    return client.get("/v1/audittrail", params={"hoofdObject": url}, headers=headers).json()["results"]


def test_a_move_takes_the_pip_to_the_new_gemeente_where_it_stays_in_force(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake)
    body = {"leerroute": "B1-route", "dagtekening": "2026-11-02"}
    assert vaststellen(client, auth_headers, pip["uuid"], body).status_code == 200
    oud, nieuw = auth_headers("klantmanager", gemeente=OUD), auth_headers("klantmanager", gemeente=NIEUW)
    voor = client.get(f"/v1/pips/{pip['uuid']}", headers=oud).json()
    scheduler = auth_headers("scheduler", gemeente="*")
    (deadline,) = [
        d
        for d in client.get("/v1/deadlines?status=gehaald", headers=scheduler).json()["results"]
        if d["inburgeraar"] == pip["inburgeraar"]
    ]

    intake.dossiers[pip["inburgeraar"]].update(
        gemeentecode=NIEUW, klantmanager=None, verhuizingen=[VERHUIZING]
    )
    assert receive(client, auth_headers, pip["inburgeraar"], actie="update").status_code == 204

    assert client.get(f"/v1/pips/{pip['uuid']}", headers=oud).status_code == 404
    na = client.get(f"/v1/pips/{pip['uuid']}", headers=nieuw)
    assert na.status_code == 200
    blijft = ("status", "versie", "leerroute", "niveau", "dagtekening", "deadline", "url")
    assert {k: na.json()[k] for k in blijft} == {k: voor[k] for k in blijft}
    assert na.json()["gemeentecode"] == NIEUW
    assert client.get(f"/v1/pips/{pip['uuid']}/versies/1", headers=nieuw).status_code == 200
    assert client.get(f"/v1/pips/{pip['uuid']}/versies/1", headers=oud).status_code == 404
    bij_nieuw = client.get("/v1" + deadline["url"].split("/v1", 1)[1], headers=scheduler).json()
    assert {**bij_nieuw, "gemeentecode": OUD} == deadline and bij_nieuw["gemeentecode"] == NIEUW

    regels = trail(client, auth_headers, pip["inburgeraar"], NIEUW)
    assert any(r["actie"] == "aanmaken" and r["resourceUrl"].endswith("/vaststellen") for r in regels)
    (overdracht,) = [r for r in regels if r["actie"] == "overdragen"]
    assert (overdracht["bron"], overdracht["namens"]) == ("pip", f"{OUD},{NIEUW}")
    assert "SS121" in overdracht["toelichting"] and "2026-12-01" in overdracht["toelichting"]
    assert trail(client, auth_headers, pip["inburgeraar"], OUD) == []

    # The same move announced again hands nothing over twice.
    assert receive(client, auth_headers, pip["inburgeraar"], actie="update").status_code == 204
    assert [r["actie"] for r in trail(client, auth_headers, pip["inburgeraar"], NIEUW)].count(
        "overdragen"
    ) == 1

    # The new gemeente changes the PIP; the old one cannot.
    beheer = auth_headers("beheer", gemeente=NIEUW)
    instellingen = client.get(f"/v1/instellingen/{NIEUW}", headers=beheer)
    zet = client.put(
        f"/v1/instellingen/{NIEUW}",
        json={**instellingen.json(), "briefhoofd": BRIEFHOOFD},
        headers={**beheer, "If-Match": instellingen.headers["ETag"]},
    )
    assert zet.status_code == 200, zet.text
    wijziging = {"reden": "Nieuwe taalaanbieder in de nieuwe gemeente", "dagtekening": "2026-12-15"}
    etag = na.headers["ETag"]
    geweigerd = client.post(
        f"/v1/pips/{pip['uuid']}/wijzigingen", json=wijziging, headers={**oud, "If-Match": etag}
    )
    assert geweigerd.status_code == 404
    gewijzigd = client.post(
        f"/v1/pips/{pip['uuid']}/wijzigingen", json=wijziging, headers={**nieuw, "If-Match": etag}
    )
    assert gewijzigd.status_code == 200, gewijzigd.text
    assert (gewijzigd.json()["versie"], gewijzigd.json()["gemeentecode"]) == (2, NIEUW)
