"""A receiver killed (SIGKILL) in the middle of event delivery, then restarted (issue 8, item 8).

Intake publishes a burst of `inburgeraars` events; pip and reporting are killed
while they receive them and started again. Every event must take effect exactly
once: one concept PIP per new inburgeraar (none missing, none doubled) and
reporting's count of dossiers without a PIP up by exactly the burst.
"""

import time

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import LocalSystem

from .conftest import eventually

pytestmark = pytest.mark.e2e
GEMEENTE = "GM0171"
BURST = 20
_bsns = bsn_numbers(225_000_000)


def url(system: LocalSystem, service: str, path: str) -> str:
    return f"http://127.0.0.1:{system.ports[service]}/v1{path}"


def zonder_pip(system: LocalSystem, km: dict[str, str]) -> int:
    response = httpx.get(
        url(system, "reporting", f"/leerroute-verdeling?gemeentecode={GEMEENTE}"), headers=km
    )
    return {row["leerroute"]: row["aantal"] for row in response.json()["verdeling"]}["geen PIP"]


def pips_for(system: LocalSystem, km: dict[str, str], dossiers: set[str]) -> list[str]:
    response = httpx.get(url(system, "pip", "/pips?pageSize=500"), headers=km)
    return [p["inburgeraar"] for p in response.json()["results"] if p["inburgeraar"] in dossiers]


def test_receivers_killed_during_delivery_apply_every_event_exactly_once(system, auth_headers):
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    before = eventually(lambda: (n := zonder_pip(system, km)) is not None and (n,))[0]
    dossiers: set[str] = set()
    for _ in range(BURST):
        body = {
            "bsn": next(_bsns),
            "gemeentecode": GEMEENTE,
            "voornamen": "Lina",
            "achternaam": "Darwish",
            "geboortedatum": "1988-03-03",
            "doelgroep": "Asielstatushouder",
        }
        response = httpx.post(url(system, "intake", "/inburgeraars"), json=body, headers=km)
        assert response.status_code == 201, response.text
        dossiers.add(response.json()["url"])

    eventually(lambda: pips_for(system, km, dossiers), timeout=30)  # delivery has begun
    system.kill("pip")
    system.kill("reporting")
    time.sleep(1)  # the publisher meets dead receivers and backs off
    system.start("pip")
    system.start("reporting")
    system.wait_ready(["pip", "reporting"])

    assert eventually(lambda: len(pips_for(system, km, dossiers)) == BURST, timeout=60)
    assert eventually(lambda: zonder_pip(system, km) == before + BURST, timeout=60)
    time.sleep(2)  # further delivery rounds change nothing
    found = pips_for(system, km, dossiers)
    assert sorted(found) == sorted(dossiers)
    assert zonder_pip(system, km) == before + BURST


def test_concurrent_edits_with_the_same_etag_lose_no_update(system, auth_headers):
    """Threads edit one dossier at once with the ETag they all read: one wins, the rest get 412."""
    import threading

    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    body = {
        "bsn": next(_bsns),
        "gemeentecode": GEMEENTE,
        "voornamen": "Omar",
        "achternaam": "Saleh",
        "geboortedatum": "1991-05-05",
        "doelgroep": "Asielstatushouder",
    }
    dossier = httpx.post(url(system, "intake", "/inburgeraars"), json=body, headers=km).json()["url"]
    etag = httpx.get(dossier, headers=km).headers["ETag"]
    without = httpx.patch(dossier, json={"landVanHerkomst": "Irak"}, headers=km)
    assert without.status_code == 428

    writers = 8
    barrier = threading.Barrier(writers)
    results: dict[str, int] = {}

    def edit(land: str) -> None:
        barrier.wait()
        response = httpx.patch(
            dossier, json={"landVanHerkomst": land}, headers={**km, "If-Match": etag}, timeout=30
        )
        results[land] = response.status_code

    threads = [threading.Thread(target=edit, args=(f"Land-{i}",)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [land for land, status in results.items() if status == 200]
    assert len(winners) == 1, results
    assert sorted(results.values()) == [200] + [412] * (writers - 1), results
    final = httpx.get(dossier, headers=km)
    assert final.json()["landVanHerkomst"] == winners[0]
    assert final.headers["ETag"] != etag


def test_avg_inzage_gathers_what_every_service_holds_on_one_person(system, auth_headers):
    from inburgering_shared.avg_export import gather

    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    bsn = next(_bsns)
    body = {
        "bsn": bsn,
        "gemeentecode": GEMEENTE,
        "voornamen": "Nour",
        "achternaam": "Khalil",
        "geboortedatum": "1993-07-07",
        "doelgroep": "Asielstatushouder",
    }
    dossier = httpx.post(url(system, "intake", "/inburgeraars"), json=body, headers=km).json()["url"]
    eventually(lambda: pips_for(system, km, {dossier}))
    services = [f"http://127.0.0.1:{port}" for port in system.ports.values()]
    token = auth_headers("beheer", gemeente=GEMEENTE)["Authorization"].removeprefix("Bearer ")

    def complete() -> dict | None:
        export = gather(dossier, services, token)
        return export if export[url(system, "reporting", "")[: -len("/v1")]] else None

    export = eventually(complete)
    intake = export[services[0]]
    assert [row["bsn"] for row in intake["inburgeraar"]] == [bsn]
    assert {row["actie"] for row in intake["audittrail"]} >= {"aanmaken", "lezen"}
    pip = export[f"http://127.0.0.1:{system.ports['pip']}"]
    assert [row["inburgeraar_url"] for row in pip["pip"]] == [dossier]
    foreign = auth_headers("beheer", gemeente="GM0363")["Authorization"].removeprefix("Bearer ")
    assert all(part == {} for part in gather(dossier, services, foreign).values())
