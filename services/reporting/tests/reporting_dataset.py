"""The fixed data set the KPI, CBS and dashboard tests are checked against, and a double of its owners.

Eleven inburgeraars of GM0171 (A..L without K) and one of GM0184 (I), each with
the resources intake, pip and trajectory would serve for them (the contracts of
inburgering_shared.contracts.reporting_inputs). The expected figures in the
tests are worked out by hand from the comments below.
"""

import uuid
from typing import Any

import httpx
from fastapi.testclient import TestClient

INTAKE = "http://intake.test/v1"
PIP = "http://pip.test/v1"
TRAJECTORY = "http://trajectory.test/v1"
KANAAL = {"inburgeraar": "inburgeraars", "brede-intake": "brede-intakes", "pip": "pips"}
LIST_PATH = {
    "inburgeraar": f"{INTAKE}/inburgeraars",
    "brede-intake": f"{INTAKE}/brede-intakes",
    "pip": f"{PIP}/pips",
    "traject": f"{TRAJECTORY}/trajecten",
    "handhaving": f"{TRAJECTORY}/handhavingen",
    "afronding": f"{TRAJECTORY}/afrondingen",
    "voortgang": f"{TRAJECTORY}/voortgang",
    "examen": f"{TRAJECTORY}/examens",
}
BRONNEN = dict(LIST_PATH)


def _id(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


class Person:
    def __init__(self, key: str, gemeente: str = "GM0171") -> None:
        self.key, self.gemeente = key, gemeente
        self.url = f"{INTAKE}/inburgeraars/{_id(key)}"
        self.resources: list[tuple[str, dict[str, Any]]] = []
        self.componenten: list[dict[str, Any]] = []  # served at {traject url}/componenten

    def add(self, resource: str, **fields: Any) -> "Person":
        url = f"{LIST_PATH[resource]}/{_id(f'{self.key}-{resource}-{len(self.resources)}')}"
        body = {"url": url, "inburgeraar": self.url, "gemeentecode": self.gemeente, **fields}
        if resource == "inburgeraar":
            body = {"url": self.url, "uuid": _id(self.key), "gemeentecode": self.gemeente, **fields}
        self.resources.append((resource, body))
        return self

    def inburgeraar(self, doelgroep: str, **dates: str | None) -> "Person":
        return self.add("inburgeraar", doelgroep=doelgroep, **dates)

    def pip(
        self, deadline: str | None, dagtekening: str | None = None, leerroute: str | None = None
    ) -> "Person":
        status = "vastgesteld" if dagtekening else "concept"
        return self.add(
            "pip",
            uuid=_id(self.key + "-pip"),
            status=status,
            leerroute=leerroute,
            dagtekening=dagtekening,
            deadline=deadline,
            versie=1,
        )

    def traject(
        self,
        leerroute: str,
        start: str,
        einde: str,
        map_deadline: str | None,
        taalaanbieder: str | None = None,
        verlengd_tot: str | None = None,
    ) -> "Person":
        return self.add(
            "traject",
            leerroute=leerroute,
            termijnStart=start,
            termijnEinde=einde,
            mapDeadline=map_deadline,
            termijnVerlengdTot=verlengd_tot,
            taalaanbieder=taalaanbieder,
        )

    def voortgang(
        self, aanbieder: str, peildatum: str, gepland: int, aanwezig: int, niveau: str | None
    ) -> "Person":
        return self.add(
            "voortgang",
            taalaanbieder=aanbieder,
            peildatum=peildatum,
            urenGepland=gepland,
            urenAanwezig=aanwezig,
            niveauBehaald=niveau,
        )

    def examen(self, onderdeel: str, datum: str, resultaat: str, aanbieder: str | None) -> "Person":
        return self.add(
            "examen", onderdeel=onderdeel, examendatum=datum, resultaat=resultaat, taalaanbieder=aanbieder
        )

    def component(self, soort: str, gestart: str | None = None, afgerond: str | None = None) -> "Person":
        status = "afgerond" if afgerond else "gestart" if gestart else "niet-gestart"
        self.componenten.append(
            {"soort": soort, "status": status, "startdatum": gestart, "einddatum": afgerond}
        )
        return self


def dataset() -> list[Person]:
    people = [
        # A: clock at BRP 2025-03-01, PIP 2025-04-30 (60 days, on time before 05-10), B1; PVT done in 2025.
        Person("A")
        .inburgeraar(
            "Asielstatushouder",
            datumKoppeling="2025-01-10",
            datumKennisgeving="2025-02-01",
            datumInschrijvingBrp="2025-03-01",
        )
        .add("brede-intake", status="afgerond", datumAfgerond="2025-03-20")
        .pip("2025-05-10", "2025-04-30", "B1-route")
        .traject("B1-route", "2025-05-01", "2028-05-01", "2026-11-01", "TAAL-A")
        .component("pvt", "2025-09-01", "2025-09-15")
        .component("map", "2025-10-01")
        .voortgang("TAAL-A", "2025-09-30", 200, 180, "A2")
        .examen("lezen", "2025-10-01", "behaald", "TAAL-A")
        .examen("schrijven", "2025-10-01", "niet behaald", "TAAL-A"),
        # B: clock at kennisgeving 2025-02-15 (BRP earlier), PIP 2025-06-14 (119 days, late), Z-route.
        Person("B")
        .inburgeraar(
            "Asielstatushouder",
            datumKoppeling="2025-02-01",
            datumKennisgeving="2025-02-15",
            datumInschrijvingBrp="2025-02-10",
        )
        .pip("2025-04-26", "2025-06-14", "Z-route")
        .traject("Z-route", "2025-06-15", "2028-06-15", "2026-12-15", "TAAL-B")
        .add("handhaving", soort="waarschuwing", besluitdatum="2025-03-20")
        .add("handhaving", soort="boete", besluitdatum="2025-05-01", bedrag=250)
        .add("handhaving", soort="boete", besluitdatum="2024-12-01", bedrag=100)
        .voortgang("TAAL-B", "2025-06-30", 50, 40, None)
        .voortgang("TAAL-B", "2025-09-30", 100, 60, None),  # the later report stands
        # C: no koppeling, inflow at kennisgeving 2025-03-05; PIP on its deadline (70 days), Onderwijsroute.
        Person("C")
        .inburgeraar("Gezinsvormer", datumKennisgeving="2025-03-05", datumInschrijvingBrp="2024-12-01")
        .pip("2025-05-14", "2025-05-14", "Onderwijsroute"),
        # D: inflow 2024; MAP deadline 2025-02-02 met; KNM done 2025-11-01; to work 2025-12-01.
        Person("D")
        .inburgeraar(
            "Asielstatushouder",
            datumKoppeling="2024-06-01",
            datumKennisgeving="2024-06-20",
            datumInschrijvingBrp="2024-07-01",
        )
        .pip("2024-09-09", "2024-08-01", "B1-route")
        .traject("B1-route", "2024-08-02", "2027-08-02", "2025-02-02", "TAAL-A")
        .component("map", "2025-01-15")
        .component("knm", "2024-09-01", "2025-11-01")
        .add("afronding", uitstroom="werk", uitstroomOp="2025-12-01")
        .voortgang("TAAL-A", "2025-06-30", 400, 300, "B1")
        .examen("spreken", "2024-11-01", "behaald", "TAAL-A"),  # before 2025
        # E: termijn ended 2025-03-02 without the plicht met: exceeded.
        Person("E")
        .inburgeraar("Overig", datumKennisgeving="2022-01-10")
        .pip(None, "2022-03-01", "B1-route")
        .traject("B1-route", "2022-03-02", "2025-03-02", "2023-09-02"),
        # F: termijn would end 2025-04-02, extended by DUO to 2026-04-02: extended, not exceeded.
        Person("F")
        .inburgeraar("Asielstatushouder", datumKennisgeving="2022-02-01")
        .pip(None, "2022-04-01", "Z-route")
        .traject("Z-route", "2022-04-02", "2025-04-02", "2023-10-02", verlengd_tot="2026-04-02"),
        # G: PIP deadline 2025-11-29 passed without a PIP.
        Person("G")
        .inburgeraar(
            "Asielstatushouder",
            datumKoppeling="2025-09-01",
            datumKennisgeving="2025-09-10",
            datumInschrijvingBrp="2025-09-20",
        )
        .pip("2025-11-29"),
        # H: inflow 2025-12-20, deadline in 2026: not late yet.
        Person("H").inburgeraar("Gezinshereniger", datumKennisgeving="2025-12-20").pip("2026-02-28"),
        # L: MAP deadline 2025-06-02 missed (started 07-01); PVT, leerroute, MAP done; to education.
        Person("L")
        .inburgeraar("Asielstatushouder", datumKennisgeving="2023-10-01")
        .pip(None, "2023-12-01", "B1-route")
        .traject("B1-route", "2023-12-02", "2026-12-02", "2025-06-02", "TAAL-B")
        .component("pvt", "2025-01-10", "2025-02-01")
        .component("leerroute", "2023-12-10", "2025-09-01")
        .component("map", "2025-07-01", "2025-09-20")
        .add("afronding", plichtVoldaanOp="2025-10-01", uitstroom="onderwijs", uitstroomOp="2025-10-15")
        .examen("KNM", "2025-05-01", "behaald", None),  # counts for TAAL-B, L's taalaanbieder
        # I (GM0184): PIP 2025-05-01 on time (61 days), B1-route.
        Person("I", "GM0184")
        .inburgeraar("Asielstatushouder", datumKoppeling="2025-03-01", datumKennisgeving="2025-03-01")
        .pip("2025-05-10", "2025-05-01", "B1-route"),
    ]
    return people


class OwnersDouble:
    """Answers GETs of single resources and of paginated lists (two per page) as the owners would."""

    def __init__(self) -> None:
        self.resources: dict[str, Any] = {}
        self.lists: dict[str, list[str]] = {url: [] for url in LIST_PATH.values()}

    def put(self, resource: str, body: dict[str, Any], person: Person | None = None) -> None:
        if body["url"] not in self.resources:
            self.lists[LIST_PATH[resource]].append(body["url"])
        self.resources[body["url"]] = body
        if resource == "traject" and person is not None:
            self.resources[body["url"] + "/componenten"] = person.componenten

    def handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url.copy_with(query=None))
        if url in self.lists:
            page = int(request.url.params.get("page", "1"))
            items = self.lists[url][(page - 1) * 2 : page * 2]
            more = page * 2 < len(self.lists[url])
            return httpx.Response(
                200,
                json={
                    "count": len(self.lists[url]),
                    "previous": None,
                    "next": f"{url}?page={page + 1}" if more else None,
                    "results": [self.resources[i] for i in items],
                },
            )
        body = self.resources.get(url)
        return httpx.Response(200, json=body) if body is not None else httpx.Response(404, json={})


def notify(
    client: TestClient, headers: dict[str, str], resource: str, body: dict[str, Any], actie: str = "create"
) -> None:
    """Post the event announcing `body`, as its owner's dispatcher would."""
    event = {
        "id": str(uuid.uuid4()),
        "kanaal": KANAAL.get(resource, "trajecten"),
        "hoofdObject": body["url"],
        "resource": resource,
        "resourceUrl": body["url"],
        "actie": actie,
        "aanmaakdatum": "2026-01-05T10:00:00Z",
        "kenmerken": {"gemeentecode": body["gemeentecode"]},
    }
    response = client.post("/v1/callbacks", json=event, headers=headers)
    assert response.status_code == 204, response.text


# The gemeente's own figures for 2025 (entered in reporting itself): SPUK budget, contracts, invoices.
BUDGET = {"gemeentecode": "GM0171", "jaar": 2025, "bedrag": 500_000}
CONTRACTEN = [
    {
        "gemeentecode": "GM0171",
        "jaar": 2025,
        "taalaanbieder": "TAAL-A",
        "leerroute": "B1-route",
        "prijs": 9_500,
    },
    {
        "gemeentecode": "GM0171",
        "jaar": 2025,
        "taalaanbieder": "TAAL-B",
        "leerroute": "Z-route",
        "prijs": 9_800,
    },
    {
        "gemeentecode": "GM0171",
        "jaar": 2025,
        "taalaanbieder": "TAAL-A",
        "leerroute": "Onderwijsroute",
        "prijs": 18_750,
    },
]
UITGAVEN = [
    {
        "gemeentecode": "GM0171",
        "kenmerk": "F-2025-001",
        "datum": "2025-03-01",
        "bedrag": 4_000,
        "taalaanbieder": "TAAL-A",
    },
    {
        "gemeentecode": "GM0171",
        "kenmerk": "F-2025-002",
        "datum": "2025-06-01",
        "bedrag": 6_000,
        "taalaanbieder": "TAAL-B",
    },
    {
        "gemeentecode": "GM0171",
        "kenmerk": "F-2024-009",
        "datum": "2024-12-01",
        "bedrag": 7_000,
        "taalaanbieder": "TAAL-A",
    },
]


def load_budget(client: TestClient, headers: dict[str, str]) -> None:
    assert client.put("/v1/spuk-budgetten", json=BUDGET, headers=headers).status_code == 200
    for contract in CONTRACTEN:
        assert client.put("/v1/aanbiedercontracten", json=contract, headers=headers).status_code == 200
    for uitgave in UITGAVEN:
        assert client.post("/v1/uitgaven", json=uitgave, headers=headers).status_code == 201


def load(client: TestClient, owners: OwnersDouble, headers: dict[str, str]) -> None:
    """Every resource of the data set, served by the double and announced by an event, in order."""
    for person in dataset():
        for resource, body in person.resources:
            owners.put(resource, body, person)
            notify(client, headers, resource, body)
