from intake_testkit import registreer


def test_register_returns_existing_dossier_for_same_bsn(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    first = registreer(client, km, bsn)
    assert first.status_code == 201, first.text
    again = registreer(client, km, bsn)
    assert again.status_code == 200
    assert again.json()["uuid"] == first.json()["uuid"]
    assert first.headers["API-Version"] == "1.0.0"
    assert first.headers["ETag"] == '"1"'


def test_invalid_bsn_is_400_problem_naming_the_field_without_echoing_it(client, auth_headers):
    response = registreer(client, auth_headers("klantmanager"), "123456789")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert [p["name"] for p in problem["invalidParams"]] == ["bsn"]
    assert "123456789" not in response.text


def test_other_gemeente_cannot_read_or_register(client, auth_headers, bsn):
    created = registreer(client, auth_headers("klantmanager"), bsn).json()
    foreign = auth_headers("klantmanager", gemeente="GM0363")
    assert client.get(f"/v1/inburgeraars/{created['uuid']}", headers=foreign).status_code == 404
    assert registreer(client, foreign, bsn, gemeente="GM0171").status_code == 403
    listed = client.get("/v1/inburgeraars", headers=foreign).json()
    assert listed["count"] == 0


def test_patch_requires_if_match_and_refuses_stale_version(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    created = registreer(client, km, bsn)
    url = f"/v1/inburgeraars/{created.json()['uuid']}"
    body = {"datumInschrijvingBrp": "2026-10-01"}
    assert client.patch(url, json=body, headers=km).status_code == 428
    ok = client.patch(url, json=body, headers={**km, "If-Match": created.headers["ETag"]})
    assert ok.status_code == 200, ok.text
    assert ok.json()["datumInschrijvingBrp"] == "2026-10-01"
    stale = client.patch(url, json=body, headers={**km, "If-Match": created.headers["ETag"]})
    assert stale.status_code == 412


def test_bsn_search_goes_through_the_body(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    registreer(client, km, bsn)
    found = client.post("/v1/inburgeraars/zoeken", json={"bsn": bsn}, headers=km)
    assert found.status_code == 200
    assert len(found.json()) == 1


def test_unauthenticated_is_401_problem(client):
    response = client.get("/v1/inburgeraars")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_registration_writes_an_event_to_the_outbox(app, client, auth_headers, bsn):
    from intake_service.db import OUTBOX_TABLES
    from sqlalchemy import select

    registreer(client, auth_headers("klantmanager"), bsn)
    with app.state.session_factory() as session:
        payloads = session.scalars(select(OUTBOX_TABLES[0].c.payload)).all()
    assert [p["kanaal"] for p in payloads] == ["inburgeraars"]
    assert payloads[0]["actie"] == "create"
