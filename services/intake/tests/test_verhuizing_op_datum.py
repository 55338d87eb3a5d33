"""A move takes effect on its moving date: announced for a later date, the dossier stays with the old
gemeente until that day, when the scheduler's daily job hands it over (DUO M2M Gebeurtenissen,
"Wijziging van gemeente": the address as the BRP registers it)."""

from datetime import date, timedelta

from intake_testkit import registreer

OUD, NIEUW = "GM0171", "GM0363"


def verhuizing(bsn: str, dag: date) -> dict:
    return {"bsn": bsn, "naarGemeente": NIEUW, "datumVestiging": dag.isoformat(), "gebeurtenis": "SS121"}


def overdrachten(client, auth_headers, url: str, gemeente: str) -> list[dict]:
    trail = client.get(
        "/v1/audittrail", params={"hoofdObject": url}, headers=auth_headers("teamleider", gemeente=gemeente)
    ).json()["results"]
    return [r for r in trail if r["actie"] == "overdragen"]


def test_a_move_announced_for_a_later_date_waits_for_that_date(client, auth_headers, bsn, monkeypatch):
    oud, nieuw = auth_headers("klantmanager", gemeente=OUD), auth_headers("klantmanager", gemeente=NIEUW)
    dossier = registreer(client, oud, bsn).json()
    pad = f"/v1/inburgeraars/{dossier['uuid']}"
    vandaag = date.today()
    dag = vandaag + timedelta(days=10)
    scheduler = auth_headers("scheduler", gemeente="*")

    aangekondigd = client.post(
        "/v1/verhuizingen", json=verhuizing(bsn, dag - timedelta(days=1)), headers=nieuw
    )
    assert aangekondigd.status_code == 202, aangekondigd.text
    assert aangekondigd.json()["gemeentecode"] == OUD
    # Announced again with the corrected date: still one move, now on that date.
    assert client.post("/v1/verhuizingen", json=verhuizing(bsn, dag), headers=nieuw).status_code == 202
    shown = client.get(pad, headers=oud)
    assert shown.status_code == 200
    assert [(v["naarGemeente"], v["datumVestiging"]) for v in shown.json()["verhuizingen"]] == [
        (NIEUW, dag.isoformat())
    ]
    assert client.get(pad, headers=nieuw).status_code == 404
    assert client.post("/v1/verhuizingen/uitvoeren", headers=scheduler).json() == {
        "verhuisd": 0,
        "geblokkeerd": 0,
    }
    assert client.get(pad, headers=nieuw).status_code == 404
    assert overdrachten(client, auth_headers, shown.json()["url"], OUD) == []

    # The day before the moving date nothing changes; on the date the job hands the dossier over.
    monkeypatch.setattr("intake_service.inburgeraars.router.vandaag", lambda: dag - timedelta(days=1))
    assert client.post("/v1/verhuizingen/uitvoeren", headers=scheduler).json()["verhuisd"] == 0
    monkeypatch.setattr("intake_service.inburgeraars.router.vandaag", lambda: dag)
    assert client.post("/v1/verhuizingen/uitvoeren", headers=scheduler).json() == {
        "verhuisd": 1,
        "geblokkeerd": 0,
    }
    assert client.get(pad, headers=oud).status_code == 404
    na = client.get(pad, headers=nieuw).json()
    assert (na["gemeentecode"], na["klantmanager"]) == (NIEUW, None)
    [regel] = overdrachten(client, auth_headers, na["url"], NIEUW)
    assert regel["namens"] == f"{OUD},{NIEUW}"
    assert f"gevestigd op {dag.isoformat()} (SS121)" in regel["toelichting"]
    # Safe to repeat: nothing is handed over twice.
    assert client.post("/v1/verhuizingen/uitvoeren", headers=scheduler).json()["verhuisd"] == 0
    assert len(overdrachten(client, auth_headers, na["url"], NIEUW)) == 1


def test_a_move_whose_date_has_passed_moves_the_dossier_at_once(client, auth_headers, bsn):
    oud, nieuw = auth_headers("klantmanager", gemeente=OUD), auth_headers("klantmanager", gemeente=NIEUW)
    dossier = registreer(client, oud, bsn).json()
    pad = f"/v1/inburgeraars/{dossier['uuid']}"
    moved = client.post(
        "/v1/verhuizingen", json=verhuizing(bsn, date.today() - timedelta(days=30)), headers=nieuw
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["gemeentecode"] == NIEUW
    assert client.get(pad, headers=oud).status_code == 404
    assert client.get(pad, headers=nieuw).status_code == 200
    assert len(overdrachten(client, auth_headers, moved.json()["url"], NIEUW)) == 1


def test_a_waiting_move_is_blocked_when_the_new_gemeente_registered_the_person_itself(
    client, auth_headers, bsn, monkeypatch
):
    oud, nieuw = auth_headers("klantmanager", gemeente=OUD), auth_headers("klantmanager", gemeente=NIEUW)
    dossier = registreer(client, oud, bsn).json()
    dag = date.today() + timedelta(days=3)
    assert client.post("/v1/verhuizingen", json=verhuizing(bsn, dag), headers=nieuw).status_code == 202
    assert registreer(client, nieuw, bsn, gemeente=NIEUW).status_code == 201
    monkeypatch.setattr("intake_service.inburgeraars.router.vandaag", lambda: dag)
    gedaan = client.post("/v1/verhuizingen/uitvoeren", headers=auth_headers("scheduler", gemeente="*"))
    assert gedaan.json() == {"verhuisd": 0, "geblokkeerd": 1}
    assert client.get(f"/v1/inburgeraars/{dossier['uuid']}", headers=oud).status_code == 200


def test_only_the_scheduler_and_beheer_run_the_moves(client, auth_headers):
    for rol in ("klantmanager", "service", "coa"):
        assert client.post("/v1/verhuizingen/uitvoeren", headers=auth_headers(rol)).status_code == 403
    assert client.post("/v1/verhuizingen/uitvoeren", headers=auth_headers("beheer")).status_code == 200
