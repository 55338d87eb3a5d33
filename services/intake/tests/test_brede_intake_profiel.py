"""The brede intake's profiel (GGM): prefilled from COA's klantprofiel with its source, edited per field."""

from datetime import date

from inburgering_shared.contracts.brede_intake import BredeIntakeContract
from intake_testkit import overdracht

PROFIEL = {
    "taalniveaus": {"lezen": "A2", "luisteren": "B1", "spreken": "A2"},
    "digitaleVaardigheden": {"niveau": "beperkt", "digidAangevraagd": True},
    "werkervaringen": [{"beroep": "Kapper", "land": "Eritrea", "vanafJaar": 2015, "totJaar": 2021}],
    "diplomas": [
        {
            "naam": "Bachelor verpleegkunde",
            "land": "Eritrea",
            "jaarBehaald": 2014,
            "onderwijstaal": "Engels",
            "waardering": {
                "vergelijkbaarNiveau": "hbo-bachelor",
                "datum": "2026-08-01",
                "kenmerk": "IDW-123",
            },
        }
    ],
    "voorbereidingInburgering": [{"onderdeel": "taal", "uren": 120, "datumAfgerond": "2026-08-15"}],
    "aandachtspunten": [{"omschrijving": "Alleenstaande ouder van twee kinderen."}],
}


def overdracht_met_profiel(client, auth_headers, bsn, **profiel):
    body = overdracht(bsn, klantprofiel={"opleiding": "Hbo", **PROFIEL, **profiel})
    created = client.post("/v1/coa-overdrachten", json=body, headers=auth_headers("coa"))
    assert created.status_code == 201, created.text
    return created.json()


def start(client, km, coa):
    body = {"inburgeraar": coa["inburgeraar"].rsplit("/", 1)[1]}
    response = client.post("/v1/brede-intakes", json=body, headers=km)
    assert response.status_code == 201, response.text
    return response


def patch(client, km, response, body):
    url = "/v1/brede-intakes/" + response.json()["uuid"]
    return client.patch(url, json=body, headers={**km, "If-Match": response.headers["ETag"]})


def test_coa_prefills_every_object_of_the_profiel_with_its_source(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, overdracht_met_profiel(client, auth_headers, bsn)).json()
    vandaag = date.today().isoformat()
    profiel = intake["profiel"]
    assert profiel["taalniveaus"]["luisteren"] == {"waarde": "B1", "bron": "COA", "datum": vandaag}
    assert profiel["taalniveaus"]["schrijven"] is None  # COA did not know it
    assert profiel["diplomas"]["bron"] == "COA"
    [diploma] = profiel["diplomas"]["waarde"]
    assert diploma["waardering"]["vergelijkbaarNiveau"] == "hbo-bachelor"
    for veld in ("digitaleVaardigheden", "werkervaringen", "voorbereidingInburgering", "aandachtspunten"):
        assert profiel[veld]["bron"] == "COA" and profiel[veld]["datum"] == vandaag, veld
    assert profiel["voorbereidingInburgering"]["waarde"][0]["uren"] == 120
    # Pip reads the same through the shared contract.
    read = client.get(f"/v1/brede-intakes/{intake['uuid']}", headers=auth_headers("service", gemeente="*"))
    contract = BredeIntakeContract.model_validate(read.json())
    assert contract.profiel.diplomas is not None and contract.profiel.diplomas.waarde[0].land == "Eritrea"


def test_klantmanager_changes_one_skill_and_the_others_keep_their_source(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, overdracht_met_profiel(client, auth_headers, bsn))
    without_etag = client.patch(
        f"/v1/brede-intakes/{intake.json()['uuid']}",
        json={"profiel": {"taalniveaus": {"spreken": "B1"}}},
        headers=km,
    )
    assert without_etag.status_code == 428
    changed = patch(client, km, intake, {"profiel": {"taalniveaus": {"spreken": "B1"}}})
    assert changed.status_code == 200, changed.text
    taal = changed.json()["profiel"]["taalniveaus"]
    assert (taal["spreken"]["waarde"], taal["spreken"]["bron"]) == ("B1", "klantmanager")
    assert (taal["lezen"]["waarde"], taal["lezen"]["bron"]) == ("A2", "COA")
    said = patch(
        client,
        km,
        changed,
        {
            "profiel": {
                "opgegevenDoor": "inburgeraar",
                "aandachtspunten": [{"omschrijving": "Wil snel werken."}],
            }
        },
    )
    assert said.status_code == 200, said.text
    assert said.json()["profiel"]["aandachtspunten"]["bron"] == "inburgeraar"
    assert said.json()["profiel"]["diplomas"]["bron"] == "COA"
    stale = patch(client, km, intake, {"profiel": {"taalniveaus": {"lezen": "B1"}}})
    assert stale.status_code == 412


def test_corrected_handover_refreshes_coa_values_and_keeps_the_klantmanagers(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    coa = overdracht_met_profiel(client, auth_headers, bsn)
    intake = start(client, km, coa)
    patch(client, km, intake, {"profiel": {"taalniveaus": {"spreken": "B1"}}})
    correctie = overdracht(
        bsn,
        klantprofiel={**PROFIEL, "taalniveaus": {"lezen": "B1", "spreken": "A1"}, "aandachtspunten": []},
    )
    assert (
        client.post("/v1/coa-overdrachten", json=correctie, headers=auth_headers("coa")).json()["versie"] == 2
    )
    shown = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km)
    profiel = shown.json()["profiel"]
    assert profiel["taalniveaus"]["lezen"]["waarde"] == "B1"  # COA corrected its own value
    assert profiel["taalniveaus"]["spreken"]["waarde"] == "B1"  # the klantmanager's stays
    assert profiel["aandachtspunten"]["waarde"] == []
    [conflict] = shown.json()["tegenstrijdigheden"]
    assert (conflict["veld"], conflict["waardeKlantmanager"], conflict["waardeCoa"]) == (
        "taalniveaus.spreken",
        "B1",
        "A1",
    )
    resolved = patch(client, km, shown, {"profiel": {"taalniveaus": {"spreken": "A1"}}})
    assert resolved.json()["tegenstrijdigheden"] == []


def test_bounds_and_unknown_fields_are_400_and_change_nothing(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, overdracht_met_profiel(client, auth_headers, bsn))
    diploma = PROFIEL["diplomas"][0]
    cases = {
        "profiel.taalniveaus.lezen": {"taalniveaus": {"lezen": "B3"}},
        "profiel.taalniveaus.rekenen": {"taalniveaus": {"rekenen": "B1"}},
        "profiel.diplomas.0.waardering.datum": {
            "diplomas": [{**diploma, "waardering": {**diploma["waardering"], "datum": "1999-12-31"}}]
        },
        "profiel.diplomas.0.niveau": {"diplomas": [{**diploma, "niveau": "hoog"}]},
        "profiel.diplomas": {"diplomas": [diploma] * 11},
        "profiel.werkervaringen.0.beroep": {"werkervaringen": [{"beroep": "x" * 201}]},
        "profiel.werkervaringen.0": {
            "werkervaringen": [{"beroep": "Kok", "vanafJaar": 2020, "totJaar": 2019}]
        },
        "profiel.voorbereidingInburgering.0.uren": {
            "voorbereidingInburgering": [{"onderdeel": "taal", "uren": -1}]
        },
        "profiel.opgegevenDoor": {"opgegevenDoor": "COA", "aandachtspunten": []},
    }
    for naam, profiel in cases.items():
        refused = patch(client, km, intake, {"profiel": profiel})
        assert refused.status_code == 400, (naam, refused.text)
        assert refused.headers["content-type"] == "application/problem+json"
        assert naam in {p["name"] for p in refused.json()["invalidParams"]}, (naam, refused.text)
    unknown = patch(client, km, intake, {"taalniveaus": {"lezen": "B1"}})
    assert unknown.status_code == 400 and unknown.json()["invalidParams"][0]["name"] == "taalniveaus"
    unchanged = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km).json()
    assert unchanged["versie"] == intake.json()["versie"] and unchanged["profiel"] == intake.json()["profiel"]


def test_coa_handover_with_an_unknown_field_in_the_profiel_is_400(client, auth_headers, bsn):
    body = overdracht(bsn, klantprofiel={"diplomas": [{"naam": "Bachelor", "land": "Syrie", "cijfer": 8}]})
    refused = client.post("/v1/coa-overdrachten", json=body, headers=auth_headers("coa"))
    assert refused.status_code == 400, refused.text
    assert "klantprofiel.diplomas.0.cijfer" in {p["name"] for p in refused.json()["invalidParams"]}
