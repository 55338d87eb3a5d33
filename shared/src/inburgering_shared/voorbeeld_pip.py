"""Making a concept PIP complete for a beschikking through the public APIs, as a klantmanager would.

For the end-to-end tests, the demo data and the benchmark: the gemeente's letterhead (pip's
settings, by beheer), the person's address (intake), and the PIP's klantmanager, components with
dates and a goal (pip). Each step is skipped when already done.
"""

from datetime import date

import httpx

ADRES = {"straat": "Kampwal", "huisnummer": 12, "postcode": "8301 AB", "woonplaats": "Emmeloord"}
KLANTMANAGER = {"naam": "S. Bakker", "telefoon": "0527 633 900", "email": "s.bakker@gemeente.example.nl"}
COMPONENTEN = [
    "leerroute",
    "participatiedeel van de leerroute",
    "KNM",
    "MAP",
    "PVT",
    "maatschappelijke begeleiding",
]
DOEL = {"leefgebied": "werk/opleiding", "omschrijving": "U vindt werk dat past bij wat u kunt."}


def briefhoofd(gemeentenaam: str) -> dict[str, object]:
    return {
        "gemeentenaam": gemeentenaam,
        "postadres": {"adres": "Postbus 100", "postcode": "8300 AD", "plaats": "Emmeloord"},
        "telefoon": "0527 633 911",
        "email": "inburgering@gemeente.example.nl",
        "ondertekenaar": {"naam": "J. de Vries", "functie": "teamleider Inburgering"},
    }


def zet_briefhoofd(
    beheer: httpx.Client, pip_api: str, gemeentecode: str, gemeentenaam: str | None = None
) -> None:
    url = f"{pip_api}/instellingen/{gemeentecode}"
    current = beheer.get(url).raise_for_status()
    if current.json()["briefhoofd"] is None:
        body = {
            **current.json(),
            "briefhoofd": briefhoofd(gemeentenaam or f"Voorbeeldgemeente {gemeentecode}"),
        }
        beheer.put(url, json=body, headers={"If-Match": current.headers["ETag"]}).raise_for_status()


def maak_volledig(km: httpx.Client, pip: dict[str, object], start: date) -> None:
    """The person's address at intake, and the PIP's klantmanager, components and goal."""
    inburgeraar = str(pip["inburgeraar"])
    dossier = km.get(inburgeraar).raise_for_status()
    if dossier.json().get("verblijfsadres") is None:
        km.patch(
            inburgeraar, json={"verblijfsadres": ADRES}, headers={"If-Match": dossier.headers["ETag"]}
        ).raise_for_status()
    current = km.get(str(pip["url"])).raise_for_status()
    inhoud = current.json()["inhoud"]
    wijziging: dict[str, object] = {"klantmanager": inhoud["klantmanager"] or KLANTMANAGER}
    if not inhoud["onderdelen"]:
        wijziging["onderdelen"] = [
            {"component": c, "aangeboden": True, "start": start.isoformat()} for c in COMPONENTEN
        ]
    if not inhoud["doelen"]:
        wijziging["doelen"] = [DOEL]
    km.patch(
        str(pip["url"]), json=wijziging, headers={"If-Match": current.headers["ETag"]}
    ).raise_for_status()
