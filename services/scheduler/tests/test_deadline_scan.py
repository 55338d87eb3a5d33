"""The deadline scan and the jobs around it, run as the worker runs them, on SQLite and PostgreSQL."""

import uuid
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from inburgering_shared.testing import TokenFactory, inburgeraar_event
from scheduler_owners_double import INTAKE, PIP

from .conftest import Worker

D = date(2026, 6, 30)


def signalen(client: TestClient, auth_headers: TokenFactory, **query: Any) -> list[dict[str, Any]]:
    response = client.get(
        "/v1/signalen",
        params={"pageSize": 500, **query},
        headers=auth_headers("regisseur", gemeente=["GM0171", "GM0200"]),
    )
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_a_passed_deadline_raises_one_signal_however_often_the_scan_runs(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    url = worker.owners.deadline("pip-vaststellen", D)
    assert worker.run("deadline-scan", D).items == 1  # due today: the warning
    assert worker.run("deadline-scan", D + timedelta(days=1)).items == 1  # passed
    assert worker.run("deadline-scan", D + timedelta(days=1)).items == 0
    assert worker.run("deadline-scan", D + timedelta(days=2)).items == 0
    by_soort = {s["soort"]: s for s in signalen(client, auth_headers)}
    assert set(by_soort) == {"pip-vaststellen-nadert", "pip-vaststellen-verstreken"}
    verstreken = by_soort["pip-vaststellen-verstreken"]
    assert (verstreken["deadline"], verstreken["status"], verstreken["niveau"]) == (
        url,
        "open",
        "klantmanager",
    )
    assert verstreken["geopendOp"] == str(D + timedelta(days=1))
    assert verstreken["klantmanager"] == "km-1"
    # The warning is superseded by the passed-deadline signal.
    assert by_soort["pip-vaststellen-nadert"]["status"] == "opgelost"
    assert by_soort["pip-vaststellen-nadert"]["opgelost"]["reden"] == "verstreken"


def test_a_scheduler_stopped_across_the_due_date_raises_the_signal_at_its_next_run(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    worker.owners.deadline("map-gestart", D)
    late = worker.owners.deadline("pip-vaststellen", D - timedelta(days=130))  # created already late
    assert worker.run("deadline-scan", D - timedelta(days=120)).items == 1  # only the late one
    # Down for months: the next run raises everything that fell due meanwhile.
    assert worker.run("deadline-scan", D + timedelta(days=10)).items == 1
    soorten = sorted((s["soort"], s["status"]) for s in signalen(client, auth_headers))
    assert soorten == [("map-gestart-verstreken", "open"), ("pip-vaststellen-verstreken", "open")]
    assert any(s["deadline"] == late for s in signalen(client, auth_headers))


def test_the_scan_reads_only_the_horizon_page_by_page(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    for i in range(1200):
        worker.owners.deadline("pip-vaststellen", D - timedelta(days=1 + i % 30), inburgeraar=f"{PIP}/x/{i}")
    far = worker.owners.deadline("inburgeringstermijn", D + timedelta(days=800))
    resultaat = worker.run("deadline-scan", D)
    assert resultaat.items == 1200
    assert resultaat.fouten == []  # intake not knowing a dossier leaves the klantmanager empty, nothing more
    listings = [r for r in worker.owners.requests if r.startswith(f"{PIP}/deadlines?")]
    assert len(listings) == 3  # pages of 500 by keyset
    tot = date.fromisoformat(listings[0].split("vervaldatumTot=")[1].split("&")[0])
    # The furthest default horizon, inburgeringstermijn's 6 months: 31 December less 6 months is 30 June.
    assert tot == date(2026, 12, 31)
    assert far not in {s["deadline"] for s in signalen(client, auth_headers)}


def test_new_signals_read_their_klantmanagers_from_intake_a_hundred_dossiers_per_request(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    for i in range(250):
        dossier = worker.owners.dossier(klantmanager=f"km-{i % 3}")
        worker.owners.deadline("pip-vaststellen", D - timedelta(days=1), inburgeraar=dossier)
        worker.owners.deadline("map-gestart", D - timedelta(days=2), inburgeraar=dossier)
    assert worker.run("deadline-scan", D).items == 500
    lookups = [r for r in worker.owners.requests if r.startswith(f"{INTAKE}?")]
    assert len(lookups) == 3  # 250 dossiers, each asked once, 100 per request
    assert not [r for r in worker.owners.requests if r.startswith(f"{INTAKE}/")]
    raised = signalen(client, auth_headers)
    assert len(raised) == 500
    assert all(s["klantmanager"] == worker.owners.dossiers[s["inburgeraar"]]["klantmanager"] for s in raised)


def test_a_signal_resolves_when_the_owner_reports_the_deadline_met(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    met = worker.owners.deadline("pip-vaststellen", D)
    moved = worker.owners.deadline("pip-vaststellen", D)
    cancelled = worker.owners.deadline("pip-vaststellen", D)
    worker.run("deadline-scan", D + timedelta(days=1))
    worker.owners.set(met, status="gehaald")
    worker.owners.set(moved, vervaldatum=D + timedelta(days=60))  # a third party's information (R3)
    worker.owners.set(cancelled, status="vervallen")
    assert worker.run("deadline-scan", D + timedelta(days=2)).items == 3
    reden = {
        s["deadline"]: (s["status"], s["opgelost"]["reden"], s["opgelost"]["door"])
        for s in signalen(client, auth_headers)
    }
    assert reden == {
        met: ("opgelost", "deadline-gehaald", "scheduler"),
        moved: ("opgelost", "termijn-verschoven", "scheduler"),
        cancelled: ("opgelost", "deadline-vervallen", "scheduler"),
    }


def test_a_signal_resolves_on_the_owners_event(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    url = worker.owners.deadline("pip-vaststellen", D)
    inburgeraar = worker.owners.deadlines[url]["inburgeraar"]
    worker.run("deadline-scan", D + timedelta(days=1))
    worker.owners.set(url, status="gehaald")
    event = {
        "id": str(uuid.uuid4()),
        "kanaal": "pips",
        "hoofdObject": inburgeraar,
        "resource": "pip",
        "resourceUrl": f"{PIP}/pips/{uuid.uuid4()}",
        "actie": "update",
        "aanmaakdatum": "2026-07-01T10:00:00Z",
        "kenmerken": {"gemeentecode": "GM0171"},
    }
    response = client.post("/v1/callbacks", json=event, headers=auth_headers("service"))
    assert response.status_code == 204, response.text
    [signaal] = signalen(client, auth_headers, soort="pip-vaststellen-verstreken")
    assert (signaal["status"], signaal["opgelost"]["reden"]) == ("opgelost", "deadline-gehaald")


def test_a_reassigned_dossier_moves_its_signals_to_the_new_klantmanager_and_team(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    url = worker.owners.deadline("pip-vaststellen", D)
    inburgeraar = worker.owners.deadlines[url]["inburgeraar"]
    worker.run("deadline-scan", D + timedelta(days=1))
    put_settings(client, auth_headers, teams={"Noord": ["km-2"]})
    worker.owners.dossiers[inburgeraar]["klantmanager"] = "km-2"
    event = inburgeraar_event(inburgeraar, "GM0171")
    assert client.post("/v1/callbacks", json=event, headers=auth_headers("service")).status_code == 204
    [signaal] = signalen(client, auth_headers, team="Noord")
    assert signaal["klantmanager"] == "km-2"


def test_a_move_takes_the_dossiers_signals_to_the_new_gemeente(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    url = worker.owners.deadline("pip-vaststellen", D)
    inburgeraar = worker.owners.deadlines[url]["inburgeraar"]
    worker.run("deadline-scan", D + timedelta(days=1))
    [signaal] = signalen(client, auth_headers)
    # Intake moved the dossier (DUO SS120) and pip handed its deadline over with it.
    verhuizing = {
        "vanGemeente": "GM0171",
        "naarGemeente": "GM0200",
        "datumVestiging": "2026-07-02",
        "gebeurtenis": "SS120",
    }
    worker.owners.dossiers[inburgeraar].update(
        gemeentecode="GM0200", klantmanager=None, verhuizingen=[verhuizing]
    )
    worker.owners.deadlines[url]["gemeentecode"] = "GM0200"
    event = inburgeraar_event(inburgeraar, "GM0200")
    assert client.post("/v1/callbacks", json=event, headers=auth_headers("service")).status_code == 204
    oud, nieuw = (
        auth_headers("klantmanager", gemeente="GM0171"),
        auth_headers("klantmanager", gemeente="GM0200"),
    )
    assert client.get(f"/v1/signalen/{signaal['uuid']}", headers=oud).status_code == 404
    verhuisd = client.get(f"/v1/signalen/{signaal['uuid']}", headers=nieuw).json()
    assert (verhuisd["gemeentecode"], verhuisd["status"], verhuisd["klantmanager"]) == (
        "GM0200",
        "open",
        None,
    )
    worker.run("deadline-scan", D + timedelta(days=2))
    regisseur = auth_headers("regisseur", gemeente="GM0200")
    bij_nieuw = client.get("/v1/signalen", headers=regisseur).json()["results"]
    assert [s["uuid"] for s in bij_nieuw] == [signaal["uuid"]]  # the scan raises no second signal
    trail = client.get(
        "/v1/audittrail",
        params={"hoofdObject": inburgeraar},
        headers=auth_headers("teamleider", gemeente="GM0200"),
    ).json()["results"]
    assert [r["bron"] for r in trail if r["actie"] == "overdragen"] == ["scheduler"]


def put_settings(
    client: TestClient,
    auth_headers: TokenFactory,
    *,
    gemeente: str = "GM0171",
    horizonnen: dict[str, Any] | None = None,
    teams: dict[str, list[str]] | None = None,
    escalatie: tuple[int, int] = (7, 21),
) -> dict[str, Any]:
    headers = auth_headers("regisseur", gemeente=gemeente)
    current = client.get(f"/v1/instellingen/{gemeente}", headers=headers)
    body = {
        "horizonnen": horizonnen or {},
        "teams": teams or {},
        "escalatie": {"teamleiderNaDagen": escalatie[0], "regisseurNaDagen": escalatie[1]},
    }
    response = client.put(
        f"/v1/instellingen/{gemeente}", json=body, headers={**headers, "If-Match": current.headers["ETag"]}
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_thresholds_are_per_gemeente(worker: Worker, client: TestClient, auth_headers: TokenFactory) -> None:
    put_settings(client, auth_headers, gemeente="GM0200", horizonnen={"pip-vaststellen": {"dagen": 28}})
    worker.owners.deadline("pip-vaststellen", D, gemeentecode="GM0171")
    elsewhere = worker.owners.deadline("pip-vaststellen", D, gemeentecode="GM0200")
    assert worker.run("deadline-scan", D - timedelta(days=20)).items == 1  # 28 days in GM0200, 14 in GM0171
    assert [s["deadline"] for s in signalen(client, auth_headers)] == [elsewhere]


def test_a_passed_signal_escalates_after_its_delay_unless_acknowledged(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    put_settings(client, auth_headers, escalatie=(3, 10), teams={"Zuid": ["km-1"]})
    ignored = worker.owners.deadline("pip-vaststellen", D)
    seen = worker.owners.deadline("pip-vaststellen", D)
    opened = D + timedelta(days=1)
    worker.run("deadline-scan", opened)
    [acknowledged] = [
        s for s in signalen(client, auth_headers, soort="pip-vaststellen-verstreken") if s["deadline"] == seen
    ]
    assert acknowledged["team"] == "Zuid"
    km = auth_headers("klantmanager")
    etag = client.get(f"/v1/signalen/{acknowledged['uuid']}", headers=km).headers["ETag"]
    response = client.patch(
        f"/v1/signalen/{acknowledged['uuid']}", json={"status": "erkend"}, headers={**km, "If-Match": etag}
    )
    assert response.status_code == 200, response.text

    def niveau() -> dict[str, str]:
        return {
            s["deadline"]: s["niveau"]
            for s in signalen(client, auth_headers, soort="pip-vaststellen-verstreken")
        }

    assert worker.run("signaal-escalatie", opened + timedelta(days=2)).items == 0
    assert worker.run("signaal-escalatie", opened + timedelta(days=3)).items == 1
    assert niveau() == {ignored: "teamleider", seen: "klantmanager"}
    assert worker.run("signaal-escalatie", opened + timedelta(days=3)).items == 0
    assert worker.run("signaal-escalatie", opened + timedelta(days=10)).items == 1
    assert niveau() == {ignored: "regisseur", seen: "klantmanager"}
    assert [s["deadline"] for s in signalen(client, auth_headers, niveau="regisseur")] == [ignored]


def test_the_cbs_reminder_reaches_every_gemeente_once_per_quarter(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    put_settings(client, auth_headers, gemeente="GM0200")  # a gemeente with no cases still delivers
    worker.owners.deadline("pip-vaststellen", D)
    worker.run("deadline-scan", D + timedelta(days=1))
    assert worker.run("cbs-herinnering", date(2026, 6, 30)).items == 0  # Q1 was due 28 April
    assert worker.run("cbs-herinnering", date(2026, 7, 1)).items == 2
    assert worker.run("cbs-herinnering", date(2026, 7, 20)).items == 0
    cbs = signalen(client, auth_headers, soort="cbs-levering-nadert")
    assert sorted((s["gemeentecode"], s["vervaldatum"], s["niveau"]) for s in cbs) == [
        ("GM0171", "2026-07-28", "regisseur"),
        ("GM0200", "2026-07-28", "regisseur"),
    ]


def test_an_unreachable_owner_fails_the_run_partly_and_loses_nothing(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    worker.owners.deadline("pip-vaststellen", D)
    worker.owners.down = True
    resultaat = worker.run("deadline-scan", D + timedelta(days=1))
    assert (resultaat.items, len(resultaat.fouten)) == (0, 1)
    worker.owners.down = False
    assert worker.run("deadline-scan", D + timedelta(days=5)).items == 1


def listings(worker: Worker) -> list[str]:
    return [r for r in worker.owners.requests if r.startswith(f"{PIP}/deadlines?")]


def test_after_the_first_full_scan_a_run_reads_only_what_changed(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    soon = worker.owners.deadline("pip-vaststellen", D + timedelta(days=20))
    worker.run("deadline-scan", D)
    assert ["gewijzigdNa" not in r and "na=" not in r for r in listings(worker)] == [True]  # full: one page

    worker.owners.requests.clear()
    assert worker.run("deadline-scan", D).items == 0  # same day: no due-date window, only the changes
    assert listings(worker) and all("gewijzigdNa=" in r for r in listings(worker))

    # Down for ten days: the windows of the missed days are read, and the warning is raised.
    worker.owners.requests.clear()
    assert worker.run("deadline-scan", D + timedelta(days=10)).items == 1
    windows = [r for r in listings(worker) if "gewijzigdNa" not in r]
    assert windows and all("na=" in r and "vervaldatumTot=" in r for r in windows)
    assert [s["deadline"] for s in signalen(client, auth_headers)] == [soon]


def test_the_changes_feed_reads_only_deadlines_changed_since_the_last_scan_began(worker: Worker) -> None:
    for _ in range(3):
        worker.owners.deadline("pip-vaststellen", D - timedelta(days=3))
    worker.run("deadline-scan", D, scan_overlap_seconds=0)
    changed = worker.owners.deadline("pip-vaststellen", D + timedelta(days=100))
    worker.owners.served.clear()
    worker.run("deadline-scan", D, scan_overlap_seconds=0)
    assert sum(worker.owners.served) == 1  # only the one created after the last scan began
    worker.owners.set(changed, status="gehaald")
    worker.owners.served.clear()
    worker.run("deadline-scan", D, scan_overlap_seconds=600)  # the overlap re-reads recent changes too
    assert sum(worker.owners.served) == 4


def test_a_deadline_created_already_late_is_raised_by_the_next_incremental_run(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    worker.run("deadline-scan", D)  # the first, full scan
    late = worker.owners.deadline("pip-vaststellen", D - timedelta(days=30))  # a late kennisgeving
    assert worker.run("deadline-scan", D).items == 1
    assert [s["deadline"] for s in signalen(client, auth_headers)] == [late]


def test_changed_horizons_make_the_next_run_read_the_whole_horizon(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    worker.run("deadline-scan", D)
    put_settings(client, auth_headers, horizonnen={"pip-vaststellen": {"dagen": 40}})
    worker.owners.requests.clear()
    worker.run("deadline-scan", D)
    assert any("gewijzigdNa" not in r and "na=" not in r for r in listings(worker))


def test_a_deleted_deadline_resolves_its_signal_on_the_owners_event(
    worker: Worker, client: TestClient, auth_headers: TokenFactory
) -> None:
    url = worker.owners.deadline("pip-vaststellen", D)
    inburgeraar = worker.owners.deadlines[url]["inburgeraar"]
    worker.run("deadline-scan", D + timedelta(days=1))
    del worker.owners.deadlines[url]
    event = {
        "id": str(uuid.uuid4()),
        "kanaal": "trajecten",
        "hoofdObject": inburgeraar,
        "resource": "traject",
        "resourceUrl": f"{PIP}/trajecten/{uuid.uuid4()}",
        "actie": "destroy",
        "aanmaakdatum": "2026-07-01T10:00:00Z",
        "kenmerken": {"gemeentecode": "GM0171"},
    }
    assert client.post("/v1/callbacks", json=event, headers=auth_headers("service")).status_code == 204
    [signaal] = signalen(client, auth_headers, soort="pip-vaststellen-verstreken")
    assert (signaal["status"], signaal["opgelost"]["reden"]) == ("opgelost", "deadline-vervallen")
