def overdracht(bsn: str, referentie: str = "COA-2026-0001", **changes):
    body = {
        "coaReferentie": referentie,
        "gemeentecode": "GM0171",
        "datumKoppeling": "2026-09-01",
        "persoon": {
            "bsn": bsn, "voornamen": "Yonas", "achternaam": "Tesfaye", "geboortedatum": "1995-01-30",
            "doelgroep": "Asielstatushouder",
        },
        "klantprofiel": {"opleiding": "Middelbare school", "talen": [{"taal": "Tigrinya", "niveau": "moedertaal"}]},
    }
    body.update(changes)
    return body


def test_same_handover_twice_is_one_record(client, auth_headers, bsn):
    coa = auth_headers("coa")
    first = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    assert first.status_code == 201, first.text
    second = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    assert second.status_code == 200
    assert second.json()["uuid"] == first.json()["uuid"]
    assert second.json()["versie"] == 1


def test_corrected_handover_is_a_new_version(client, auth_headers, bsn):
    coa = auth_headers("coa")
    client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    corrected = overdracht(bsn, klantprofiel={"opleiding": "Universiteit (2 jaar)"})
    response = client.post("/v1/coa-overdrachten", json=corrected, headers=coa)
    assert response.status_code == 200
    assert response.json()["versie"] == 2


def test_coa_cannot_read_dossiers(client, auth_headers, bsn):
    coa = auth_headers("coa")
    created = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa).json()
    inburgeraar_path = "/v1" + created["inburgeraar"].split("/v1", 1)[1]
    assert client.get(inburgeraar_path, headers=coa).status_code == 403
    assert client.get(inburgeraar_path, headers=auth_headers("klantmanager")).status_code == 200


def test_only_coa_may_hand_over(client, auth_headers, bsn):
    response = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=auth_headers("klantmanager"))
    assert response.status_code == 403


def test_malformed_body_is_400_not_500(client, auth_headers):
    response = client.post(
        "/v1/coa-overdrachten", content=b"{not json", headers={**auth_headers("coa"), "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
