"""VluchtelingenWerk's handover over HTTP: partner role only, its gemeenten only, idempotent and versioned."""

from intake_testkit import bsn_reeks, registreer


def overdracht(bsn: str, **changes: object) -> dict[str, object]:
    return {
        "referentie": "VWN-2026-17",
        "gemeentecode": "GM0171",
        "bsn": bsn,
        "begeleiding": {"start": "2026-10-05"},
        "contacten": [{"naam": "Maatschappelijk begeleider Noord", "rol": "maatschappelijk begeleider"}],
        "rapportages": [{"datum": "2026-10-20", "samenvatting": "Huis ingericht, zorgverzekering geregeld."}],
        **changes,
    }


def test_handover_is_idempotent_versioned_and_readable_by_the_klantmanager(client, auth_headers, bsn):
    km, vw = auth_headers("klantmanager"), auth_headers("vluchtelingenwerk")
    dossier = registreer(client, km, bsn).json()
    first = client.post("/v1/vluchtelingenwerk-overdrachten", json=overdracht(bsn), headers=vw)
    assert first.status_code == 201, first.text
    again = client.post("/v1/vluchtelingenwerk-overdrachten", json=overdracht(bsn), headers=vw)
    assert (
        again.status_code == 200
        and again.json()["uuid"] == first.json()["uuid"]
        and again.json()["versie"] == 1
    )
    ended = overdracht(bsn, begeleiding={"start": "2026-10-05", "einde": "2027-10-05"})
    assert client.post("/v1/vluchtelingenwerk-overdrachten", json=ended, headers=vw).json()["versie"] == 2
    [shown] = client.get(
        f"/v1/inburgeraars/{dossier['uuid']}/vluchtelingenwerk-overdrachten", headers=km
    ).json()
    assert shown["begeleiding"] == {"start": "2026-10-05", "einde": "2027-10-05"}
    assert shown["eerdereVersies"] == 1 and shown["rapportages"][0]["datum"] == "2026-10-20"
    assert client.get(f"/v1/inburgeraars/{dossier['uuid']}", headers=vw).status_code == 403


def test_scoped_to_its_gemeenten_and_to_existing_dossiers(client, auth_headers, bsn):
    registreer(client, auth_headers("klantmanager"), bsn)
    elders = auth_headers("vluchtelingenwerk", gemeente="GM0363")
    assert (
        client.post("/v1/vluchtelingenwerk-overdrachten", json=overdracht(bsn), headers=elders).status_code
        == 403
    )
    vw = auth_headers("vluchtelingenwerk")
    unknown = client.post(
        "/v1/vluchtelingenwerk-overdrachten", json=overdracht(next(bsn_reeks(bsn, 1))), headers=vw
    )
    assert unknown.status_code == 422
    assert unknown.json()["invalidParams"][0]["name"] == "bsn"
    assert (
        client.post(
            "/v1/vluchtelingenwerk-overdrachten", json=overdracht(bsn), headers=auth_headers("coa")
        ).status_code
        == 403
    )


def test_end_before_start_is_400(client, auth_headers, bsn):
    registreer(client, auth_headers("klantmanager"), bsn)
    body = overdracht(bsn, begeleiding={"start": "2026-10-05", "einde": "2026-01-01"})
    response = client.post(
        "/v1/vluchtelingenwerk-overdrachten", json=body, headers=auth_headers("vluchtelingenwerk")
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "begeleiding"


def test_location_of_a_handover_is_readable_by_the_klantmanager_only(client, auth_headers, bsn):
    registreer(client, auth_headers("klantmanager"), bsn)
    created = client.post(
        "/v1/vluchtelingenwerk-overdrachten", json=overdracht(bsn), headers=auth_headers("vluchtelingenwerk")
    )
    path = "/v1" + created.headers["Location"].split("/v1", 1)[1]
    assert client.get(path, headers=auth_headers("klantmanager")).json()["referentie"] == "VWN-2026-17"
    assert client.get(path, headers=auth_headers("vluchtelingenwerk")).status_code == 403
    assert client.get(path, headers=auth_headers("klantmanager", gemeente="GM0363")).status_code == 404
