"""A person who moved: each fact counts for the gemeente responsible on the fact's date.

M came in at GM0171 (koppeling 2025-01-10), got a PIP there on time (2025-04-30) and a warning
(2025-05-20), settled in GM0184 on 2025-07-15 (SS121: with the PIP of the previous gemeente), got a boete
there (2025-09-01) and flowed out to work (2025-10-01). Every resource is served as it is after the
hand-over: all of it GM0184's. The CBS file of a quarter is the gemeente's that was responsible on the
quarter's last day, with the person's whole record as it stood then.
"""

import uuid

import pytest
from reporting_dataset import Person, notify

PERIOD = {"van": "2025-01-01", "tot": "2026-01-01"}
OUD, NIEUW = "GM0171", "GM0184"
VERHUIZING = {
    "vanGemeente": OUD,
    "naarGemeente": NIEUW,
    "datumVestiging": "2025-07-15",
    "gebeurtenis": "SS121",
}


def verhuisd() -> Person:
    return (
        Person("M", NIEUW)
        .inburgeraar(
            "Asielstatushouder",
            datumKoppeling="2025-01-10",
            datumKennisgeving="2025-02-01",
            datumInschrijvingBrp="2025-03-01",
            verhuizingen=[VERHUIZING],
        )
        .pip("2025-05-10", "2025-04-30", "B1-route")
        .traject("B1-route", "2025-05-01", "2028-05-01", "2026-11-01", "TAAL-A")
        .add("handhaving", soort="waarschuwing", besluitdatum="2025-05-20")
        .add("handhaving", soort="boete", besluitdatum="2025-09-01", bedrag=250)
        .add("afronding", uitstroom="werk", uitstroomOp="2025-10-01")
    )


@pytest.fixture
def moved(client, owners, service_headers):
    person = verhuisd()
    for resource, body in person.resources:
        owners.put(resource, body, person)
        notify(client, service_headers, resource, body)
    return client


def kpis(client, auth_headers, gemeente: str) -> dict:
    response = client.get(
        "/v1/kpis",
        params={**PERIOD, "gemeentecode": gemeente},
        headers=auth_headers("beleid", gemeente=gemeente),
    )
    assert response.status_code == 200, response.text
    return response.json()


def by(rows, value="aantal"):
    return {row["soort"]: row[value] for row in rows if row[value]}


def test_before_the_moving_date_the_old_gemeentes_figures_after_it_the_new_ones(moved, auth_headers):
    oud, nieuw = kpis(moved, auth_headers, OUD), kpis(moved, auth_headers, NIEUW)
    assert by(oud["instroom"]) == {"Asielstatushouder": 1} and by(nieuw["instroom"]) == {}
    assert (oud["pip"]["vastgesteld"], oud["pip"]["binnenTermijn"]) == (1, 1)
    assert nieuw["pip"]["vastgesteld"] == 0
    assert by(oud["handhaving"]) == {"waarschuwing": 1}
    assert by(nieuw["handhaving"]) == {"boete": 1} and by(nieuw["handhaving"], "bedrag") == {"boete": 250}
    assert by(oud["uitstroom"]) == {} and by(nieuw["uitstroom"]) == {"werk": 1}
    # The MAP deadline (2026-11-01) lies after the move: the new gemeente's, outside this period for both.
    assert oud["map"]["deadlineInPeriode"] == nieuw["map"]["deadlineInPeriode"] == 0


def test_a_quarters_cbs_file_is_the_gemeentes_responsible_on_its_last_day(moved, auth_headers):
    def records(gemeente: str, kwartaal: str) -> list[str]:
        headers = auth_headers("regisseur", gemeente=gemeente)
        levering = moved.post(
            "/v1/cbs-leveringen", json={"gemeentecode": gemeente, "kwartaal": kwartaal}, headers=headers
        )
        assert levering.status_code == 201, levering.text
        assert levering.json()["status"] == "vrijgegeven", levering.json()["fouten"]
        path = "/v1" + levering.json()["bestand"].split("/v1", 1)[1]
        return moved.get(path, headers=headers).content.decode("utf-8").split("\n")[1:-1]

    sleutel = str(uuid.uuid5(uuid.NAMESPACE_URL, "M"))
    [k2] = records(OUD, "2025K2")  # settled in GM0184 on 2025-07-15, after the quarter
    assert k2.startswith(f"{OUD};2025K2;{sleutel};ASH;20250110;;20250430;J;B1;")
    assert records(NIEUW, "2025K2") == []
    assert records(OUD, "2025K3") == []
    [k3] = records(NIEUW, "2025K3")  # the whole record, the PIP of the previous gemeente in it
    assert k3.startswith(f"{NIEUW};2025K3;{sleutel};ASH;20250110;;20250430;J;B1;")


def test_a_rebuild_keeps_the_moves_intakes_list_does_not_serve(moved, owners, auth_headers):
    before = {g: kpis(moved, auth_headers, g) for g in (OUD, NIEUW)}
    dossier = owners.resources[verhuisd().url]
    owners.resources[dossier["url"]] = {k: v for k, v in dossier.items() if k != "verhuizingen"}  # as listed
    response = moved.post("/v1/herbouw", headers=auth_headers("beheer"))
    assert response.status_code == 200, response.text
    assert {g: kpis(moved, auth_headers, g) for g in (OUD, NIEUW)} == before
