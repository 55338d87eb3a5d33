"""The inburgeringsaanbod and the klantmanager as contactpersoon reach DUO from a PIP vastgesteld over HTTP
(issue 14): the klantmanager names the leerroute's aanbieder (an instelling DUO lists) and the alfabetisering
in the PIP, vaststelt it, and the trajectory's DUO sync delivers the PIP, the aanbod and the contactpersoon
to the DUO simulator. DUO has no read of the aanbod or the contactpersoon: the simulator's own read-back
shows what it received; the PIP is read back through DUO's getPipByBsn."""

import uuid
from datetime import date, timedelta

import httpx
import pytest
from inburgering_shared.system import DUO_OIN, DUO_SIMULATOR, GEMEENTE_OINS, LocalSystem
from inburgering_shared.voorbeeld_pip import COMPONENTEN, KLANTMANAGER

from .conftest import eventually
from .test_duo_fault_isolation import persoon_bij_duo
from .test_first_flow import GEMEENTE, concept_pip, vaststellen
from .test_traject_duo_exchange import dossier, duo_notificeert, simulator

pytestmark = pytest.mark.e2e

INSTELLING = {
    "instellingsnummer": "4455667788",
    "naam": "Taalschool De Noordoostpolder",
    "postcode": "8301AB",
    "huisnummer": 12,
    "plaatsnaam": "Emmeloord",
    "indicatieBowKeurmerk": True,
}


def duo_leest(system: LocalSystem, pad: str) -> httpx.Response:
    """A read through DUO's own API, as the gemeente sends it (bron, doel, berichtId)."""
    headers = {"bron": GEMEENTE_OINS[GEMEENTE], "doel": DUO_OIN, "berichtId": str(uuid.uuid4())}
    return httpx.get(f"http://127.0.0.1:{system.ports[DUO_SIMULATOR]}/v1{pad}", headers=headers)


def test_a_pip_vastgesteld_over_http_brings_the_aanbod_and_the_contactpersoon_to_duo(system, auth_headers):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    referentie = httpx.put(simulator(system, "/referentiedata"), json={"instellingen": [INSTELLING]})
    assert referentie.status_code == 200
    assert [i["naam"] for i in duo_leest(system, "/instellingen").json()] == [INSTELLING["naam"]]
    inburgeraar, bsn = persoon_bij_duo(system, coa, km, "COA-E2E-AANBOD")
    duo_notificeert(system, bsn, "SS139")

    # The klantmanager names the taalschool (as DUO lists it) and the alfabetisering, then vaststelt.
    dagtekening, start = date.today() - timedelta(days=5), date.today() + timedelta(days=14)
    concept = concept_pip(system, km, inburgeraar)
    # pip moves the PIP deadline to DUO's SS139 clock (an event): edited after that, no 412 in between.
    pip = eventually(
        lambda: (
            (p := httpx.get(concept["url"], headers=km).json())["termijn"]["gestartDoor"].startswith(
                "DUO SS139"
            )
            and p
        )
    )
    onderdelen = [
        {
            "component": c,
            "aangeboden": True,
            "start": start.isoformat(),
            **(
                {"aanbieder": INSTELLING["naam"], "verwachtEinde": (start + timedelta(days=540)).isoformat()}
                if c == "leerroute"
                else {}
            ),
        }
        for c in COMPONENTEN
    ]
    etag = httpx.get(pip["url"], headers=km).headers["ETag"]
    gewijzigd = httpx.patch(
        pip["url"],
        json={"onderdelen": onderdelen, "alfabetisering": "AA", "klantmanager": KLANTMANAGER},
        headers={**km, "If-Match": etag},
    )
    assert gewijzigd.status_code == 200, gewijzigd.text
    vastgesteld = vaststellen(km, pip, "B1-route", dagtekening)
    assert (vastgesteld["alfabetisering"], vastgesteld["klantmanager"]) == ("AA", KLANTMANAGER)

    def verzonden() -> dict | None:
        d = dossier(system, km, inburgeraar)
        return d if d and d["sync"]["status"] == "bijgewerkt" and len(d["opdrachten"]) == 3 else None

    d = eventually(verzonden)
    assert [(o["soort"], o["status"]) for o in d["opdrachten"]] == [
        ("pip", "verzonden"),
        ("aanbod", "verzonden"),
        ("contactpersoon", "verzonden"),
    ]
    pip_bij_duo = duo_leest(system, f"/personen/{bsn}/PIP")
    assert pip_bij_duo.status_code == 200
    assert pip_bij_duo.json()["pip"]["dagtekeningPip"] == dagtekening.isoformat()

    ontvangen = httpx.get(simulator(system, f"/personen/{bsn}")).json()
    assert ontvangen["inburgeringsaanbod"] == {
        INSTELLING["instellingsnummer"]: {
            "datumInburgeringsaanbod": start.isoformat(),
            "verwachteStartdatumOpleiding": start.isoformat(),
            "verwachteEinddatumOpleiding": (start + timedelta(days=540)).isoformat(),
            "indicatorAlfabetiseringsonderwijs": "AA",
        }
    }
    [contactpersoon] = [
        c for c in httpx.get(simulator(system, "/contactpersonen")).json() if bsn in c["personen"]
    ]
    assert contactpersoon["gemeenteOin"] == GEMEENTE_OINS[GEMEENTE]
    assert contactpersoon["contactpersoongegevens"] == {
        "naam": KLANTMANAGER["naam"],
        "email": KLANTMANAGER["email"],
        "telefoonnummer": KLANTMANAGER["telefoon"],
    }

    # The PIP is withdrawn here (a besluit of its own): DUO's sync withdraws it and the aanbod there.
    etag = httpx.get(pip["url"], headers=km).headers["ETag"]
    intrekking = {
        "grond": "vergissing",
        "toelichting": "Het PIP is vastgesteld voor de verkeerde leerroute.",
        "dagtekening": date.today().isoformat(),
    }
    ingetrokken = httpx.post(f"{pip['url']}/intrekking", json=intrekking, headers={**km, "If-Match": etag})
    assert ingetrokken.status_code == 200, ingetrokken.text
    assert ingetrokken.json()["status"] == "ingetrokken"

    def weg_bij_duo() -> dict | None:
        d = dossier(system, km, inburgeraar)
        klaar = d and [(o["soort"], o["status"]) for o in d["opdrachten"]][-1:] == [("pip-weg", "verzonden")]
        return d if klaar else None

    eventually(weg_bij_duo)
    assert duo_leest(system, f"/personen/{bsn}/PIP").status_code == 404
    assert not httpx.get(simulator(system, f"/personen/{bsn}")).json()["inburgeringsaanbod"]
