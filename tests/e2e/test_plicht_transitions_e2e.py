"""The plicht at its transitions over real HTTP, with DUO's notifications from the DUO simulator:

- SS108 (gehele ontheffing, art. 5 Wet inburgering 2021): pip closes the late PIP deadline with the reason,
  the scheduler resolves its signal, a PIP is refused, reporting counts the ended plicht;
- SS107 (gehele vrijstelling, art. 4): trajectory closes every open termijn of the trajectory;
- SS101 for a plicht begun before 2022 (art. 54 lid 1): no PIP deadline, a PIP refused naming the rule,
  reporting counts the person in the ondertussengroep;
- SS121 (settled in another gemeente with the previous gemeente's PIP): the whole dossier moves, the
  old gemeente is refused, the new one reads everything with its history, the PIP stays in force.
"""

from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.system import GEMEENTE_OINS, LocalSystem

from .conftest import eventually
from .test_first_flow import GEMEENTE, _bsns, concept_pip, record_brp, url, vaststellen
from .test_traject_duo_exchange import dossier, duo_notificeert, simulator

pytestmark = pytest.mark.e2e


def feiten(plicht: dict, **meer: object) -> dict:
    return {
        "gemeenteOin": GEMEENTE_OINS[GEMEENTE],
        "gemeentecode": GEMEENTE[2:],
        "inburgeringsplicht": plicht,
        "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
        **meer,
    }


def overdracht(system: LocalSystem, headers: dict[str, str], referentie: str) -> tuple[str, str]:
    """COA hands a person over; returns the inburgeraar's URL and the BSN DUO knows them by."""
    bsn = next(_bsns)
    body = {
        "coaReferentie": referentie,
        "gemeentecode": GEMEENTE,
        "datumKoppeling": "2026-08-01",
        "persoon": {
            "bsn": bsn,
            "voornamen": "Leyla",
            "achternaam": "Karimi",
            "geboortedatum": "1991-02-03",
            "doelgroep": "Asielstatushouder",
        },
    }
    response = httpx.post(url(system, "intake", "/coa-overdrachten"), json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["inburgeraar"], bsn


def refused(headers: dict[str, str], pip: dict, dagtekening: date) -> dict:
    etag = httpx.get(pip["url"], headers=headers).headers["ETag"]
    response = httpx.post(
        pip["url"] + "/vaststellen",
        json={"leerroute": "B1-route", "dagtekening": dagtekening.isoformat()},
        headers={**headers, "If-Match": etag},
    )
    assert response.status_code == 422, response.text
    return response.json()


def test_end_states_and_the_wet_2013_over_http(system, auth_headers):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    beleid = auth_headers("beleid", gemeente=GEMEENTE)
    today = date.today()
    begonnen = (today - timedelta(weeks=14)).isoformat()

    # 1. A late PIP deadline with its signal; DUO grants a gehele ontheffing (SS108).
    ontheven, bsn = overdracht(system, coa, "COA-E2E-ONTHEFFING")
    record_brp(system, km, ontheven, today - timedelta(weeks=12))
    pip = concept_pip(system, km, ontheven)

    def signaal() -> dict | None:
        rows = httpx.get(url(system, "scheduler", "/signalen"), headers=km).json()["results"]
        return next((s for s in rows if s["inburgeraar"] == ontheven), None)

    assert eventually(signaal)["soort"] == "pip-vaststellen-verstreken"
    ontheffing = {
        "GeheleOntheffing": {"oordeel": "Toekenning", "datumOordeel": today.isoformat(), "grond": "MED"}
    }
    geen_plicht = {
        "indicatorInburgeringsplicht": False,
        "begindatum": begonnen,
        "einddatum": today.isoformat(),
        "redenGeenInburgeringsplicht": "Volledige ontheffing",
    }
    assert httpx.put(
        simulator(system, f"/personen/{bsn}"), json=feiten(geen_plicht, ontheffingen=[ontheffing])
    ).status_code in (200, 201)
    duo_notificeert(system, bsn, "SS108")

    gesloten = eventually(
        lambda: (p := httpx.get(pip["url"], headers=km).json())["termijn"]["status"] == "vervallen" and p
    )
    assert gesloten["eindreden"] == "gehele-ontheffing"
    assert gesloten["termijn"]["afsluitreden"].startswith("PLICHT_BEEINDIGD: gehele-ontheffing: art. 5")
    opgelost = eventually(
        lambda: next(
            (
                s
                for s in httpx.get(
                    url(system, "scheduler", "/signalen"), params={"status": "opgelost"}, headers=km
                ).json()["results"]
                if s["inburgeraar"] == ontheven
            ),
            None,
        )
    )
    assert opgelost["status"] == "opgelost"
    assert [p["code"] for p in refused(km, pip, today)["invalidParams"]] == ["PLICHT_BEEINDIGD"]

    # 2. A trajectory under way; DUO grants a gehele vrijstelling (SS107): every open termijn closes.
    vrijgesteld, bsn = overdracht(system, coa, "COA-E2E-VRIJSTELLING")
    record_brp(system, km, vrijgesteld, today - timedelta(days=20))
    vaststellen(km, concept_pip(system, km, vrijgesteld), "B1-route", today - timedelta(days=5))

    def traject() -> dict | None:
        rows = httpx.get(url(system, "trajectory", "/trajecten"), headers=km).json()["results"]
        return next((t for t in rows if t["inburgeraar"] == vrijgesteld), None)

    opened = eventually(traject)
    vrijstelling = {
        "GeheleVrijstelling": {"oordeel": "Toekenning", "reden": "DIP", "datumOordeel": today.isoformat()}
    }
    plicht = {"indicatorInburgeringsplicht": True, "begindatum": begonnen}
    assert httpx.put(
        simulator(system, f"/personen/{bsn}"), json=feiten(plicht, vrijstellingen=[vrijstelling])
    ).status_code in (200, 201)
    duo_notificeert(system, bsn, "SS107")
    beeindigd = eventually(lambda: (t := traject()) and t["eindeReden"] == "vrijstelling" and t)
    assert beeindigd["eindeOp"] == today.isoformat()

    def termijnen(status: str) -> list[dict]:
        rows = httpx.get(
            url(system, "trajectory", "/deadlines"), params={"status": status, "pageSize": 500}, headers=km
        ).json()["results"]
        return [d for d in rows if d["inburgeraar"] == opened["inburgeraar"]]

    assert termijnen("open") == []
    assert {d["soort"] for d in termijnen("vervallen")} >= {"inburgeringstermijn", "voortgangsgesprek"}
    assert {d["afsluitreden"] for d in termijnen("vervallen")} == {
        "vrijstelling: art. 4 Wet inburgering 2021 (vrijstelling, DUO)"
    }

    # 3. A plicht begun before 2022 (SS101): the Wet inburgering 2013 applies, no PIP deadline, no PIP.
    oud, bsn = overdracht(system, coa, "COA-E2E-WI2013")
    record_brp(system, km, oud, today - timedelta(days=3))
    pip = concept_pip(system, km, oud)
    plicht = {"indicatorInburgeringsplicht": True, "begindatum": "2021-06-01"}
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten(plicht)).status_code in (200, 201)
    duo_notificeert(system, bsn, "SS101")
    assert eventually(lambda: (dossier(system, km, oud) or {}).get("wet")) == "Wet inburgering 2013"
    pip = eventually(lambda: (p := httpx.get(pip["url"], headers=km).json())["wet"] and p)
    assert (pip["deadline"], pip["termijn"]["status"]) == (None, "vervallen")
    [param] = refused(km, pip, today)["invalidParams"]
    assert param["code"] == "WI2013" and "art. 54 lid 1 Wet inburgering 2021" in param["reason"]

    # Reporting counts the ended plichten per reason and the ondertussengroep apart.
    periode = {
        "gemeentecode": GEMEENTE,
        "van": today.isoformat(),
        "tot": (today + timedelta(days=1)).isoformat(),
    }

    def kpis() -> dict | None:
        body = httpx.get(url(system, "reporting", "/kpis"), params=periode, headers=beleid).json()
        beeindigd = {a["soort"]: a["aantal"] for a in body["plichtBeeindigd"]}
        return body if beeindigd["gehele-ontheffing"] >= 1 and body["ondertussengroep"] >= 1 else None

    assert eventually(kpis)


NIEUW = "GM0294"  # a gemeente no other e2e test counts in


def audittrail(system: LocalSystem, headers: dict[str, str], service: str, inburgeraar: str) -> list[dict]:
    response = httpx.get(
        url(system, service, "/audittrail"), params={"hoofdObject": inburgeraar}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_a_move_takes_the_whole_dossier_to_the_new_gemeente_over_http(system, auth_headers):
    coa, oud = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    nieuw = auth_headers("klantmanager", gemeente=NIEUW)
    today = date.today()

    # In the old gemeente: a PIP deadline passed (a signal), then the PIP vastgesteld, a trajectory.
    inburgeraar, bsn = overdracht(system, coa, "COA-E2E-VERHUIZING")
    record_brp(system, oud, inburgeraar, today - timedelta(weeks=12))
    pip = concept_pip(system, oud, inburgeraar)

    def signalen(headers: dict[str, str], status: str) -> list[dict]:
        rows = httpx.get(
            url(system, "scheduler", "/signalen"),
            params={"inburgeraar": inburgeraar, "status": status},
            headers=headers,
        ).json()["results"]
        return [s for s in rows if s["inburgeraar"] == inburgeraar]

    [signaal] = eventually(lambda: signalen(oud, "open"))
    vaststellen(oud, pip, "B1-route", today - timedelta(days=5))
    eventually(lambda: signalen(oud, "opgelost"))

    def traject(headers: dict[str, str]) -> dict | None:
        rows = httpx.get(
            url(system, "trajectory", "/trajecten"), params={"inburgeraar": inburgeraar}, headers=headers
        ).json()["results"]
        return rows[0] if rows else None

    voor = eventually(lambda: traject(oud))
    componenten_voor = httpx.get(voor["url"] + "/componenten", headers=oud).json()
    pip_voor = httpx.get(pip["url"], headers=oud).json()

    def termijnen(headers: dict[str, str]) -> list[tuple[str, str, str]]:
        rows = httpx.get(
            url(system, "trajectory", "/deadlines"),
            params={"status": "open", "pageSize": 500},
            headers=headers,
        ).json()["results"]
        return sorted(
            (d["soort"], d["vervaldatum"], d["gemeentecode"]) for d in rows if d["inburgeraar"] == inburgeraar
        )

    termijnen_voor = eventually(lambda: termijnen(oud))

    # DUO: the person settled in GM0200 with the previous gemeente's PIP (SS121).
    feiten_nieuw = {
        **feiten({"indicatorInburgeringsplicht": True, "begindatum": "2026-08-01"}),
        "gemeenteOin": GEMEENTE_OINS[NIEUW],
        "gemeentecode": NIEUW[2:],
    }
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten_nieuw).status_code in (200, 201)
    duo_notificeert(system, bsn, "SS121")

    na = eventually(lambda: traject(nieuw))
    assert na["url"] == voor["url"] and na["gemeentecode"] == NIEUW
    assert (na["termijnStart"], na["termijnEinde"], na["mapDeadline"]) == (
        voor["termijnStart"],
        voor["termijnEinde"],
        voor["mapDeadline"],
    )
    assert httpx.get(voor["url"] + "/componenten", headers=nieuw).json() == componenten_voor
    assert eventually(lambda: termijnen(nieuw)) == [(s, d, NIEUW) for s, d, _ in termijnen_voor]
    # The PIP stays in force: the same version, dates and deadline, now the new gemeente's.
    pip_na = eventually(lambda: (r := httpx.get(pip["url"], headers=nieuw)).status_code == 200 and r.json())
    blijft = ("status", "versie", "leerroute", "dagtekening", "deadline", "termijn")
    assert {k: pip_na[k] for k in blijft} == {k: pip_voor[k] for k in blijft}
    assert [s["uuid"] for s in eventually(lambda: signalen(nieuw, "opgelost"))] == [signaal["uuid"]]

    # The old gemeente has lost access to all of it.
    assert httpx.get(inburgeraar, headers=oud).status_code == 404
    assert httpx.get(voor["url"], headers=oud).status_code == 404
    assert httpx.get(voor["url"] + "/componenten", headers=oud).status_code == 404
    assert httpx.get(pip["url"], headers=oud).status_code == 404
    assert termijnen(oud) == [] and signalen(oud, "opgelost") == []

    # Each service's audit trail shows the hand-over, and its history is the new gemeente's to read.
    teamleider = {g: auth_headers("teamleider", gemeente=g) for g in (GEMEENTE, NIEUW)}
    for service in ("intake", "pip", "trajectory", "scheduler"):
        regels = eventually(
            lambda service=service: [
                r
                for r in audittrail(system, teamleider[NIEUW], service, inburgeraar)
                if r["actie"] == "overdragen"
            ]
        )
        assert [(r["bron"], r["namens"]) for r in regels] == [(service, f"{GEMEENTE},{NIEUW}")]
        assert "(SS121)" in regels[0]["toelichting"]
    # The new gemeente appoints its klantmanager. On that event every service hands over what a read
    # running while the hand-over was committed recorded under the gemeente it read; the old gemeente
    # then sees nothing of the dossier's history, and the hand-over stays recorded once.
    etag = httpx.get(inburgeraar, headers=nieuw).headers["ETag"]
    toegewezen = httpx.patch(
        inburgeraar, json={"klantmanager": "km-nieuw"}, headers={**nieuw, "If-Match": etag}
    )
    assert toegewezen.status_code == 200, toegewezen.text
    eventually(
        lambda: all(
            audittrail(system, teamleider[GEMEENTE], service, inburgeraar) == []
            for service in ("intake", "pip", "trajectory", "scheduler")
        )
    )
    for service in ("intake", "pip", "trajectory", "scheduler"):
        acties = [r["actie"] for r in audittrail(system, teamleider[NIEUW], service, inburgeraar)]
        assert acties.count("overdragen") == 1, service
    eerder = audittrail(system, teamleider[NIEUW], "pip", inburgeraar)
    assert any(r["namens"] == GEMEENTE and r["resourceUrl"].endswith("/vaststellen") for r in eerder)


def test_a_move_takes_effect_on_its_moving_date_over_http(system, auth_headers):
    """A move recorded by hand for a later date leaves the dossier with the old gemeente (202) until that
    day; one whose date has passed hands it over at once, with the hand-over in the audit trail and the
    person counted in the new gemeente's figures."""
    coa, oud = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    nieuw = auth_headers("klantmanager", gemeente=NIEUW)
    inburgeraar, bsn = overdracht(system, coa, "COA-E2E-VERHUIZING-DATUM")
    today = date.today()

    def verhuis(dag: date) -> httpx.Response:
        body = {"bsn": bsn, "naarGemeente": NIEUW, "datumVestiging": dag.isoformat(), "gebeurtenis": "SS120"}
        return httpx.post(url(system, "intake", "/verhuizingen"), json=body, headers=nieuw)

    later = verhuis(today + timedelta(days=14))
    assert later.status_code == 202, later.text
    assert httpx.get(inburgeraar, headers=oud).status_code == 200
    assert httpx.get(inburgeraar, headers=nieuw).status_code == 404

    assert verhuis(today - timedelta(days=2)).status_code == 200  # corrected: the date has passed
    assert httpx.get(inburgeraar, headers=oud).status_code == 404
    assert httpx.get(inburgeraar, headers=nieuw).json()["gemeentecode"] == NIEUW
    teamleider = auth_headers("teamleider", gemeente=NIEUW)
    [regel] = [r for r in audittrail(system, teamleider, "intake", inburgeraar) if r["actie"] == "overdragen"]
    assert regel["namens"] == f"{GEMEENTE},{NIEUW}"
    assert f"gevestigd op {(today - timedelta(days=2)).isoformat()} (SS120)" in regel["toelichting"]
