"""Trajectory's facts reach reporting over real HTTP (resources handhaving, examen, voortgang and
afronding on kanaal trajecten): a handhaving decision, DUO's exam results from the simulator (SS199), a
taalaanbieder's monthly report, DUO's plicht voldaan (SS106) and the recorded uitstroom. The KPIs and the
taalaanbieder figures are exact (a taalaanbieder of its own; dates only this test uses in GM0171), and a
full rebuild from the owners' lists gives the same figures."""

from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.system import GEMEENTE_OINS, LocalSystem

from .conftest import eventually
from .test_first_flow import GEMEENTE, _bsns, concept_pip, record_brp, url, vaststellen
from .test_traject_duo_exchange import dossier, duo_notificeert, simulator

pytestmark = pytest.mark.e2e
TAALAANBIEDER = "taalschool-e2e-rapportage"


def cijfers(system: LocalSystem, headers: dict[str, str], van: date, tot: date) -> tuple[dict, list[dict]]:
    params = {"gemeentecode": GEMEENTE, "van": van.isoformat(), "tot": tot.isoformat()}
    kpis = httpx.get(url(system, "reporting", "/kpis"), params=params, headers=headers)
    aanbieders = httpx.get(url(system, "reporting", "/aanbieders"), params=params, headers=headers)
    assert kpis.status_code == aanbieders.status_code == 200, (kpis.text, aanbieders.text)
    return kpis.json(), [a for a in aanbieders.json() if a["taalaanbieder"] == TAALAANBIEDER]


def test_trajectory_facts_reach_reporting_and_the_rebuild_gives_the_same_figures(system, auth_headers):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    regisseur = auth_headers("regisseur", gemeente=GEMEENTE)
    taalaanbieder = auth_headers("taalaanbieder", gemeente=GEMEENTE, client_id=TAALAANBIEDER)
    today = date.today()
    bsn = next(_bsns)
    body = {
        "coaReferentie": "COA-E2E-RAPPORTAGE",
        "gemeentecode": GEMEENTE,
        "datumKoppeling": (today - timedelta(days=90)).isoformat(),
        "persoon": {
            "bsn": bsn,
            "voornamen": "Nadia",
            "achternaam": "Karimi",
            "geboortedatum": "1991-02-03",
            "doelgroep": "Asielstatushouder",
        },
    }
    response = httpx.post(url(system, "intake", "/coa-overdrachten"), json=body, headers=coa)
    assert response.status_code == 201, response.text
    inburgeraar = response.json()["inburgeraar"]
    record_brp(system, km, inburgeraar, today - timedelta(days=60))
    plicht = {"indicatorInburgeringsplicht": True, "begindatum": (today - timedelta(days=60)).isoformat()}
    feiten = {
        "gemeenteOin": GEMEENTE_OINS[GEMEENTE],
        "gemeentecode": GEMEENTE[2:],
        "vestigingsdatum": (today - timedelta(days=60)).isoformat(),
        "inburgeringsplicht": plicht,
        "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
    }
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten).status_code == 201
    duo_notificeert(system, bsn, "SS139")
    eventually(lambda: (d := dossier(system, km, inburgeraar)) and d["sync"]["status"] == "bijgewerkt")
    vaststellen(km, concept_pip(system, km, inburgeraar), "B1-route", today - timedelta(days=50))

    def traject() -> dict | None:
        rows = httpx.get(url(system, "trajectory", "/trajecten"), headers=km).json()["results"]
        return next((t for t in rows if t["inburgeraar"] == inburgeraar), None)

    pad = url(system, "trajectory", f"/trajecten/{eventually(traject)['uuid']}")
    etag = httpx.get(pad, headers=km).headers["ETag"]
    toegewezen = httpx.put(
        f"{pad}/taalaanbieder", json={"taalaanbieder": TAALAANBIEDER}, headers={**km, "If-Match": etag}
    )
    assert toegewezen.status_code == 200, toegewezen.text

    # Handhaving (R15): a written warning, then a boete of EUR 150.
    for soort, dagen, bedrag in (("schriftelijke-waarschuwing", 40, None), ("boete", 30, "150.00")):
        besluit = {
            "soort": soort,
            "datum": (today - timedelta(days=dagen)).isoformat(),
            "bedrag": bedrag,
            "grond": "verplichtingen uit het PIP niet nagekomen",
            "verplichting": "Taalles volgen",
        }
        response = httpx.post(f"{pad}/handhavingsbesluiten", json=besluit, headers=km)
        assert response.status_code == 201, response.text

    # The taalaanbieder's report: 40 hours at 80% attendance (50 planned), A2 on all four skills.
    maand = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    rapport = {
        "urenGevolgd": 40,
        "aanwezigheidProcent": 80,
        "vaardigheden": [
            {"vaardigheid": v, "niveau": "A2"} for v in ("lezen", "luisteren", "schrijven", "spreken")
        ],
    }
    response = httpx.put(f"{pad}/voortgangsrapportages/{maand}", json=rapport, headers=taalaanbieder)
    assert response.status_code == 201, response.text

    # DUO: two exam results (SS199), then the plicht met (SS106).
    examens = [
        {
            "examendatum": (today - timedelta(days=20)).isoformat(),
            "resultaat": "Geslaagd",
            "onderdeel": "LE",
            "niveau": "A2",
        },
        {
            "examendatum": (today - timedelta(days=19)).isoformat(),
            "resultaat": "Gezakt",
            "onderdeel": "SP",
            "niveau": "A2",
        },
    ]
    voldaan = {
        **plicht,
        "indicatorInburgeringsplicht": False,
        "einddatum": (today - timedelta(days=5)).isoformat(),
        "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
    }
    assert httpx.put(
        simulator(system, f"/personen/{bsn}"), json={**feiten, "examenresultaten": examens}
    ).is_success
    duo_notificeert(system, bsn, "SS199")
    eventually(lambda: (dossier(system, km, inburgeraar) or {}).get("examenresultaten") == examens)
    assert httpx.put(
        simulator(system, f"/personen/{bsn}"),
        json={**feiten, "examenresultaten": examens, "inburgeringsplicht": voldaan},
    ).is_success
    duo_notificeert(system, bsn, "SS106")

    # The klantmanager records the uitstroom: to work, three days ago.
    uitstroom = {"soort": "werk", "datum": (today - timedelta(days=3)).isoformat()}
    # DUO's SS106 may be applied to the same trajectory meanwhile: a 412 says so, and is resent.
    vastgelegd = eventually(
        lambda: (r := httpx.put(f"{pad}/uitstroom", json=uitstroom, headers=km)).status_code != 412 and r
    )
    assert vastgelegd.status_code == 200, vastgelegd.text

    afronding = url(system, "trajectory", f"/rapportage/afrondingen/{pad.rsplit('/', 1)[1]}")
    service = auth_headers("service", gemeente="*")
    assert (
        eventually(lambda: httpx.get(afronding, headers=service).json()["plichtVoldaanOp"])
        == voldaan["einddatum"]
    )

    van, tot = today - timedelta(days=60), today + timedelta(days=1)
    verwacht_aanbieder = [
        {
            "taalaanbieder": TAALAANBIEDER,
            "inburgeraars": 1,
            "urenGepland": 50,
            "urenAanwezig": 40,
            "aanwezigheid": 80.0,
            "niveauBehaald": 1,
            "examens": 2,
            "examensBehaald": 1,
            "slagingspercentage": 50.0,
        }
    ]

    def aangekomen() -> tuple[dict, list[dict]] | None:
        kpis, aanbieder = cijfers(system, regisseur, van, tot)
        handhaving = {h["soort"]: (h["aantal"], h["bedrag"]) for h in kpis["handhaving"]}
        uitstroom = {u["soort"]: u["aantal"] for u in kpis["uitstroom"] if u["aantal"]}
        beeindigd = {b["soort"]: b["aantal"] for b in kpis["plichtBeeindigd"]}
        klaar = (
            handhaving.get("waarschuwing") == (1, 0)
            and handhaving.get("boete") == (1, 150)
            and uitstroom == {"werk": 1}
            and beeindigd["plicht-voldaan"] >= 1  # DUO's SS106, through trajectory and pip
            and aanbieder == verwacht_aanbieder
        )
        return (kpis, aanbieder) if klaar else None

    voor = eventually(aangekomen, timeout=60)

    response = httpx.post(url(system, "reporting", "/herbouw"), headers=auth_headers("beheer", gemeente="*"))
    assert response.status_code == 200, response.text
    aantallen = response.json()["aantallen"]
    assert set(aantallen) == {
        "inburgeraar",
        "brede-intake",
        "pip",
        "traject",
        "handhaving",
        "examen",
        "voortgang",
        "afronding",
    }
    assert min(aantallen[bron] for bron in ("handhaving", "examen", "voortgang", "afronding")) >= 1
    kpis, aanbieder = cijfers(system, regisseur, van, tot)
    anders = {k: (voor[0][k], v) for k, v in kpis.items() if v != voor[0][k]}
    assert anders == {}
    assert aanbieder == voor[1]
