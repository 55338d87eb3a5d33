"""The DUO exchange over real HTTP (issue 5): the DUO simulator notifies SS139, the trajectory reads DUO and
starts the PIP clock, which pip's PIP deadline follows; the PIP goes to DUO; SS102 and SS199 bring DUO's
termijn and an exam result; the MAP completion reaches DUO with the right `verwijtbaar` handling, also
across a DUO outage. SS120 moves a dossier to the gemeente the person settled in."""

from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.system import DUO_SIMULATOR, GEMEENTE_OINS, LocalSystem

from .conftest import eventually
from .test_first_flow import GEMEENTE, _bsns, record_brp, url, vaststellen

pytestmark = pytest.mark.e2e


def simulator(system: LocalSystem, path: str) -> str:
    return f"http://127.0.0.1:{system.ports[DUO_SIMULATOR]}/simulator{path}"


def duo_notificeert(system: LocalSystem, bsn: str, gebeurtenis: str) -> None:
    opdracht = {
        "bsn": bsn,
        "gebeurtenisId": gebeurtenis,
        "callbackUrl": url(system, "trajectory", "/notificaties"),
    }
    verslag = httpx.post(simulator(system, "/notificaties"), json=opdracht).json()
    assert verslag["status"] == 201, verslag


def dossier(system: LocalSystem, km: dict[str, str], inburgeraar: str) -> dict | None:
    rows = httpx.get(
        url(system, "trajectory", "/duo-dossiers"), params={"inburgeraar": inburgeraar}, headers=km
    ).json()["results"]
    return rows[0] if rows else None


def test_duo_notifies_the_trajectory_reflects_and_the_map_reaches_duo(system, auth_headers):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    today = date.today()
    bsn = next(_bsns)
    body = {
        "coaReferentie": "COA-E2E-DUO",
        "gemeentecode": GEMEENTE,
        "datumKoppeling": "2026-08-01",
        "persoon": {
            "bsn": bsn,
            "voornamen": "Amina",
            "achternaam": "Haddad",
            "geboortedatum": "1990-03-01",
            "doelgroep": "Asielstatushouder",
        },
    }
    inburgeraar = httpx.post(url(system, "intake", "/coa-overdrachten"), json=body, headers=coa).json()[
        "inburgeraar"
    ]
    record_brp(system, km, inburgeraar, today - timedelta(days=30))
    feiten = {
        "gemeenteOin": GEMEENTE_OINS[GEMEENTE],
        "gemeentecode": GEMEENTE[2:],
        "vestigingsdatum": (today - timedelta(days=30)).isoformat(),
        "inburgeringsplicht": {
            "indicatorInburgeringsplicht": True,
            "begindatum": (today - timedelta(days=60)).isoformat(),
        },
        "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
    }
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten).status_code == 201

    # SS139: DUO's plicht read, the PIP clock started, the BSN linked to the inburgeraar.
    duo_notificeert(system, bsn, "SS139")
    d = eventually(
        lambda: (d := dossier(system, km, inburgeraar)) and d["sync"]["status"] == "bijgewerkt" and d
    )
    assert (
        d["pipKlokStart"] == today.isoformat() or d["pipKlokStart"] == (today - timedelta(days=1)).isoformat()
    )
    assert d["inburgeringsplicht"]["indicatorInburgeringsplicht"] is True

    # The gemeente owns the PIP: once vastgesteld it reaches DUO.
    pip = eventually(
        lambda: next(
            (
                p
                for p in httpx.get(
                    url(system, "pip", "/pips"), params={"inburgeraar": inburgeraar}, headers=km
                ).json()["results"]
                if p["inburgeraar"] == inburgeraar
            ),
            None,
        )
    )
    # pip's PIP clock (R2) runs from DUO's SS139, no longer from the BRP registration.
    klok = date.fromisoformat(d["pipKlokStart"])
    pip = eventually(
        lambda: (
            (p := httpx.get(url(system, "pip", f"/pips/{pip['uuid']}"), headers=km).json())["deadline"]
            == (klok + timedelta(weeks=10)).isoformat()
            and p
        )
    )
    assert pip["termijn"]["gestartDoor"] == "DUO SS139 (woont in de gemeente)"
    dagtekening = today - timedelta(days=10)
    vaststellen(km, pip, "B1-route", dagtekening)
    eventually(lambda: httpx.get(simulator(system, f"/personen/{bsn}")).json().get("pips"))

    # SS102 and SS199: DUO's termijn (extended by DUO) and an exam result are reflected.
    einde = (dagtekening + timedelta(days=1)).replace(year=dagtekening.year + 3) + timedelta(days=90)
    examen = {
        "examendatum": (today - timedelta(days=2)).isoformat(),
        "resultaat": "Geslaagd",
        "onderdeel": "LE",
        "niveau": "B1",
    }
    feiten |= {
        "inburgeringstermijn": {
            "startdatum": (dagtekening + timedelta(days=1)).isoformat(),
            "einddatum": einde.isoformat(),
        },
        "examenresultaten": [examen],
    }
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten).status_code == 200
    duo_notificeert(system, bsn, "SS102")
    duo_notificeert(system, bsn, "SS199")
    eventually(lambda: (dossier(system, km, inburgeraar) or {}).get("examenresultaten") == [examen])

    def traject() -> dict | None:
        rows = httpx.get(url(system, "trajectory", "/trajecten"), headers=km).json()["results"]
        return next(
            (
                t
                for t in rows
                if t["inburgeraar"] == inburgeraar and t["termijnVerlengdTot"] == einde.isoformat()
            ),
            None,
        )

    opened = eventually(traject)

    # MAP completed before the end of the termijn: `verwijtbaar` is refused, without it DUO gets the date,
    # also when DUO is down for a while (the write waits and is retried).
    pad = url(system, "trajectory", f"/trajecten/{opened['uuid']}/componenten/map")
    afgerond = {
        "status": "afgerond",
        "startdatum": (today - timedelta(days=8)).isoformat(),
        "einddatum": (today - timedelta(days=1)).isoformat(),
    }
    etag = httpx.get(pad, headers=km).headers["ETag"]
    refused = httpx.put(pad, json={**afgerond, "verwijtbaar": "Nee"}, headers={**km, "If-Match": etag})
    assert refused.status_code == 422
    assert {p["code"] for p in refused.json()["invalidParams"]} == {"VERWIJTBAAR_VOOR_EINDE_TERMIJN"}
    assert httpx.put(simulator(system, "/storing"), json={}).status_code == 200
    assert httpx.put(pad, json=afgerond, headers={**km, "If-Match": etag}).status_code == 200
    eventually(lambda: (dossier(system, km, inburgeraar) or {})["sync"]["status"] == "storing")
    httpx.delete(simulator(system, "/storing"))

    def map_bij_duo() -> dict | None:
        return httpx.get(simulator(system, f"/personen/{bsn}")).json().get("map")

    assert eventually(map_bij_duo) == {
        "gemeenteOin": GEMEENTE_OINS[GEMEENTE],
        "datumEindgesprekMap": afgerond["einddatum"],
    }
    d = eventually(
        lambda: (d := dossier(system, km, inburgeraar)) and d["sync"]["status"] == "bijgewerkt" and d
    )
    assert [(o["soort"], o["status"]) for o in d["opdrachten"]] == [
        ("pip", "verzonden"),
        ("contactpersoon", "verzonden"),
        ("map", "verzonden"),
    ]


def test_duo_ss120_moves_the_dossier_to_the_gemeente_the_person_settled_in(system, auth_headers):
    coa = auth_headers("coa", gemeente=GEMEENTE)
    nieuw = auth_headers("klantmanager", gemeente="GM0200")
    bsn = next(_bsns)
    body = {
        "coaReferentie": "COA-E2E-SS120",
        "gemeentecode": GEMEENTE,
        "datumKoppeling": "2026-08-01",
        "persoon": {
            "bsn": bsn,
            "voornamen": "Samir",
            "achternaam": "Nasser",
            "geboortedatum": "1988-05-12",
            "doelgroep": "Asielstatushouder",
        },
    }
    inburgeraar = httpx.post(url(system, "intake", "/coa-overdrachten"), json=body, headers=coa).json()[
        "inburgeraar"
    ]
    feiten = {
        "gemeenteOin": GEMEENTE_OINS["GM0200"],
        "gemeentecode": "0200",
        "inburgeringsplicht": {"indicatorInburgeringsplicht": True, "begindatum": "2026-08-01"},
    }
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten).status_code == 201
    duo_notificeert(system, bsn, "SS120")
    d = eventually(
        lambda: (d := dossier(system, nieuw, inburgeraar)) and d["sync"]["status"] == "bijgewerkt" and d
    )
    assert d["gemeentecode"] == "GM0200"
    assert "Verhuizing: dossier verhuisd naar deze gemeente" in d["notificaties"][0]["resultaat"]
    verhuisd = httpx.get(inburgeraar, headers=nieuw).json()
    assert verhuisd["gemeentecode"] == "GM0200"
    assert [(v["vanGemeente"], v["naarGemeente"], v["gebeurtenis"]) for v in verhuisd["verhuizingen"]] == [
        (GEMEENTE, "GM0200", "SS120")
    ]
