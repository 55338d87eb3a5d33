"""COA's bulk handover to pip's advice over real HTTP between real processes (issues 3 and 15).

COA hands over in bulk (one item invalid) -> the klantmanager records consent and
runs the brede intake, prefilled from COA (the profiel's language levels and diploma
with bron COA), corrects one language skill -> completing it publishes on
`brede-intakes` -> pip reads the brede intake over REST and drafts the PIP's advice,
which cites the language levels and the diploma's IDW waardering.
"""

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.contracts.brede_intake import Leefgebied
from inburgering_shared.system import LocalSystem

from .conftest import eventually

pytestmark = pytest.mark.e2e
GEMEENTE = "GM0363"  # apart from the other e2e flows, which count GM0171
_bsns = bsn_numbers(233_000_000)


def url(system: LocalSystem, service: str, path: str) -> str:
    return f"http://127.0.0.1:{system.ports[service]}/v1{path}"


TOETS = {
    "resultaat": "B1-route haalbaar",
    "behaaldeScore": "15",
    "benodigdeScore": "12.5",
    "datum": "2026-09-01",
    "afgenomenDoor": "klantmanager",
}


def profiel(referentie: str, bsn: str) -> dict:
    return {
        "coaReferentie": referentie,
        "gemeentecode": GEMEENTE,
        "datumKoppeling": "2026-08-01",
        "persoon": {"bsn": bsn, "voornamen": "Hana", "achternaam": "Berhe", "geboortedatum": "1999-03-03",
                    "doelgroep": "Asielstatushouder"},
        "klantprofiel": {
            "opleiding": "Voortgezet onderwijs, 6 jaar",
            "talen": [{"taal": "Tigrinya"}],
            "taalniveaus": {"lezen": "A2", "luisteren": "A2", "spreken": "A1"},
            "diplomas": [{"naam": "Secondary school certificate", "land": "Eritrea",
                          "waardering": {"vergelijkbaarNiveau": "havo", "datum": "2026-07-01"}}],
        },
    }  # fmt: skip


def test_bulk_handover_to_brede_intake_to_pip_advice(system, auth_headers):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    bulk = {"overdrachten": [profiel("COA-E2E-BI-1", next(_bsns)), {"coaReferentie": "COA-E2E-BI-2"}]}
    response = httpx.post(url(system, "intake", "/coa-overdrachten/bulk"), json=bulk, headers=coa)
    assert response.status_code == 200, response.text
    [stored, invalid] = response.json()["resultaten"]
    assert (stored["uitkomst"], invalid["uitkomst"], invalid["positie"]) == ("aangemaakt", "ongeldig", 1)
    dossier = stored["overdracht"]["inburgeraar"]
    dossier_id = dossier.rsplit("/", 1)[1]

    toestemming = {"categorie": "gezondheid", "doel": "brede intake en PIP", "datum": "2026-08-15"}
    assert httpx.post(f"{dossier}/toestemmingen", json=toestemming, headers=km).status_code == 201
    opened = httpx.post(url(system, "intake", "/brede-intakes"), json={"inburgeraar": dossier_id}, headers=km)
    assert opened.status_code == 201, opened.text
    assert opened.json()["achtergrond"]["opleiding"]["bron"] == "COA"
    taal = opened.json()["profiel"]["taalniveaus"]
    assert (taal["spreken"]["waarde"], taal["spreken"]["bron"]) == ("A1", "COA") and taal["schrijven"] is None
    assert opened.json()["profiel"]["diplomas"]["bron"] == "COA"
    intake_url = opened.json()["url"]
    gesproken = {"profiel": {"taalniveaus": {"spreken": "A2"}}}
    corrected = httpx.patch(intake_url, json=gesproken, headers={**km, "If-Match": opened.headers["ETag"]})
    assert corrected.status_code == 200, corrected.text
    taal = corrected.json()["profiel"]["taalniveaus"]
    assert (taal["spreken"]["waarde"], taal["spreken"]["bron"]) == ("A2", "klantmanager")
    assert taal["lezen"]["bron"] == "COA"
    body = {
        "datumGesprek": "2026-09-01",
        "deelnemers": [{"rol": "klantmanager"}, {"rol": "COA"}, {"rol": "tolk", "taal": "Tigrinya"}],
        "leefgebieden": [{"leefgebied": lg.value, "zelfredzaamheid": 4} for lg in Leefgebied],
        "leerbaarheidstoets": TOETS,
        "vooropleiding": "voortgezet onderwijs",
        "alfabetisering": "NVT",
    }  # fmt: skip
    filled = httpx.patch(intake_url, json=body, headers={**km, "If-Match": corrected.headers["ETag"]})
    assert filled.status_code == 200, filled.text
    done = httpx.post(f"{intake_url}/afronden", headers={**km, "If-Match": filled.headers["ETag"]})
    assert done.status_code == 200, done.text

    def advised() -> dict | None:
        pips = httpx.get(url(system, "pip", "/pips"), params={"inburgeraar": dossier}, headers=km).json()[
            "results"
        ]
        pip = next((p for p in pips if p["inburgeraar"] == dossier), None)
        return pip if pip is not None and pip.get("advies") else None

    pip = eventually(advised)
    assert pip["advies"]["bredeIntake"] == intake_url
    assert pip["advies"]["leerroute"] is not None
    redenen = {r["code"]: r for r in pip["advies"]["redenen"]}
    assert redenen["TAALNIVEAU_HUIDIG"]["tekst"] == "Huidig taalniveau: lezen A2, luisteren A2, spreken A2."
    assert "vergelijkbaar met havo" in redenen["DIPLOMA_IDW"]["tekst"]
    assert redenen["DIPLOMA_IDW"]["bron"].startswith("Wet inburgering 2021 art. 15")
