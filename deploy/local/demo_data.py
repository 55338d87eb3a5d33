"""Realistic demo data for one gemeente, loaded through the public APIs (as partners would).

Gemeente Noordoostpolder (GM0171): inburgeraars in every stage the system
knows so far: just handed over by COA, registered in the BRP with a concept PIP,
a PIP deadline already passed, and PIPs vastgesteld over the leerroutes in the
gemeente's own expected split (seed 002: 40% B1, 20% Onderwijs, 40% Z).
Run against a running system: `make demo` (or `make run DEMO=1`).
"""

import random
import sys
import time
from datetime import date, timedelta

import httpx
from inburgering_shared.auth import mint_token
from inburgering_shared.testing import bsn_numbers

GEMEENTE = "GM0171"
NAMEN = [
    ("Amina", "Haddad"),
    ("Yonas", "Tesfaye"),
    ("Samir", "Nouri"),
    ("Fatma", "Yilmaz"),
    ("Omar", "Khalil"),
    ("Hiwet", "Gebremedhin"),
    ("Lina", "Aziz"),
    ("Dawit", "Bekele"),
    ("Rania", "Saleh"),
    ("Ahmad", "Rahimi"),
]
LANDEN = ["Syrie", "Eritrea", "Afghanistan", "Turkije", "Jemen", "Irak"]
ROUTES = ["B1-route"] * 4 + ["Onderwijsroute"] * 2 + ["Z-route"] * 4


def _eventually_pip(client: httpx.Client, pip_url: str, inburgeraar: str) -> dict:
    for _ in range(100):
        pips = client.get(pip_url + "/pips?pageSize=500").json()["results"]
        found = next((p for p in pips if p["inburgeraar"] == inburgeraar and p["deadline"]), None)
        if found:
            return found
        time.sleep(0.1)
    raise RuntimeError("PIP did not appear; is the pip service running?")


def load_demo(ports: dict[str, int], secret: str, aantal: int = 30) -> None:
    rng = random.Random(171)
    intake, pip = f"http://127.0.0.1:{ports['intake']}/v1", f"http://127.0.0.1:{ports['pip']}/v1"
    coa = httpx.Client(
        headers={
            "Authorization": "Bearer "
            + mint_token(secret, client_id="coa-demo", roles=["coa"], gemeenten=[GEMEENTE])
        },
        timeout=10,
    )
    km = httpx.Client(
        headers={
            "Authorization": "Bearer "
            + mint_token(
                secret, client_id="demo", roles=["klantmanager"], gemeenten=[GEMEENTE], user_id="km-demo"
            )
        },
        timeout=10,
    )
    bsns, today = bsn_numbers(300_000_000 + rng.randrange(1_000_000)), date.today()
    for i in range(aantal):
        voornaam, achternaam = NAMEN[i % len(NAMEN)]
        body = {
            "coaReferentie": f"DEMO-{today:%Y%m%d}-{i:04d}",
            "gemeentecode": GEMEENTE,
            "datumKoppeling": (today - timedelta(days=rng.randrange(60, 200))).isoformat(),
            "persoon": {
                "bsn": next(bsns),
                "voornamen": voornaam,
                "achternaam": achternaam,
                "geboortedatum": date(
                    rng.randrange(1960, 2006), rng.randrange(1, 13), rng.randrange(1, 28)
                ).isoformat(),
                "landVanHerkomst": rng.choice(LANDEN),
                "doelgroep": "Asielstatushouder",
            },
            "klantprofiel": {"talen": [{"taal": "Arabisch", "niveau": "moedertaal"}]},
        }
        inburgeraar = (
            coa.post(intake + "/coa-overdrachten", json=body).raise_for_status().json()["inburgeraar"]
        )
        stage = i % 5
        if stage == 0:
            continue  # handed over by COA, not yet living in the gemeente
        brp = today - timedelta(weeks=12 if stage == 2 else rng.randrange(1, 8))
        etag = km.get(inburgeraar).headers["ETag"]
        km.patch(
            inburgeraar, json={"datumInschrijvingBrp": brp.isoformat()}, headers={"If-Match": etag}
        ).raise_for_status()
        if stage in (1, 2):
            continue  # concept PIP; stage 2's deadline has passed
        concept = _eventually_pip(km, pip, inburgeraar)
        etag = km.get(concept["url"]).headers["ETag"]
        km.post(
            concept["url"] + "/vaststellen",
            headers={"If-Match": etag},
            json={"leerroute": ROUTES[i % len(ROUTES)], "dagtekening": today.isoformat()},
        ).raise_for_status()
    print(f"Loaded {aantal} demo inburgeraars for {GEMEENTE}.")


if __name__ == "__main__":
    from inburgering_shared.system import SERVICES
    from run import dev_secret

    load_demo({s.name: s.port for s in SERVICES}, dev_secret())
    sys.exit(0)
