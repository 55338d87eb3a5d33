import uuid

from .conftest import concept_for, maak_volledig, receive, vaststellen


def test_event_creates_concept_pip_with_deadline_ten_weeks_after_brp(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    assert pip["status"] == "concept"
    assert pip["deadline"] == "2026-12-10"


def test_same_event_twice_takes_effect_once(client, auth_headers, intake):
    url = intake.add(str(uuid.uuid4()), datumInschrijvingBrp="2026-10-01")
    event_id = str(uuid.uuid4())
    assert receive(client, auth_headers, url, event_id).status_code == 204
    intake.dossiers[url]["datumInschrijvingBrp"] = "2026-10-20"
    assert receive(client, auth_headers, url, event_id).status_code == 204
    pips = client.get("/v1/pips", headers=auth_headers("klantmanager")).json()["results"]
    assert [p["deadline"] for p in pips if p["inburgeraar"] == url] == ["2026-12-10"]


def test_unreadable_resource_is_503_so_the_publisher_retries(client, auth_headers):
    response = receive(client, auth_headers, "http://intake.test/v1/inburgeraars/unknown")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"


def test_vaststellen_meets_the_deadline(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake)
    response = vaststellen(
        client, auth_headers, pip["uuid"], {"leerroute": "B1-route", "dagtekening": "2026-11-02"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "vastgesteld"
    assert response.json()["niveau"] == "B1"
    scheduler = auth_headers("scheduler", gemeente="*")
    assert client.get("/v1/deadlines", headers=scheduler).json()["count"] == 0
    assert client.get("/v1/deadlines?status=gehaald", headers=scheduler).json()["count"] == 1


def test_a2_with_onderwijsroute_is_refused_naming_the_rule(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake)
    body = {"leerroute": "Onderwijsroute", "niveau": "A2", "dagtekening": "2026-11-02"}
    response = vaststellen(client, auth_headers, pip["uuid"], body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "NIVEAU_A2_ONDERWIJSROUTE" in [p["code"] for p in response.json()["invalidParams"]]


def test_dagtekening_before_brp_is_refused(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    response = vaststellen(
        client, auth_headers, pip["uuid"], {"leerroute": "Z-route", "dagtekening": "2026-09-01"}
    )
    assert response.status_code == 422


def test_concurrent_edit_is_refused_with_412(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake)
    maak_volledig(client, auth_headers, pip["uuid"])
    stale = client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers("klantmanager")).headers["ETag"]
    body = {"leerroute": "B1-route", "dagtekening": "2026-11-02"}
    assert vaststellen(client, auth_headers, pip["uuid"], body, stale).status_code == 200
    assert vaststellen(client, auth_headers, pip["uuid"], body, stale).status_code == 412


def test_deadlines_page_by_keyset_in_due_date_order(client, auth_headers, intake):
    for day in ("2026-10-05", "2026-10-01", "2026-10-03"):
        concept_for(client, auth_headers, intake, brp=day)
    scheduler = auth_headers("scheduler", gemeente="*")
    first = client.get("/v1/deadlines?pageSize=2", headers=scheduler).json()
    assert [d["vervaldatum"] for d in first["results"]] == ["2026-12-10", "2026-12-12"]
    assert first["count"] == 3
    second = client.get(first["next"].split("/v1", 1)[1].join(["/v1", ""]), headers=scheduler).json()
    assert [d["vervaldatum"] for d in second["results"]] == ["2026-12-14"]
    assert second["next"] is None
    assert second["count"] is None  # counted on the first page only: a keyset walk does not count again


def test_foreign_gemeente_sees_no_pips(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake)
    foreign = auth_headers("klantmanager", gemeente="GM0363")
    assert client.get(f"/v1/pips/{pip['uuid']}", headers=foreign).status_code == 404


def test_reading_a_pip_audits_its_dossier_and_a_refusal_names_none(app, client, auth_headers, intake):
    from inburgering_shared.audit import AUDITTRAIL
    from sqlalchemy import select

    pip = concept_for(client, auth_headers, intake)
    path = f"/v1/pips/{pip['uuid']}"
    read = client.get(path, headers=auth_headers("klantmanager"))
    refused = client.get(path, headers=auth_headers("klantmanager", gemeente="GM0363"))
    assert (read.status_code, refused.status_code) == (200, 404)
    assert read.headers["ETag"] and read.json() == pip | {"gewijzigd": read.json()["gewijzigd"]}
    with app.state.session_factory() as session:
        rows = session.execute(
            select(AUDITTRAIL.c.hoofd_object, AUDITTRAIL.c.gemeentecode, AUDITTRAIL.c.resultaat).where(
                AUDITTRAIL.c.resource_url == path
            )
        ).all()
    assert sorted(rows, key=str) == sorted([(pip["inburgeraar"], "GM0171", 200), (None, None, 404)], key=str)


def duo_dossier(intake, inburgeraar, pip_klok_start):
    return intake.add_duo_dossier(
        inburgeraar, pipKlokStart=pip_klok_start, inburgeringsplicht={"indicatorInburgeringsplicht": True}
    )


def test_duos_ss139_starts_the_pip_clock_of_an_asielstatushouder(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-10-01")
    assert (pip["deadline"], pip["termijn"]["gestartDoor"]) == (
        "2026-12-10",
        "inschrijving BRP (SS139 nog niet ontvangen)",
    )
    url = duo_dossier(intake, pip["inburgeraar"], "2026-10-15")
    event = receive(client, auth_headers, url, kanaal="duo-dossiers", actie="update", gebeurtenisId="SS139")
    assert event.status_code == 204, event.text
    pip = client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers("klantmanager")).json()
    assert (pip["deadline"], pip["termijn"]["gestartDoor"]) == (
        "2026-12-24",
        "DUO SS139 (woont in de gemeente)",
    )
    assert pip["termijn"]["regel"].startswith("R2")


def test_ss139_keeps_an_r3_extension_and_never_moves_a_met_deadline(client, auth_headers, intake):
    km = auth_headers("klantmanager")
    pip = concept_for(client, auth_headers, intake, brp="2026-09-01")
    etag = client.get(f"/v1/pips/{pip['uuid']}", headers=km).headers["ETag"]
    verlengd = client.post(
        f"/v1/pips/{pip['uuid']}/termijn/verlenging",
        json={"informatieOntvangen": "2026-11-20", "reden": "Wachten op medisch advies"},
        headers={**km, "If-Match": etag},
    )
    assert verlengd.json()["termijn"]["vervaldatum"] == "2026-12-04", verlengd.text
    receive(
        client, auth_headers, duo_dossier(intake, pip["inburgeraar"], "2026-09-15"), kanaal="duo-dossiers"
    )
    termijn = client.get(f"/v1/pips/{pip['uuid']}", headers=km).json()["termijn"]
    # The 10 weeks now run from SS139 (2026-11-24); the R3 extension still applies to that due date.
    assert (termijn["oorspronkelijkeVervaldatum"], termijn["vervaldatum"]) == ("2026-11-24", "2026-12-04")
    vaststellen(client, auth_headers, pip["uuid"], {"leerroute": "Z-route", "dagtekening": "2026-11-30"})
    receive(
        client, auth_headers, duo_dossier(intake, pip["inburgeraar"], "2026-10-30"), kanaal="duo-dossiers"
    )
    termijn = client.get(f"/v1/pips/{pip['uuid']}", headers=km).json()["termijn"]
    assert (termijn["vervaldatum"], termijn["status"]) == ("2026-12-04", "gehaald")


def test_ss139_before_the_pip_exists_is_retried(client, auth_headers, intake):
    url = duo_dossier(intake, "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4()), "2026-10-15")
    assert receive(client, auth_headers, url, kanaal="duo-dossiers").status_code == 503


def test_the_list_filters_by_inburgeraar(client, auth_headers, intake):
    eerste, tweede = concept_for(client, auth_headers, intake), concept_for(client, auth_headers, intake)
    km = auth_headers("klantmanager")
    assert client.get("/v1/pips", headers=km).json()["count"] == 2
    for pip in (eerste, tweede):
        page = client.get("/v1/pips", params={"inburgeraar": pip["inburgeraar"]}, headers=km).json()
        assert [p["uuid"] for p in page["results"]] == [pip["uuid"]] and page["count"] == 1
    elders = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())
    assert client.get("/v1/pips", params={"inburgeraar": elders}, headers=km).json()["count"] == 0
    assert client.get("/v1/pips", params={"inburgeraar": "elders"}, headers=km).status_code == 400
    assert client.get("/v1/pips", params={"inburgeraar": "x" * 301}, headers=km).status_code == 400
