"""Budget and taalaanbieders over the fixed data set (reporting_dataset), worked out by hand."""

from datetime import date

import pytest
from reporting_dataset import CONTRACTEN, UITGAVEN, load, load_budget
from reporting_service.budget.rules import prijs_afwijkend, prognose


@pytest.fixture
def loaded(client, owners, service_headers, auth_headers):
    load(client, owners, service_headers)
    load_budget(client, auth_headers("regisseur"))
    return client


def test_budget_committed_spent_and_forecast(loaded, auth_headers):
    response = loaded.get(
        "/v1/budget", params={"gemeentecode": "GM0171", "jaar": 2025}, headers=auth_headers("beleid")
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "gemeentecode": "GM0171",
        "jaar": 2025,
        "budget": 500_000,
        # A (TAAL-A, B1-route, started 2025-05-01) and B (TAAL-B, Z-route, 2025-06-15); D and L began earlier.
        "verplicht": 19_300,
        "uitgegeven": 10_000,
        "prognose": 10_000,
        "trajectenZonderContract": 0,
        "regels": [
            {
                "taalaanbieder": "TAAL-A",
                "leerroute": "B1-route",
                "prijs": 9_500,
                "trajecten": 1,
                "verplicht": 9_500,
            },
            {
                "taalaanbieder": "TAAL-B",
                "leerroute": "Z-route",
                "prijs": 9_800,
                "trajecten": 1,
                "verplicht": 9_800,
            },
        ],
    }


def test_a_trajectory_without_a_contract_is_counted_not_priced(loaded, auth_headers):
    body = loaded.get(
        "/v1/budget", params={"gemeentecode": "GM0171", "jaar": 2024}, headers=auth_headers("beleid")
    ).json()
    # D started 2024-08-02 with TAAL-A on the B1-route; there is no 2024 contract.
    assert body["regels"] == [
        {"taalaanbieder": "TAAL-A", "leerroute": "B1-route", "prijs": None, "trajecten": 1, "verplicht": 0}
    ]
    assert body["trajectenZonderContract"] == 1 and body["budget"] is None and body["uitgegeven"] == 7_000


def test_the_same_invoice_twice_is_recorded_once(loaded, auth_headers):
    headers = auth_headers("regisseur")
    corrected = {**UITGAVEN[0], "bedrag": 5_000}
    assert loaded.post("/v1/uitgaven", json=corrected, headers=headers).status_code == 200
    body = loaded.get("/v1/budget", params={"gemeentecode": "GM0171", "jaar": 2025}, headers=headers).json()
    assert body["uitgegeven"] == 11_000


def test_contract_prices_outside_seed_004_are_flagged(client, auth_headers):
    headers = auth_headers("regisseur")
    assert (
        client.put("/v1/aanbiedercontracten", json=CONTRACTEN[2], headers=headers).json()[
            "afwijkendVanSeed004"
        ]
        is False
    )
    duur = {**CONTRACTEN[0], "prijs": 12_000}
    assert (
        client.put("/v1/aanbiedercontracten", json=duur, headers=headers).json()["afwijkendVanSeed004"]
        is True
    )


def test_budgets_of_another_gemeente_are_refused(client, auth_headers):
    other = auth_headers("regisseur", gemeente="GM0184")
    assert (
        client.put(
            "/v1/spuk-budgetten", json={"gemeentecode": "GM0171", "jaar": 2025, "bedrag": 1}, headers=other
        ).status_code
        == 403
    )
    assert (
        client.get("/v1/budget", params={"gemeentecode": "GM0171", "jaar": 2025}, headers=other).status_code
        == 403
    )
    assert (
        client.put(
            "/v1/spuk-budgetten",
            json={"gemeentecode": "GM0171", "jaar": 2025, "bedrag": 1},
            headers=auth_headers("klantmanager"),
        ).status_code
        == 403
    )


@pytest.mark.parametrize(
    "body",
    [
        {"gemeentecode": "GM0171", "jaar": 2025, "bedrag": -1},
        {"gemeentecode": "GM0171", "jaar": 1999, "bedrag": 1},
        {"gemeentecode": "GM0171", "bedrag": 1},
    ],
)
def test_bad_budgets_are_400(client, auth_headers, body):
    assert client.put("/v1/spuk-budgetten", json=body, headers=auth_headers("regisseur")).status_code == 400


@pytest.mark.parametrize(
    ("route", "prijs", "afwijkend"),
    [
        ("B1-route", 9_999, False),
        ("B1-route", 10_000, True),
        ("Z-route", 9_800, False),
        ("Onderwijsroute", 18_750, False),
        ("Onderwijsroute", 10_000, True),  # seed 004; MBO Raad 18,750
    ],
)
def test_seed_004_price_bands(route, prijs, afwijkend):
    assert prijs_afwijkend(route, prijs) is afwijkend


@pytest.mark.parametrize(
    ("vandaag", "uitgegeven", "verplicht", "verwacht"),
    [
        ("2026-03-01", 10_000, 19_300, 10_000),  # a past year: what was spent
        ("2024-06-01", 0, 19_300, 19_300),  # a future year: what is committed
        ("2025-07-02", 10_000, 15_000, 19_945),  # day 183 of 365: 10,000 * 365 / 183 = 19,945.4, above 15,000
        ("2025-07-02", 10_000, 25_000, 25_000),
    ],
)
def test_forecast(vandaag, uitgegeven, verplicht, verwacht):
    result = prognose(
        uitgegeven=uitgegeven, verplicht=verplicht, jaar=2025, vandaag=date.fromisoformat(vandaag)
    )
    assert result == verwacht


def test_taalaanbieders_people_attendance_progress_and_exams(loaded, auth_headers):
    response = loaded.get(
        "/v1/aanbieders",
        params={"gemeentecode": "GM0171", "van": "2025-01-01", "tot": "2026-01-01"},
        headers=auth_headers("beleid"),
    )
    assert response.status_code == 200, response.text
    assert response.json() == [
        # A and D; their latest reports 200/180 and 400/300; levels A2 and B1; A's two exams of 2025.
        {
            "taalaanbieder": "TAAL-A",
            "inburgeraars": 2,
            "urenGepland": 600,
            "urenAanwezig": 480,
            "aanwezigheid": 80.0,
            "niveauBehaald": 2,
            "examens": 2,
            "examensBehaald": 1,
            "slagingspercentage": 50.0,
        },
        # B and L; B's later report 100/60 stands; L's KNM exam has no aanbieder of its own: L's trajectory's.
        {
            "taalaanbieder": "TAAL-B",
            "inburgeraars": 2,
            "urenGepland": 100,
            "urenAanwezig": 60,
            "aanwezigheid": 60.0,
            "niveauBehaald": 0,
            "examens": 1,
            "examensBehaald": 1,
            "slagingspercentage": 100.0,
        },
    ]
