"""Demo data for three gemeenten, loaded through the public APIs as their staff and partners would.

Noordoostpolder (GM0171) and Urk (GM0184), who buy in inburgering together
(region "Noordoostpolder en Urk", seed 002), and Winterswijk (GM0294, seed 004:
its own settings, onderwijsroute under 30 and one route change). Each gemeente
gets people in every stage of `STADIA`: handed over by COA; registered in the
BRP with a concept PIP; a PIP deadline passed without a PIP; a brede intake done
(leefgebieden, leerbaarheidstoets) and the PIP's advice; a PIP with content
vastgesteld (its letter) and a trajectory with a taalaanbieder, a monthly report
and hours; vastgesteld late; a route change; a bezwaar; a warning and a boete;
DUO exam results; ingeburgerd (plicht voldaan) with uitstroom to work; a gehele
ontheffing. Also each gemeente's SPUK budget for this year, its taalaanbieders'
contracts and invoices, and the region.
The letterheads' postbus, telephone and e-mail and the inburgeraars' addresses
are made up for the demo. Reproducible: a fixed seed per gemeente, dates counted
back from today. The DUO
stages need the DUO simulator (`make install` installs it); without it they are
skipped, with a message. Run against a running system: `make demo` (or `make run DEMO=1`).
"""

import random
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
from inburgering_shared import voorbeeld_pip
from inburgering_shared.auth import mint_token
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.contracts.brede_intake import Leefgebied
from inburgering_shared.system import DUO_SIMULATOR, GEMEENTE_OINS

STADIA = [
    "overgedragen",
    "concept-pip",
    "deadline-verstreken",
    "advies",
    "vastgesteld",
    "te-laat-vastgesteld",
    "routewijziging",
    "bezwaar",
    "handhaving",
    "examens",
    "ingeburgerd",
    "ontheffing",
]


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    plaats: str
    postadres: dict[str, str]  # the letterhead's, where a bezwaar goes
    straten: tuple[str, str, str]  # where its demo inburgeraars live
    postcode: str  # their postcode's four digits
    telefoon: str
    taalaanbieders: tuple[str, str]
    aantal: int
    seed: int
    instellingen: dict[str, int] | None = None  # pip's settings, when the gemeente set its own

    def briefhoofd(self) -> dict[str, object]:
        return {
            **voorbeeld_pip.briefhoofd(self.naam),
            "postadres": self.postadres,
            "telefoon": self.telefoon,
            "email": f"inburgering@{self.naam.lower()}.example.nl",
        }


GEMEENTEN = [
    Gemeente(
        "GM0171",
        "Noordoostpolder",
        "Emmeloord",
        {"adres": "Postbus 155", "postcode": "8300 AD", "plaats": "Emmeloord"},
        ("Kampwal", "Lange Nering", "Espelerlaan"),
        "8301",
        "0527 633 911",
        ("taalcentrum-noordoostpolder", "roc-flevoland"),
        24,
        171,
    ),
    Gemeente(
        "GM0184",
        "Urk",
        "Urk",
        {"adres": "Postbus 77", "postcode": "8320 AB", "plaats": "Urk"},
        ("Wijk 2", "Wijk 3", "Wijk 6"),
        "8321",
        "0527 680 000",
        ("taalcentrum-noordoostpolder", "taalschool-urk"),
        12,
        184,
    ),
    Gemeente(
        "GM0294",
        "Winterswijk",
        "Winterswijk",
        {"adres": "Postbus 101", "postcode": "7100 AC", "plaats": "Winterswijk"},
        ("Misterweg", "Meddosestraat", "Ratumsestraat"),
        "7101",
        "0543 543 543",
        ("taalcentrum-achterhoek", "graafschap-college"),
        12,
        294,
        {"onderwijsrouteMaxLeeftijd": 30, "maxRoutewijzigingen": 1},
    ),
]
REGIO = ("noordoostpolder-urk", "Noordoostpolder en Urk", ["GM0171", "GM0184"])
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
    ("Olena", "Kovalenko"),
    ("Tesfay", "Haile"),
    ("Noor", "Hashemi"),
    ("Merhawit", "Tekle"),
]
HERKOMST = [("Syrie", "Arabisch"), ("Eritrea", "Tigrinya"), ("Afghanistan", "Dari"), ("Turkije", "Turks")]
ROUTES = ["B1-route", "Z-route", "B1-route", "Onderwijsroute", "Z-route"]
PRIJZEN = {"B1-route": 10_000, "Onderwijsroute": 18_500, "Z-route": 7_500}
VAARDIGHEDEN = ("lezen", "luisteren", "schrijven", "spreken")


@dataclass
class Persoon:
    gemeente: Gemeente
    nummer: int
    bsn: str
    stadium: int
    inburgeraar: str = ""
    pip: dict[str, Any] = field(default_factory=dict)
    traject: str = ""

    def vanaf(self, stadium: str) -> bool:
        return self.stadium >= STADIA.index(stadium)


class Demo:
    def __init__(self, ports: dict[str, int], secret: str) -> None:
        self.ports, self.secret, self.today = ports, secret, date.today()
        self.duo = DUO_SIMULATOR in ports
        self.bsns = bsn_numbers(310_000_000)

    def url(self, service: str, path: str) -> str:
        return f"http://127.0.0.1:{self.ports[service]}/v1{path}"

    def client(self, role: str, gemeenten: list[str], client_id: str = "demo") -> httpx.Client:
        token = mint_token(
            self.secret, client_id=client_id, roles=[role], gemeenten=gemeenten, user_id=f"{role}-demo"
        )
        return httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30)

    def dag(self, dagen_geleden: int) -> str:
        return (self.today - timedelta(days=dagen_geleden)).isoformat()

    # --- the steps, each for every person it applies to ---

    def overdragen(self, g: Gemeente, mensen: list[Persoon], rng: random.Random) -> None:
        coa = self.client("coa", [g.code], "coa-demo")
        for p in mensen:
            voornaam, achternaam = NAMEN[(p.nummer + g.seed) % len(NAMEN)]
            land, taal = HERKOMST[p.nummer % len(HERKOMST)]
            body = {
                "coaReferentie": f"DEMO-{g.code}-{p.nummer:03d}",
                "gemeentecode": g.code,
                "datumKoppeling": self.dag(rng.randrange(100, 140)),
                "persoon": {
                    "bsn": p.bsn,
                    "voornamen": voornaam,
                    "achternaam": achternaam,
                    "geboortedatum": date(rng.randrange(1965, 2004), rng.randrange(1, 13), 14).isoformat(),
                    "landVanHerkomst": land,
                    "doelgroep": "Asielstatushouder",
                },
                "klantprofiel": {
                    "opleiding": rng.choice(["Basisonderwijs, 6 jaar", "Voortgezet onderwijs, 6 jaar"]),
                    "talen": [{"taal": taal, "niveau": "moedertaal"}],
                    "taalniveaus": {
                        v: rng.choice(["A0", "A1", "A2"]) for v in ("lezen", "luisteren", "spreken")
                    },
                    "voorbereidingInburgering": [{"onderdeel": "taal", "uren": rng.choice([40, 80, 120])}],
                },
            }
            response = _ok(coa.post(self.url("intake", "/coa-overdrachten"), json=body))
            p.inburgeraar = response.json()["inburgeraar"]

    def inschrijven(self, km: httpx.Client, g: Gemeente, mensen: list[Persoon], rng: random.Random) -> None:
        """BRP registration starts the PIP's ten weeks (R2) until DUO's SS139 says otherwise."""
        for p in mensen:
            weken = {"deadline-verstreken": 12, "te-laat-vastgesteld": 11}.get(STADIA[p.stadium], 0)
            dagen = weken * 7 or rng.randrange(14, 56)
            adres = {
                "straat": g.straten[p.nummer % 3],
                "huisnummer": 1 + p.nummer * 7 % 90,
                "postcode": f"{g.postcode} {'ABCDEFGH'[p.nummer % 8]}K",
                "woonplaats": g.plaats,
            }
            body = {"datumInschrijvingBrp": self.dag(dagen), "verblijfsadres": adres}
            _ok(_bij_de_laatste_versie(km, "PATCH", p.inburgeraar, body))

    def brede_intake(self, km: httpx.Client, mensen: list[Persoon], rng: random.Random) -> None:
        for p in mensen:
            uuid = p.inburgeraar.rsplit("/", 1)[1]
            toestemming = {"categorie": "gezondheid", "doel": "brede intake en PIP", "datum": self.dag(10)}
            _ok(km.post(f"{p.inburgeraar}/toestemmingen", json=toestemming))
            opened = _ok(km.post(self.url("intake", "/brede-intakes"), json={"inburgeraar": uuid}))
            haalbaar = ROUTES[p.nummer % len(ROUTES)] != "Z-route"
            body = {
                "datumGesprek": self.dag(7),
                "deelnemers": [{"rol": "klantmanager"}, {"rol": "COA"}, {"rol": "VluchtelingenWerk"}],
                "leefgebieden": [
                    {"leefgebied": lg.value, "zelfredzaamheid": rng.randrange(2, 6)} for lg in Leefgebied
                ],
                "leerbaarheidstoets": {
                    "resultaat": "B1-route haalbaar" if haalbaar else "B1-route niet haalbaar",
                    "behaaldeScore": str(rng.randrange(13, 20) if haalbaar else rng.randrange(4, 12)),
                    "benodigdeScore": "12.5",
                    "datum": self.dag(7),
                    "afgenomenDoor": "klantmanager",
                },
                "vooropleiding": "voortgezet onderwijs" if haalbaar else "basisonderwijs",
                "alfabetisering": "NVT",
            }
            filled = _ok(
                km.patch(opened.json()["url"], json=body, headers={"If-Match": opened.headers["ETag"]})
            )
            _ok(km.post(f"{opened.json()['url']}/afronden", headers={"If-Match": filled.headers["ETag"]}))

    def vaststellen(self, km: httpx.Client, mensen: list[Persoon]) -> None:
        """The PIP's content, then its vaststelling (the beschikking) on today's date."""
        for p in mensen:
            inhoud = {
                "doelen": [
                    {
                        "leefgebied": "werk/opleiding",
                        "omschrijving": "Binnen een jaar werk of een opleiding vinden",
                    },
                    {"leefgebied": "sociale participatie", "omschrijving": "Wekelijks naar het taalcafe"},
                ],
                "participatie": [
                    {"soort": "vrijwilligerswerk", "omschrijving": "Voedselbank, magazijn", "urenPerWeek": 8}
                ],
            }
            _ok(_bij_de_laatste_versie(km, "PATCH", p.pip["url"], inhoud))
            voorbeeld_pip.maak_volledig(km, p.pip, self.today)  # klantmanager and components, for the letter
            concept = km.get(p.pip["url"])
            leerroute = ROUTES[p.nummer % len(ROUTES)]
            body: dict[str, Any] = {"leerroute": leerroute, "dagtekening": self.today.isoformat()}
            if (concept.json().get("advies") or {}).get("leerroute") != leerroute:
                body["motivering"] = (
                    "In het gesprek met de taalaanbieder bleek deze leerroute beter te passen."
                )
            p.pip = _ok(
                km.post(
                    f"{p.pip['url']}/vaststellen", json=body, headers={"If-Match": concept.headers["ETag"]}
                )
            ).json()

    def trajecten(self, km: httpx.Client, g: Gemeente, mensen: list[Persoon]) -> None:
        """A taalaanbieder per trajectory, its report over last month, and participation hours."""
        maand = (self.today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        for p in mensen:
            aanbieder = g.taalaanbieders[p.nummer % 2]
            etag = km.get(p.traject).headers["ETag"]
            _ok(
                km.put(
                    f"{p.traject}/taalaanbieder",
                    json={"taalaanbieder": aanbieder},
                    headers={"If-Match": etag},
                )
            )
            rapport = {
                "urenGevolgd": 30 + p.nummer % 4 * 5,
                "aanwezigheidProcent": 70 + p.nummer % 4 * 8,
                "vaardigheden": [
                    {"vaardigheid": v, "niveau": "A2" if p.nummer % 3 else "A1"} for v in VAARDIGHEDEN
                ],
            }
            with self.client("taalaanbieder", [g.code], aanbieder) as taalaanbieder:
                _ok(taalaanbieder.put(f"{p.traject}/voortgangsrapportages/{maand}", json=rapport))
            uren = {"uren": 32, "omschrijving": "Vrijwilligerswerk bij de voedselbank"}
            _ok(km.put(f"{p.traject}/uren/participatie/{maand}", json=uren))

    def routewijziging(self, km: httpx.Client, p: Persoon) -> None:
        nieuw = "Z-route" if p.pip["leerroute"] != "Z-route" else "B1-route"
        body = {"reden": "Het leren gaat te snel", "dagtekening": self.today.isoformat(), "leerroute": nieuw}
        _ok(_bij_de_laatste_versie(km, "POST", p.pip["url"], body, "/wijzigingen"))

    def bezwaar(self, km: httpx.Client, p: Persoon) -> None:
        body = {"ontvangen": self.today.isoformat(), "gronden": "Ik wil de B1-route volgen, niet de Z-route."}
        _ok(km.post(f"{p.pip['url']}/bezwaren", json=body))

    def handhaving(self, km: httpx.Client, p: Persoon) -> None:
        for soort, dagen, bedrag in (("schriftelijke-waarschuwing", 14, None), ("boete", 0, "250.00")):
            besluit = {
                "soort": soort,
                "datum": self.dag(dagen),
                "bedrag": bedrag,
                "grond": "verplichtingen uit het PIP niet nagekomen",
                "verplichting": "Taalles volgen",
            }
            _ok(km.post(f"{p.traject}/handhavingsbesluiten", json=besluit))

    # --- DUO, through its simulator's control API ---

    def duo_feiten(self, p: Persoon, vestiging: str, **meer: Any) -> None:
        plicht = {"indicatorInburgeringsplicht": True, "begindatum": vestiging}
        feiten = {
            "gemeenteOin": GEMEENTE_OINS[p.gemeente.code],
            "gemeentecode": p.gemeente.code[2:],
            "vestigingsdatum": vestiging,
            "inburgeringsplicht": plicht,
            "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
            **meer,
        }
        _ok(httpx.put(self.simulator(f"/personen/{p.bsn}"), json=feiten, timeout=30))

    def duo_notificeert(self, p: Persoon, gebeurtenis: str) -> None:
        opdracht = {
            "bsn": p.bsn,
            "gebeurtenisId": gebeurtenis,
            "callbackUrl": self.url("trajectory", "/notificaties"),
        }
        verslag = _ok(httpx.post(self.simulator("/notificaties"), json=opdracht, timeout=30)).json()
        if verslag["status"] >= 300:
            raise RuntimeError(f"DUO's notification {gebeurtenis} was refused: {verslag}")

    def simulator(self, path: str) -> str:
        return f"http://127.0.0.1:{self.ports[DUO_SIMULATOR]}/simulator{path}"

    def duo_einde(self, km: httpx.Client, p: Persoon) -> None:
        """DUO: exam results (SS199); ingeburgerd: plicht voldaan (SS106), uitstroom; ontheffing (SS108)."""
        vestiging = km.get(p.inburgeraar).json()["datumInschrijvingBrp"]
        self.duo_feiten(p, vestiging)
        self.duo_notificeert(p, "SS139")  # the simulator notifies as of now: only where DUO takes part
        examens = [
            {"examendatum": self.dag(20), "resultaat": "Geslaagd", "onderdeel": o, "niveau": "B1"}
            for o in ("LE", "LU", "SC")
        ] + [{"examendatum": self.dag(19), "resultaat": "Gezakt", "onderdeel": "SP", "niveau": "B1"}]
        if STADIA[p.stadium] == "ontheffing":
            ontheffing = {
                "GeheleOntheffing": {"oordeel": "Toekenning", "datumOordeel": self.dag(3), "grond": "MED"}
            }
            plicht = _einde(vestiging, self.dag(3), "Volledige ontheffing")
            self.duo_feiten(p, vestiging, inburgeringsplicht=plicht, ontheffingen=[ontheffing])
            self.duo_notificeert(p, "SS108")
            return
        self.duo_feiten(p, vestiging, examenresultaten=examens)
        self.duo_notificeert(p, "SS199")
        if STADIA[p.stadium] == "ingeburgerd":
            plicht = _einde(vestiging, self.dag(5), "Inburgeringsplicht voldaan")
            self.duo_feiten(p, vestiging, examenresultaten=examens, inburgeringsplicht=plicht)
            self.duo_notificeert(p, "SS106")
            _ok(km.put(f"{p.traject}/uitstroom", json={"soort": "werk", "datum": self.dag(2)}))

    # --- the gemeente's own settings and money ---

    def instellingen(self, g: Gemeente) -> None:
        """The letterhead of the gemeente's beschikkingen, and its own settings where it has them."""
        with self.client("beheer", [g.code]) as beheer:
            pad = self.url("pip", f"/instellingen/{g.code}")
            current = _ok(beheer.get(pad))
            body = {**current.json(), **(g.instellingen or {}), "briefhoofd": g.briefhoofd()}
            _ok(beheer.put(pad, json=body, headers={"If-Match": current.headers["ETag"]}))

    def budget(self, g: Gemeente, rng: random.Random) -> None:
        jaar = self.today.year
        with self.client("regisseur", [g.code]) as regisseur:
            bedrag = g.aantal * 25_000
            _ok(
                regisseur.put(
                    self.url("reporting", "/spuk-budgetten"),
                    json={"gemeentecode": g.code, "jaar": jaar, "bedrag": bedrag},
                )
            )
            for aanbieder in g.taalaanbieders:
                for leerroute, prijs in PRIJZEN.items():
                    contract = {
                        "gemeentecode": g.code,
                        "jaar": jaar,
                        "taalaanbieder": aanbieder,
                        "leerroute": leerroute,
                        "prijs": prijs,
                    }
                    _ok(regisseur.put(self.url("reporting", "/aanbiedercontracten"), json=contract))
            for nummer, maand in enumerate(range(2, self.today.month, 3), start=1):
                uitgave = {
                    "gemeentecode": g.code,
                    "kenmerk": f"F-{jaar}-{nummer:03d}",
                    "datum": date(jaar, maand, 1).isoformat(),
                    "bedrag": rng.randrange(8, 20) * 1_000,
                    "taalaanbieder": g.taalaanbieders[nummer % 2],
                }
                _ok(regisseur.post(self.url("reporting", "/uitgaven"), json=uitgave))

    def regio(self) -> None:
        code, naam, gemeenten = REGIO
        with self.client("regisseur", gemeenten) as regisseur:
            _ok(
                regisseur.put(
                    self.url("reporting", f"/regios/{code}"), json={"naam": naam, "gemeenten": gemeenten}
                )
            )

    # --- waiting for what an event brings about in another service ---

    def wacht(
        self, km: httpx.Client, service: str, path: str, mensen: list[Persoon], klaar: Callable[[dict], bool]
    ) -> dict[str, dict]:
        """The resources at `path` that belong to each person and satisfy `klaar`, once all have arrived."""
        for _ in range(300):
            rows = km.get(self.url(service, path), params={"pageSize": 500}).json()["results"]
            found = {r["inburgeraar"]: r for r in rows}
            if all(p.inburgeraar in found and klaar(found[p.inburgeraar]) for p in mensen):
                return found
            time.sleep(0.2)
        raise RuntimeError(f"{path} did not show every demo person in time; are all services running?")

    def gemeente(self, g: Gemeente) -> None:
        rng = random.Random(g.seed)
        self.instellingen(g)
        mensen = [Persoon(g, i, next(self.bsns), i % len(STADIA)) for i in range(g.aantal)]
        if not self.duo:
            mensen = [p for p in mensen if not p.vanaf("examens")]
        self.overdragen(g, mensen, rng)
        km = self.client("klantmanager", [g.code])
        ingeschreven = [p for p in mensen if p.vanaf("concept-pip")]
        self.inschrijven(km, g, ingeschreven, rng)
        pips = self.wacht(km, "pip", "/pips", ingeschreven, lambda pip: pip["deadline"] is not None)
        for p in ingeschreven:
            p.pip = pips[p.inburgeraar]
        intake = [p for p in ingeschreven if p.vanaf("advies")]
        self.brede_intake(km, intake, rng)
        self.wacht(km, "pip", "/pips", intake, lambda pip: pip.get("advies") is not None)
        vast = [p for p in intake if p.vanaf("vastgesteld")]
        self.vaststellen(km, vast)
        trajecten = self.wacht(km, "trajectory", "/trajecten", vast, lambda _traject: True)
        for p in vast:
            p.traject = trajecten[p.inburgeraar]["url"]
        self.trajecten(km, g, vast)
        for p in vast:
            stap = {
                "routewijziging": self.routewijziging,
                "bezwaar": self.bezwaar,
                "handhaving": self.handhaving,
            }
            if (doe := stap.get(STADIA[p.stadium])) is not None:
                doe(km, p)
            if p.vanaf("examens"):
                self.duo_einde(km, p)
        self.budget(g, rng)
        print(
            f"  {g.naam} ({g.code}): {len(mensen)} inburgeraars in {len({p.stadium for p in mensen})} stages"
        )


def _einde(begin: str, einde: str, reden: str) -> dict[str, Any]:
    return {
        "indicatorInburgeringsplicht": False,
        "begindatum": begin,
        "einddatum": einde,
        "redenGeenInburgeringsplicht": reden,
    }


def _bij_de_laatste_versie(
    km: httpx.Client, methode: str, resource: str, body: dict[str, Any], pad: str = ""
) -> httpx.Response:
    """`methode` on `resource` + `pad` with If-Match on the resource's current ETag, again after a 412.

    Events from other services change a PIP or dossier in between (pip follows trajectory and
    DUO), so the loader answers a 412 as any client should: read again and resend.
    """
    for _ in range(5):
        etag = km.get(resource).headers["ETag"]
        response = km.request(methode, resource + pad, json=body, headers={"If-Match": etag})
        if response.status_code != 412:
            return response
        time.sleep(0.2)
    return response


def _ok(response: httpx.Response) -> httpx.Response:
    if response.is_error:
        raise RuntimeError(
            f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
        )
    return response


def load_demo(ports: dict[str, int], secret: str, gemeenten: Iterable[Gemeente] = GEMEENTEN) -> None:
    demo = Demo(ports, secret)
    print("Loading demo data through the public APIs ...")
    if not demo.duo:
        print("  (no DUO simulator: exam results, ingeburgerd and ontheffing are left out)")
    for g in gemeenten:
        demo.gemeente(g)
    demo.regio()


if __name__ == "__main__":
    from inburgering_shared.system import DUO_SIMULATOR_PORT, SERVICES, duo_simulator_installed
    from run import dev_secret

    ports = {s.name: s.port for s in SERVICES}
    if duo_simulator_installed():
        ports[DUO_SIMULATOR] = DUO_SIMULATOR_PORT
    load_demo(ports, dev_secret())
    sys.exit(0)
