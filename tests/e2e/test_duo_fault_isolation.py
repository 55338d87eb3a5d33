"""One person's answer from DUO outside DUO's contract holds up that person only (issue 14), over real
HTTP: the DUO simulator answers one person's doelgroep read with a value DUO's schema does not allow
while two others' notifications and PIP writes go through in the same rounds; the one shows `storing`
with the reason, is parked after its attempts, and once the simulator answers by the contract again
and beheer restarts the sync the dossier converges."""

from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.system import GEMEENTE_OINS, LocalSystem

from .conftest import eventually
from .test_first_flow import GEMEENTE, concept_pip, handover, record_brp, vaststellen
from .test_traject_duo_exchange import dossier, duo_notificeert, simulator

pytestmark = pytest.mark.e2e


def persoon_bij_duo(system: LocalSystem, coa: dict, km: dict, referentie: str) -> tuple[str, str]:
    """A person handed over by COA, in the BRP, and known to DUO as inburgeringsplichtig here."""
    today = date.today()
    overdracht = handover(system, coa, referentie)
    inburgeraar = overdracht["inburgeraar"]
    bsn = httpx.get(inburgeraar, headers=km).json()["bsn"]
    record_brp(system, km, inburgeraar, today - timedelta(days=30))
    feiten = {
        "gemeenteOin": GEMEENTE_OINS[GEMEENTE],
        "gemeentecode": GEMEENTE[2:],
        "inburgeringsplicht": {
            "indicatorInburgeringsplicht": True,
            "begindatum": (today - timedelta(days=60)).isoformat(),
        },
        "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
    }
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten).status_code == 201
    return inburgeraar, bsn


def test_an_answer_outside_duos_contract_holds_up_one_person_only_and_converges(system, auth_headers):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    mensen = [persoon_bij_duo(system, coa, km, f"COA-E2E-STORING-{i}") for i in range(3)]
    (kapot_url, kapot_bsn), *goed = mensen
    vast = {
        "methode": "GET",
        "pad": f"/v1/personen/{kapot_bsn}/doelgroep",
        "body": {"indeling": "Kennismigrant", "gedetailleerdeDoelgroep": "Asielstatushouder"},
    }
    assert httpx.post(simulator(system, "/vaste-antwoorden"), json=vast).status_code == 201

    # The PIPs are vastgesteld first: their writes wait for DUO to name the people.
    dagtekening = date.today() - timedelta(days=5)
    for inburgeraar, _ in mensen:
        vaststellen(km, concept_pip(system, km, inburgeraar), "B1-route", dagtekening)
    for _, bsn in mensen:
        duo_notificeert(system, bsn, "SS139")

    def pips_bij_duo(bsn: str) -> list:
        return httpx.get(simulator(system, f"/personen/{bsn}")).json().get("pips", [])

    for inburgeraar, bsn in goed:
        d = eventually(
            lambda i=inburgeraar: (d := dossier(system, km, i)) and d["sync"]["status"] == "bijgewerkt" and d
        )
        assert [(o["soort"], o["status"]) for o in d["opdrachten"]] == [
            ("pip", "verzonden"),
            ("contactpersoon", "verzonden"),
        ]
        assert pips_bij_duo(bsn)[0]["pip"]["dagtekeningPip"] == dagtekening.isoformat()

    def storing() -> dict | None:
        rows = httpx.get(url_dossiers(system), headers=km).json()["results"]
        return next((d for d in rows if d["sync"]["status"] == "storing" and d["inburgeraar"] is None), None)

    d = eventually(storing)
    assert "valt buiten DUO's contract: indeling:" in d["sync"]["laatsteFout"]
    assert kapot_bsn not in str(d)
    assert pips_bij_duo(kapot_bsn) == []

    # Retried with backoff, then parked for a person; once the simulator answers by DUO's contract
    # again, beheer's POST /duo-sync retries it and the dossier converges.
    eventually(lambda: (s := storing()) and s["sync"]["geparkeerd"] == 1)
    assert httpx.delete(simulator(system, "/vaste-antwoorden")).status_code == 204
    herstart = httpx.post(
        url_dossiers(system).replace("duo-dossiers", "duo-sync"), headers=auth_headers("beheer")
    )
    assert herstart.json()["heropendeNotificaties"] >= 1
    d = eventually(
        lambda: (d := dossier(system, km, kapot_url)) and d["sync"]["status"] == "bijgewerkt" and d
    )
    assert d["doelgroep"]["indeling"] == "Asielstatushouder"
    assert [(o["soort"], o["status"]) for o in d["opdrachten"]] == [
        ("pip", "verzonden"),
        ("contactpersoon", "verzonden"),
    ]
    assert len(eventually(lambda: pips_bij_duo(kapot_bsn))) == 1


def url_dossiers(system: LocalSystem) -> str:
    return f"http://127.0.0.1:{system.ports['trajectory']}/v1/duo-dossiers"
