"""Reporting fed by the real services over real HTTP: events, the traject with its components, the
rebuild from the owners' lists, and a CBS quarter file. A gemeente of its own keeps the counts exact."""

from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.dates import add_months
from inburgering_shared.system import LocalSystem

from .conftest import eventually
from .test_first_flow import vaststellen

pytestmark = pytest.mark.e2e
GEMEENTE = "GM0200"


def last_ended_quarter(today: date) -> tuple[str, date]:
    """The quarter before today's (JJJJKn) and its first day."""
    first = add_months(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), -3)
    return f"{first.year}K{(first.month - 1) // 3 + 1}", first


def api(system: LocalSystem, service: str) -> str:
    return f"http://127.0.0.1:{system.ports[service]}/v1"


def kpis(system: LocalSystem, headers: dict[str, str], today: date) -> dict:
    params = {"gemeentecode": GEMEENTE, "van": f"{today.year}-01-01", "tot": f"{today.year + 1}-01-01"}
    return httpx.get(f"{api(system, 'reporting')}/kpis", params=params, headers=headers).json()


def test_reporting_follows_the_services_and_rebuilds_from_them(system, auth_headers):
    coa = auth_headers("coa", gemeente=GEMEENTE)
    km, regisseur = (
        auth_headers("klantmanager", gemeente=GEMEENTE),
        auth_headers("regisseur", gemeente=GEMEENTE),
    )
    today = date.today()
    kwartaal, koppeling = last_ended_quarter(today)
    body = {
        "coaReferentie": "COA-E2E-RAP-1",
        "gemeentecode": GEMEENTE,
        "datumKoppeling": koppeling.isoformat(),
        "persoon": {
            "bsn": next(bsn_numbers(333_000_000)),
            "voornamen": "Amal",
            "achternaam": "Haddad",
            "geboortedatum": "1990-03-01",
            "doelgroep": "Asielstatushouder",
        },
    }
    response = httpx.post(f"{api(system, 'intake')}/coa-overdrachten", json=body, headers=coa)
    assert response.status_code == 201, response.text
    person = response.json()["inburgeraar"]
    current = httpx.get(person, headers=km)
    patch = {"datumInschrijvingBrp": (today - timedelta(days=7)).isoformat()}
    assert (
        httpx.patch(person, json=patch, headers={**km, "If-Match": current.headers["ETag"]}).status_code
        == 200
    )

    def concept() -> dict | None:
        rows = httpx.get(f"{api(system, 'pip')}/pips", params={"inburgeraar": person}, headers=km).json()[
            "results"
        ]
        return next((p for p in rows if p["inburgeraar"] == person and p["deadline"]), None)

    vaststellen(km, eventually(concept), "B1-route", today)

    # The traject event brought the termijn and the MAP deadline (R11: 18 months after the termijn's start).
    map_deadline = add_months(today + timedelta(days=1), 18)
    month = {
        "gemeentecode": GEMEENTE,
        "van": map_deadline.replace(day=1).isoformat(),
        "tot": add_months(map_deadline.replace(day=1), 1).isoformat(),
    }

    def map_in_month() -> bool:
        response = httpx.get(
            f"{api(system, 'reporting')}/dashboard/tabellen/deadlines", params=month, headers=regisseur
        )
        return response.status_code == 200 and response.json()["rijen"][0]["map"] == 1

    eventually(map_in_month)
    before = kpis(system, regisseur, today)
    assert before["pip"]["vastgesteld"] == 1 and before["leerroutes"][0]["aantal"] == 1

    response = httpx.post(f"{api(system, 'reporting')}/herbouw", headers=auth_headers("beheer", gemeente="*"))
    assert response.status_code == 200, response.text
    assert kpis(system, regisseur, today) == before
    assert map_in_month()

    response = httpx.post(
        f"{api(system, 'reporting')}/cbs-leveringen",
        json={"gemeentecode": GEMEENTE, "kwartaal": kwartaal},
        headers=regisseur,
    )
    assert response.status_code == 201, response.text
    levering = response.json()
    assert levering["status"] == "vrijgegeven" and levering["aantalRecords"] == 1
    file = httpx.get(levering["bestand"], headers=regisseur)
    assert file.status_code == 200
    record = file.text.splitlines()[1].split(";")
    assert record[:5] == [GEMEENTE, kwartaal, person.rsplit("/", 1)[-1], "ASH", koppeling.strftime("%Y%m%d")]
