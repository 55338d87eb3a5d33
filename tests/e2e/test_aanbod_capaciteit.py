"""The last place in an activity, claimed by two klantmanagers at the same moment, goes to one PIP."""

import threading

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import LocalSystem

from .conftest import eventually

pytestmark = pytest.mark.e2e
GEMEENTE = "GM0344"  # a gemeente of its own: other e2e tests count what GM0171 holds
_bsns = bsn_numbers(226_000_000)


def url(system: LocalSystem, service: str, path: str) -> str:
    return f"http://127.0.0.1:{system.ports[service]}/v1{path}"


def concept_pip(system: LocalSystem, km: dict[str, str]) -> str:
    body = {
        "bsn": next(_bsns),
        "gemeentecode": GEMEENTE,
        "voornamen": "Sara",
        "achternaam": "Haile",
        "geboortedatum": "1990-02-02",
        "doelgroep": "Asielstatushouder",
    }
    dossier = httpx.post(url(system, "intake", "/inburgeraars"), json=body, headers=km).json()["url"]

    def pip() -> str | None:
        found = httpx.get(url(system, "pip", "/pips?pageSize=500"), headers=km).json()["results"]
        return next((p["url"] for p in found if p["inburgeraar"] == dossier), None)

    return eventually(pip)


def test_two_klantmanagers_claiming_the_last_place_at_once_one_gets_it(system, auth_headers):
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    partner = auth_headers("taalaanbieder", gemeente=GEMEENTE)
    activiteit = {
        "aanbieder": "Bibliotheek Noordoostpolder",
        "titel": "Taalcafe met een plaats",
        "stap": "taal en digitale vaardigheden oefenen",
        "leefgebieden": ["sociale participatie"],
        "plaats": "Emmeloord",
        "rooster": "donderdag 14.00-16.00",
        "capaciteit": 1,
    }
    created = httpx.post(
        url(system, "pip", f"/activiteiten?gemeentecode={GEMEENTE}"), json=activiteit, headers=partner
    )
    assert created.status_code == 201, created.text
    keuze = {"weekprogramma": [{"activiteit": created.json()["uuid"], "urenPerWeek": 2}]}
    pips = [concept_pip(system, km) for _ in range(2)]
    etags = [httpx.get(pip, headers=km).headers["ETag"] for pip in pips]

    barrier = threading.Barrier(len(pips))
    statuses: dict[str, int] = {}

    def claim(pip: str, etag: str) -> None:
        barrier.wait()
        response = httpx.patch(pip, json=keuze, headers={**km, "If-Match": etag}, timeout=30)
        statuses[pip] = response.status_code

    threads = [threading.Thread(target=claim, args=pair) for pair in zip(pips, etags, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses.values()) == [200, 409], statuses
    [winner] = [pip for pip, status in statuses.items() if status == 200]
    for pip in pips:
        programma = httpx.get(pip, headers=km).json()["inhoud"]["weekprogramma"]
        assert len(programma) == (1 if pip == winner else 0)
    assert httpx.get(created.json()["url"], headers=km).json()["plaatsenBezet"] == 1
