"""The signalen, instellingen and job-runs APIs over HTTP: work lists, lifecycle, settings, errors."""

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from inburgering_shared.testing import TokenFactory

from .conftest import Worker

D = date(2026, 6, 30)


def raise_one(
    worker: Worker, client: TestClient, auth_headers: TokenFactory, **dossier: Any
) -> dict[str, Any]:
    inburgeraar = worker.owners.dossier(**dossier)
    worker.owners.deadline(
        "pip-vaststellen", D, inburgeraar=inburgeraar, gemeentecode=dossier.get("gemeentecode", "GM0171")
    )
    worker.run("deadline-scan", D + timedelta(days=1))
    [signaal] = client.get(
        "/v1/signalen",
        params={"klantmanager": dossier.get("klantmanager", "km-1")},
        headers=auth_headers("regisseur", gemeente=["GM0171", "GM0200"]),
    ).json()["results"]
    return signaal


def test_the_work_list_filters_by_klantmanager_and_is_scoped_by_gemeente(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    mine = raise_one(worker, client, auth_headers, klantmanager="km-a")
    raise_one(worker, client, auth_headers, klantmanager="km-b")
    foreign = raise_one(worker, client, auth_headers, klantmanager="km-c", gemeentecode="GM0200")
    km = auth_headers("klantmanager")
    page = client.get("/v1/signalen", params={"klantmanager": "km-a", "status": "open"}, headers=km).json()
    assert [s["uuid"] for s in page["results"]] == [mine["uuid"]] and page["count"] == 1
    assert client.get("/v1/signalen", headers=km).json()["count"] == 2  # not GM0200's
    assert client.get(f"/v1/signalen/{foreign['uuid']}", headers=km).status_code == 404
    assert client.get("/v1/signalen", params={"pageSize": 1}, headers=km).json()["next"] is not None


def test_the_work_list_filters_by_inburgeraar(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    eerste = raise_one(worker, client, auth_headers, klantmanager="km-a")
    tweede = raise_one(worker, client, auth_headers, klantmanager="km-b")
    km = auth_headers("klantmanager")
    assert client.get("/v1/signalen", headers=km).json()["count"] == 2
    for signaal in (eerste, tweede):
        page = client.get("/v1/signalen", params={"inburgeraar": signaal["inburgeraar"]}, headers=km).json()
        assert [s["uuid"] for s in page["results"]] == [signaal["uuid"]] and page["count"] == 1


def test_acknowledging_and_resolving_record_who_and_when(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    signaal = raise_one(worker, client, auth_headers)
    url, km = f"/v1/signalen/{signaal['uuid']}", auth_headers("klantmanager")
    assert client.patch(url, json={"status": "erkend"}, headers=km).status_code == 428
    assert client.patch(url, json={"status": "erkend"}, headers={**km, "If-Match": '"99"'}).status_code == 412
    etag = client.get(url, headers=km).headers["ETag"]
    erkend = client.patch(url, json={"status": "erkend"}, headers={**km, "If-Match": etag})
    assert erkend.status_code == 200 and erkend.json()["erkend"]["door"] == "Tester"
    again = client.patch(url, json={"status": "erkend"}, headers={**km, "If-Match": erkend.headers["ETag"]})
    assert again.status_code == 409
    back = client.patch(url, json={"status": "open"}, headers={**km, "If-Match": erkend.headers["ETag"]})
    assert back.status_code == 422 and back.json()["invalidParams"][0]["code"] == "ongeldige-overgang"
    opgelost = client.patch(
        url, json={"status": "opgelost"}, headers={**km, "If-Match": erkend.headers["ETag"]}
    )
    assert opgelost.status_code == 200
    assert (opgelost.json()["opgelost"]["reden"], opgelost.json()["status"]) == ("handmatig", "opgelost")
    assert client.get(url, headers=km).headers["ETag"] == opgelost.headers["ETag"] != erkend.headers["ETag"]
    bad = client.patch(url, json={"status": "weg"}, headers={**km, "If-Match": opgelost.headers["ETag"]})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")
    assert client.patch(url, json={"status": "erkend"}, headers=auth_headers("beleid")).status_code == 403


def test_gemeente_settings_start_from_the_defaults_and_change_with_if_match(
    client: TestClient, auth_headers: TokenFactory
) -> None:
    regisseur = auth_headers("regisseur")
    read = client.get("/v1/instellingen/GM0171", headers=regisseur)
    assert read.status_code == 200 and read.headers["ETag"] == '"0"'
    body = read.json()
    assert body["standaard"] is True and body["horizonnen"]["pip-vaststellen"] == {"maanden": 0, "dagen": 14}
    change = {
        "horizonnen": {"map-gestart": {"maanden": 2}},
        "teams": {"Noord": ["km-1"]},
        "escalatie": {"teamleiderNaDagen": 5, "regisseurNaDagen": 15},
    }
    url = "/v1/instellingen/GM0171"
    assert client.put(url, json=change, headers=regisseur).status_code == 428
    put = client.put(url, json=change, headers={**regisseur, "If-Match": '"0"'})
    assert put.status_code == 200 and put.json()["horizonnen"]["map-gestart"] == {"maanden": 2, "dagen": 0}
    assert client.put(url, json=change, headers={**regisseur, "If-Match": '"0"'}).status_code == 412
    assert (
        client.put(url, json=change, headers={**auth_headers("klantmanager"), "If-Match": '"1"'}).status_code
        == 403
    )
    assert (
        client.put(
            "/v1/instellingen/GM0200", json=change, headers={**regisseur, "If-Match": '"0"'}
        ).status_code
        == 403
    )


def test_bad_settings_are_refused_with_the_field_named(
    client: TestClient, auth_headers: TokenFactory
) -> None:
    headers = {**auth_headers("regisseur"), "If-Match": '"0"'}
    base = {"horizonnen": {}, "teams": {}, "escalatie": {"teamleiderNaDagen": 5, "regisseurNaDagen": 15}}
    cases = [
        {**base, "escalatie": {"teamleiderNaDagen": 10, "regisseurNaDagen": 5}},
        {**base, "teams": {"Noord": ["km-1"], "Zuid": ["km-1"]}},
        {**base, "horizonnen": {"pip-vaststellen": {"dagen": -1}}},
        {**base, "horizonnen": {"Geen Soort!": {"dagen": 1}}},
    ]
    for body in cases:
        response = client.put("/v1/instellingen/GM0171", json=body, headers=headers)
        assert response.status_code == 400, (body, response.text)
        assert response.json()["invalidParams"]
    assert client.get("/v1/instellingen/GM01", headers=headers).status_code == 400
    assert (
        client.get("/v1/instellingen/GM0171", headers=headers).json()["standaard"] is True
    )  # nothing changed


def test_job_runs_are_recorded_and_listed_for_beheer(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    worker.owners.deadline("pip-vaststellen", D)
    worker.run_recorded("deadline-scan", D + timedelta(days=1))
    worker.owners.down = True
    worker.run_recorded("deadline-scan", D + timedelta(days=2))
    response = client.get("/v1/job-runs", params={"job": "deadline-scan"}, headers=auth_headers("beheer"))
    assert response.status_code == 200 and response.json()["count"] == 2
    runs = sorted((r["uitkomst"], r["items"]) for r in response.json()["results"])
    assert runs == [("deels", 0), ("gelukt", 1)]
    assert all(r["beeindigd"] >= r["gestart"] for r in response.json()["results"])
    assert client.get("/v1/job-runs", headers=auth_headers("klantmanager")).status_code == 403
