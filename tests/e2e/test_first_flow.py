"""The first flow over real HTTP between real processes (issue: walking skeleton).

COA hands over -> intake registers, the BRP date is recorded -> pip holds a concept
PIP with its deadline -> the klantmanager sets it -> trajectory opens with the
inburgeringstermijn and MAP deadline -> the scheduler raises a signal for another
dossier whose PIP deadline has passed -> reporting counts both per leerroute.
"""

import time
from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import LocalSystem
from inburgering_shared.testing import token_headers
from inburgering_shared.voorbeeld_pip import maak_volledig, zet_briefhoofd

from .conftest import eventually

pytestmark = pytest.mark.e2e
GEMEENTE = "GM0171"  # the gemeente the other e2e modules share (they import it and the helpers)
# The first flow counts whole-gemeente figures (signals, leerroutes): a gemeente of its own, so that what
# the modules before it left in GM0171 does not count.
EIGEN_GEMEENTE = "GM0193"
_bsns = bsn_numbers(222_000_000)


def url(system: LocalSystem, service: str, path: str) -> str:
    return f"http://127.0.0.1:{system.ports[service]}/v1{path}"


def handover(system: LocalSystem, headers: dict[str, str], referentie: str, gemeente: str = GEMEENTE) -> dict:
    body = {
        "coaReferentie": referentie,
        "gemeentecode": gemeente,
        "datumKoppeling": "2026-08-01",
        "persoon": {
            "bsn": next(_bsns),
            "voornamen": "Samir",
            "achternaam": "Nouri",
            "geboortedatum": "1992-06-01",
            "doelgroep": "Asielstatushouder",
        },
    }
    response = httpx.post(url(system, "intake", "/coa-overdrachten"), json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def record_brp(system: LocalSystem, headers: dict[str, str], inburgeraar_url: str, day: date) -> None:
    current = httpx.get(inburgeraar_url, headers=headers)
    response = httpx.patch(
        inburgeraar_url,
        json={"datumInschrijvingBrp": day.isoformat()},
        headers={**headers, "If-Match": current.headers["ETag"]},
    )
    assert response.status_code == 200, response.text


def concept_pip(system: LocalSystem, headers: dict[str, str], inburgeraar_url: str) -> dict:
    def find() -> dict | None:
        pips = httpx.get(
            url(system, "pip", "/pips"), params={"inburgeraar": inburgeraar_url}, headers=headers
        ).json()["results"]
        return next((p for p in pips if p["inburgeraar"] == inburgeraar_url and p["deadline"]), None)

    return eventually(find)


def leerroutes(system: LocalSystem, headers: dict[str, str], gemeente: str = GEMEENTE) -> dict[str, int]:
    body = httpx.get(
        url(system, "reporting", f"/leerroute-verdeling?gemeentecode={gemeente}"), headers=headers
    ).json()
    return {row["leerroute"]: row["aantal"] for row in body["verdeling"]}


def vaststellen(headers: dict[str, str], pip: dict, leerroute: str, dagtekening: date) -> dict:
    """Complete the concept as a klantmanager would (letterhead, address, content), then vaststellen."""
    with (
        httpx.Client(headers=headers) as km,
        httpx.Client(headers=token_headers("beheer", gemeente=pip["gemeentecode"])) as beheer,
    ):
        zet_briefhoofd(beheer, pip["url"].rsplit("/pips/", 1)[0], pip["gemeentecode"])
        maak_volledig(km, pip, dagtekening)
    etag = httpx.get(pip["url"], headers=headers).headers["ETag"]
    response = httpx.post(
        pip["url"] + "/vaststellen",
        json={"leerroute": leerroute, "dagtekening": dagtekening.isoformat()},
        headers={**headers, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_first_flow_end_to_end(system, auth_headers):
    coa, km = (
        auth_headers("coa", gemeente=EIGEN_GEMEENTE),
        auth_headers("klantmanager", gemeente=EIGEN_GEMEENTE),
    )
    today = date.today()

    on_time = handover(system, coa, "COA-E2E-1", EIGEN_GEMEENTE)["inburgeraar"]
    late = handover(system, coa, "COA-E2E-2", EIGEN_GEMEENTE)["inburgeraar"]
    record_brp(system, km, on_time, today - timedelta(days=7))
    record_brp(system, km, late, today - timedelta(weeks=12))

    pip = concept_pip(system, km, on_time)
    assert pip["status"] == "concept"
    assert pip["deadline"] == (today - timedelta(days=7) + timedelta(weeks=10)).isoformat()
    late_pip = concept_pip(system, km, late)
    assert late_pip["deadline"] == (today - timedelta(weeks=2)).isoformat()

    vaststellen(km, pip, "B1-route", today)

    def traject() -> dict | None:
        rows = httpx.get(url(system, "trajectory", "/trajecten"), headers=km).json()["results"]
        return next((t for t in rows if t["inburgeraar"] == on_time), None)

    opened = eventually(traject)
    start = today + timedelta(days=1)
    assert opened["termijnStart"] == start.isoformat()
    assert opened["termijnEinde"] == start.replace(year=start.year + 3).isoformat()
    assert opened["mapDeadline"] is not None
    # the trajectory took the PIP's planned dates of its components (pip's contract, over HTTP)
    componenten = httpx.get(url(system, "trajectory", f"/trajecten/{opened['uuid']}/componenten"), headers=km)
    gepland = {c["soort"]: c["geplandeStart"] for c in componenten.json()}
    assert gepland["leerroute"] == gepland["map"] == today.isoformat()

    def signals() -> list[dict]:
        return httpx.get(url(system, "scheduler", "/signalen"), headers=km).json()["results"]

    raised = eventually(signals)
    assert [(s["inburgeraar"], s["soort"]) for s in raised] == [(late, "pip-vaststellen-verstreken")]

    assert eventually(
        lambda: (
            leerroutes(system, km, EIGEN_GEMEENTE)
            == {"B1-route": 1, "Onderwijsroute": 0, "Z-route": 0, "geen PIP": 1}
        )
    )


def test_event_pending_while_receiver_is_down_is_delivered_once(system, auth_headers):
    # Whole-gemeente counts again: in the gemeente of this module, not in GM0171, where events of the
    # modules before (bursts, moves) may still be arriving and move the figures under the assertion.
    coa, km = (
        auth_headers("coa", gemeente=EIGEN_GEMEENTE),
        auth_headers("klantmanager", gemeente=EIGEN_GEMEENTE),
    )
    person = handover(system, coa, "COA-E2E-3", EIGEN_GEMEENTE)["inburgeraar"]
    record_brp(system, km, person, date.today() - timedelta(days=3))
    pip = concept_pip(system, km, person)
    counts = lambda: leerroutes(system, km, EIGEN_GEMEENTE)  # noqa: E731

    def settled() -> dict[str, int] | None:
        """The counts once this person is in and they hold still for a second (earlier tests' events
        for the gemeente may still be arriving)."""
        first = counts()
        time.sleep(1)
        return first if first.get("geen PIP", 0) >= 1 and counts() == first else None

    before = eventually(settled)

    system.stop("reporting")
    vaststellen(km, pip, "Z-route", date.today())
    system.start("reporting")
    system.wait_ready(["reporting"])

    expected = {**before, "Z-route": before["Z-route"] + 1, "geen PIP": before["geen PIP"] - 1}
    assert eventually(lambda: counts() == expected)
    # Once in effect: the count stays right after further redelivery rounds.
    time.sleep(2)
    assert counts() == expected
