"""The KPIs over the fixed data set (reporting_dataset), each figure worked out by hand there."""

import uuid

import pytest
from reporting_dataset import Person, load, notify

PERIOD = {"van": "2025-01-01", "tot": "2026-01-01"}


@pytest.fixture
def loaded(client, owners, service_headers):
    load(client, owners, service_headers)
    return client


def kpis(client, auth_headers, **params):
    gemeenten = ["GM0171", "GM0184"]
    response = client.get(
        "/v1/kpis", params={**PERIOD, **params}, headers=auth_headers("beleid", gemeente=gemeenten)
    )
    assert response.status_code == 200, response.text
    return response.json()


def by(rows, key="soort", value="aantal"):
    return {row[key]: row[value] for row in rows}


def test_kpis_of_a_gemeente_match_the_hand_computed_values(loaded, auth_headers):
    body = kpis(loaded, auth_headers, gemeentecode="GM0171")
    assert by(body["instroom"]) == {
        "Asielstatushouder": 3,
        "Geestelijk bedienaar": 0,
        "Gezinshereniger": 1,
        "Gezinshereniger met Asielstatushouder": 0,
        "Gezinsvormer": 1,
        "Gezinsvormer met Asielstatushouder": 0,
        "Overig": 0,
    }
    assert body["leerroutes"] == [
        {"leerroute": "B1-route", "aantal": 1, "percentage": 33.3, "verwachtSzw": 60, "verwachtEigen": 40},
        {
            "leerroute": "Onderwijsroute",
            "aantal": 1,
            "percentage": 33.3,
            "verwachtSzw": 25,
            "verwachtEigen": 20,
        },
        {"leerroute": "Z-route", "aantal": 1, "percentage": 33.3, "verwachtSzw": 15, "verwachtEigen": 40},
    ]
    assert body["pip"] == {
        "vastgesteld": 3,
        "binnenTermijn": 2,
        "percentageBinnenTermijn": 66.7,
        "dagenTotPipMediaan": 70.0,
        "dagenTotPipP90": 119,
        "deadlineVerstrekenZonderPip": 1,
    }
    assert body["map"] == {"deadlineInPeriode": 2, "opTijdGestart": 1, "percentageOpTijd": 50.0}
    assert by(body["componentenAfgerond"]) == {
        "leerroute": 1,
        "knm": 1,
        "map": 1,
        "pvt": 2,
        "financieel-ontzorgen": 0,
        "maatschappelijke-begeleiding": 0,
    }
    assert body["termijnen"] == {"overschreden": 1, "verlengd": 1}
    assert body["handhaving"] == [
        {"soort": "waarschuwing", "aantal": 1, "bedrag": 0},
        {"soort": "boete", "aantal": 1, "bedrag": 250},
    ]
    assert by(body["uitstroom"]) == {"werk": 1, "onderwijs": 1, "anders": 0}


def test_wet_2013_persons_are_counted_apart_and_ended_plichten_per_reason(
    loaded, owners, service_headers, auth_headers
):
    """The ondertussengroep (art. 54 lid 1 Wet inburgering 2021) and DUO's end states (art. 4-6) as pip
    serves them: no PIP deadline, so not late without a PIP."""
    ondertussen = Person("J", "GM0184").inburgeraar("Asielstatushouder", datumKennisgeving="2021-11-01")
    ondertussen.add(
        "pip", uuid=str(uuid.uuid4()), status="concept", versie=1, deadline=None, wet="Wet inburgering 2013"
    )
    ontheven = Person("K", "GM0184").inburgeraar("Asielstatushouder", datumKennisgeving="2025-02-01")
    ontheven.add(
        "pip",
        uuid=str(uuid.uuid4()),
        status="concept",
        versie=1,
        deadline=None,
        wet="Wet inburgering 2021",
        eindreden="gehele-ontheffing",
        einddatum="2025-06-01",
    )
    for person in (ondertussen, ontheven):
        for resource, body in person.resources:
            owners.put(resource, body, person)
            notify(loaded, service_headers, resource, body)
    response = loaded.get(
        "/v1/kpis",
        params={**PERIOD, "gemeentecode": "GM0184"},
        headers=auth_headers("beleid", gemeente="GM0184"),
    )
    body = response.json()
    assert body["ondertussengroep"] == 1
    assert by(body["plichtBeeindigd"]) == {
        "gehele-ontheffing": 1,
        "vrijstelling": 0,
        "plicht-voldaan": 0,
        "plicht-vervallen": 0,
    }
    assert body["pip"]["deadlineVerstrekenZonderPip"] == 0
    assert kpis(loaded, auth_headers, gemeentecode="GM0171")["ondertussengroep"] == 0


def test_kpis_of_a_region_add_up_its_gemeenten(loaded, auth_headers):
    regio = {"naam": "Noordoostpolder en Urk", "gemeenten": ["GM0171", "GM0184"]}
    headers = auth_headers("regisseur", gemeente=["GM0171", "GM0184"])
    assert loaded.put("/v1/regios/noordoostpolder-urk", json=regio, headers=headers).status_code == 200

    body = kpis(loaded, auth_headers, regio="noordoostpolder-urk")
    assert body["naam"] == "Noordoostpolder en Urk"
    assert by(body["instroom"])["Asielstatushouder"] == 4
    assert by(body["leerroutes"], "leerroute", "percentage") == {
        "B1-route": 50.0,
        "Onderwijsroute": 25.0,
        "Z-route": 25.0,
    }
    assert body["pip"]["percentageBinnenTermijn"] == 75.0
    assert body["pip"]["dagenTotPipMediaan"] == 65.5
    assert body["pip"]["dagenTotPipP90"] == 119


def test_a_region_is_seen_only_with_every_gemeente_in_the_token(loaded, auth_headers):
    regio = {"naam": "Noordoostpolder en Urk", "gemeenten": ["GM0171", "GM0184"]}
    both = auth_headers("regisseur", gemeente=["GM0171", "GM0184"])
    assert loaded.put("/v1/regios/noordoostpolder-urk", json=regio, headers=both).status_code == 200

    one = auth_headers("beleid", gemeente="GM0171")
    response = loaded.get("/v1/kpis", params={"regio": "noordoostpolder-urk"}, headers=one)
    assert response.status_code == 403
    assert loaded.put("/v1/regios/noordoostpolder-urk", json=regio, headers=one).status_code == 403


def test_another_gemeente_is_refused(loaded, auth_headers):
    response = loaded.get("/v1/kpis", params={"gemeentecode": "GM0184"}, headers=auth_headers("beleid"))
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"gemeentecode": "GM0171", "regio": "x"},
        {"gemeentecode": "GM0171", "van": "2025-05-01", "tot": "2025-01-01"},
        {"gemeentecode": "gm171"},
        {"gemeentecode": "GM0171", "van": "nope"},
    ],
)
def test_bad_parameters_are_400(client, auth_headers, params):
    response = client.get("/v1/kpis", params=params, headers=auth_headers("beleid"))
    assert response.status_code == 400, response.text
    assert response.json()["invalidParams"]


def test_rebuild_from_the_owners_lists_gives_the_same_kpis(loaded, owners, auth_headers):
    before = kpis(loaded, auth_headers, gemeentecode="GM0171")
    response = loaded.post("/v1/herbouw", headers=auth_headers("beheer"))
    assert response.status_code == 200, response.text
    assert response.json()["aantallen"]["inburgeraar"] == 10
    assert response.json()["aantallen"]["handhaving"] == 3
    assert kpis(loaded, auth_headers, gemeentecode="GM0171") == before


def test_rebuild_changes_nothing_when_an_owner_cannot_be_read(loaded, owners, auth_headers):
    before = kpis(loaded, auth_headers, gemeentecode="GM0171")
    owners.lists.pop("http://trajectory.test/v1/examens")
    response = loaded.post("/v1/herbouw", headers=auth_headers("beheer"))
    assert response.status_code == 503
    assert kpis(loaded, auth_headers, gemeentecode="GM0171") == before


def test_events_are_applied_once_and_destroy_forgets_the_dossier(
    client, owners, service_headers, auth_headers
):
    from reporting_dataset import dataset, notify

    person = next(p for p in dataset() if p.key == "B")
    for resource, body in person.resources:
        owners.put(resource, body, person)
        notify(client, service_headers, resource, body)
        notify(client, service_headers, resource, body)
    body = kpis(client, auth_headers, gemeentecode="GM0171")
    assert body["handhaving"][1] == {"soort": "boete", "aantal": 1, "bedrag": 250}

    inburgeraar = person.resources[0][1]
    notify(client, service_headers, "inburgeraar", inburgeraar, actie="destroy")
    body = kpis(client, auth_headers, gemeentecode="GM0171")
    assert body["pip"]["vastgesteld"] == 0 and body["handhaving"][1]["aantal"] == 0


def test_a_withdrawn_pip_is_no_longer_the_pip_in_force(client, owners, service_headers, auth_headers):
    """pip's intrekking: the same PIP served as `ingetrokken` counts neither as vastgesteld nor as late."""
    person = Person("W").inburgeraar("Asielstatushouder", datumKennisgeving="2025-01-10")
    person.pip(deadline="2025-03-21", dagtekening="2025-03-01", leerroute="B1-route")
    for resource, body in person.resources:
        owners.put(resource, body, person)
        notify(client, service_headers, resource, body)
    voor = kpis(client, auth_headers, gemeentecode="GM0171")
    assert (voor["pip"]["vastgesteld"], by(voor["leerroutes"], "leerroute")["B1-route"]) == (1, 1)

    _, pip = person.resources[-1]
    owners.put("pip", {**pip, "status": "ingetrokken"}, person)
    notify(client, service_headers, "pip", pip, actie="pip-ingetrokken")
    na = kpis(client, auth_headers, gemeentecode="GM0171")
    assert (na["pip"]["vastgesteld"], na["pip"]["deadlineVerstrekenZonderPip"]) == (0, 0)
    assert by(na["leerroutes"], "leerroute")["B1-route"] == 0


def test_an_unreadable_resource_is_refused_so_the_publisher_retries(client, owners, service_headers):
    import uuid

    from reporting_dataset import dataset

    body = dataset()[0].resources[0][1]  # not put in the double: the owner answers 404
    event = {
        "id": str(uuid.uuid4()),
        "kanaal": "inburgeraars",
        "hoofdObject": body["url"],
        "resource": "inburgeraar",
        "resourceUrl": body["url"],
        "actie": "create",
        "aanmaakdatum": "2026-01-05T10:00:00Z",
        "kenmerken": {},
    }
    response = client.post("/v1/callbacks", json=event, headers=service_headers)
    assert response.status_code == 503
