from simulator_testkit import ANDERE_GEMEENTE_OIN, BSN

INSTELLING = {
    "instellingsnummer": "0000012345",
    "naam": "Taalschool",
    "postcode": "8301AB",
    "huisnummer": 1,
    "plaatsnaam": "Emmeloord",
    "indicatieBowKeurmerk": True,
}
TST = {
    **INSTELLING,
    "instellingsnummer": "0000054321",
    "indicatieBowKeurmerk": False,
    "indicatieTstKeurmerk": True,
}


def test_each_kind_of_hours_is_replaced_and_read_back_per_gemeente(duo):
    duo.seed()
    for pad, uren in (
        ("bredeintake/taallesknm", 40),
        ("participatieactiviteiten", 12),
        ("participatietaalles", 100),
    ):
        assert duo("PUT", f"/v1/personen/{BSN}/uren/{pad}", json={"uren": uren}).status_code == 200
    duo("PUT", f"/v1/personen/{BSN}/uren/participatietaalles", json={"uren": 120})
    assert duo("GET", f"/v1/personen/{BSN}/uren").json() == [
        {
            "gemeentecode": "0171",
            "TaallesEnKnmBredeIntake": {"uren": 40},
            "ParticipatieactiviteitenBredeIntake": {"uren": 12},
            "ParticipatieAlsTaalles": {"uren": 120},
        }
    ]


def test_hours_out_of_range_are_400(duo):
    duo.seed()
    response = duo(
        "PUT", f"/v1/personen/{BSN}/uren/participatietaalles", json={"uren": 10000}, check_request=False
    )
    assert response.status_code == 400


def test_contactpersoon_lifecycle(duo):
    duo.seed()
    gegevens = {
        "naam": "Klantmanager Inburgering",
        "email": "inburgering@gemeente.nl",
        "telefoonnummer": "0527633911",
    }
    aangemaakt = duo("POST", "/v1/contactpersonen", json=gegevens)
    assert aangemaakt.status_code == 201
    id = aangemaakt.json()["id"]
    assert aangemaakt.json()["contactpersoongegevens"] == gegevens
    assert (
        duo("PUT", f"/v1/contactpersonen/{id}", json={**gegevens, "telefoonnummer": "0527633912"}).status_code
        == 200
    )
    assert duo("POST", f"/v1/contactpersonen/{id}/personen/{BSN}").status_code == 201
    tweede = duo("POST", "/v1/contactpersonen", json=gegevens).json()["id"]
    duo("POST", f"/v1/contactpersonen/{tweede}/personen/{BSN}")
    overzicht = {c["id"]: c["personen"] for c in duo.client.get("/simulator/contactpersonen").json()}
    assert overzicht == {id: [], tweede: [BSN]}
    assert duo("DELETE", f"/v1/contactpersonen/{id}/personen/{BSN}").status_code == 404
    assert (
        duo("PUT", f"/v1/contactpersonen/{tweede}", bron=ANDERE_GEMEENTE_OIN, json=gegevens).status_code
        == 403
    )
    assert duo("DELETE", f"/v1/contactpersonen/{tweede}").status_code == 200
    assert duo.client.get("/simulator/contactpersonen").json() == [
        {
            "id": id,
            "gemeenteOin": duo.gelezen()["feiten"]["gemeenteOin"],
            "contactpersoongegevens": {**gegevens, "telefoonnummer": "0527633912"},
            "personen": [],
        }
    ]


def test_inburgeringsaanbod_rules(duo):
    duo.client.put("/simulator/referentiedata", json={"instellingen": [INSTELLING, TST]})
    duo.seed(inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"})
    pad = f"/v1/personen/{BSN}/Inburgeringsaanbod/0000012345"
    aanbod = {
        "datumInburgeringsaanbod": "2025-03-01",
        "verwachteStartdatumOpleiding": "2025-04-01",
        "verwachteEinddatumOpleiding": "2026-04-01",
        "indicatorAlfabetiseringsonderwijs": "NVT",
    }
    zonder_pip = duo("POST", pad, json=aanbod)
    assert [f["fouttekst"] for f in zonder_pip.json()] == ["De persoon heeft geen PIP."]
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    assert duo("POST", pad, json=aanbod).status_code == 201
    assert duo.gelezen()["inburgeringsaanbod"] == {"0000012345": aanbod}
    te_vroeg = duo("POST", pad, json={**aanbod, "datumInburgeringsaanbod": "2025-01-31"})
    assert any("dagtekening van de actuele PIP" in f["fouttekst"] for f in te_vroeg.json())
    buiten = duo("POST", pad, json={**aanbod, "verwachteEinddatumOpleiding": "2028-02-02"})
    assert any("buiten de inburgeringstermijn" in f["fouttekst"] for f in buiten.json())
    tst = duo("POST", f"/v1/personen/{BSN}/Inburgeringsaanbod/0000054321", json=aanbod)
    assert any("erkende instelling" in f["fouttekst"] for f in tst.json())
    assert duo("DELETE", pad).status_code == 204
    assert duo("DELETE", pad).status_code == 404


def test_inburgeringsaanbod_only_for_asielmigranten(duo):
    duo.client.put("/simulator/referentiedata", json={"instellingen": [INSTELLING]})
    duo.seed(doelgroep={"indeling": "Gezinsmigrant en overige migrant"})
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    response = duo(
        "POST",
        f"/v1/personen/{BSN}/Inburgeringsaanbod/0000012345",
        json={"indicatorAlfabetiseringsonderwijs": "A"},
    )
    assert [f["fouttekst"] for f in response.json()] == [
        "Het inburgeringsaanbod is alleen voor een asielmigrant."
    ]
