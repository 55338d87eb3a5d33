"""MAP/PVT rules of DUO's M2M README
('Module Arbeidsmarkt en Participatie', 'Participatieverklaringstraject').

Today is fixed at 2026-06-15 (conftest). The termijn runs 2025-02-02 up to (exclusive) 2026-06-01 here,
so it was exceeded two weeks ago.
"""

import pytest
from simulator_testkit import ANDERE_GEMEENTE_OIN, BSN

TERMIJN = {"startdatum": "2025-02-02", "einddatum": "2026-06-01"}
VELD = {"map": "datumEindgesprekMap", "pvt": "datumOndertekeningPvt"}


@pytest.fixture
def met_pip(duo):
    duo.seed(inburgeringstermijn=TERMIJN)
    assert (
        duo(
            "POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"}
        ).status_code
        == 201
    )
    return duo


@pytest.mark.parametrize("soort", ["map", "pvt"])
@pytest.mark.parametrize(
    "datum,verwijtbaar,fout",
    [
        ("2025-02-01", None, "voor de startdatum van de inburgeringstermijn"),
        ("2026-06-16", "Ja", "in de toekomst"),
        ("2026-06-10", None, "verplicht bij een overschrijding"),
        ("2026-05-01", "Nee", "voor de einddatum van de inburgeringstermijn"),
        ("2026-05-01", "Ja", "alleen 'Ja' zijn bij een overschrijding"),
        (None, None, "verplicht bij een overschrijding"),
    ],
)
def test_duo_refuses_map_and_pvt_dates_against_the_readme_rules(met_pip, soort, datum, verwijtbaar, fout):
    body = {k: v for k, v in {VELD[soort]: datum, "verwijtbaar": verwijtbaar}.items() if v is not None}
    response = met_pip("PUT", f"/v1/personen/{BSN}/{soort}", json=body)
    assert response.status_code == 403
    assert any(fout in f["fouttekst"] for f in response.json()), response.json()


@pytest.mark.parametrize("soort", ["map", "pvt"])
@pytest.mark.parametrize(
    "datum,verwijtbaar",
    [("2026-05-01", None), ("2026-06-10", "Ja"), ("2026-06-10", "Nee"), ("2026-06-01", "Nee")],
)
def test_duo_accepts_map_and_pvt_dates_that_meet_the_rules(met_pip, soort, datum, verwijtbaar):
    body = {k: v for k, v in {VELD[soort]: datum, "verwijtbaar": verwijtbaar}.items() if v is not None}
    assert met_pip("PUT", f"/v1/personen/{BSN}/{soort}", json=body).status_code == 200
    assert met_pip("GET", f"/v1/personen/{BSN}/{soort}").json() == {VELD[soort]: datum}
    assert met_pip.gelezen()[soort] == {"gemeenteOin": met_pip.gelezen()["feiten"]["gemeenteOin"], **body}


def test_nee_only_while_the_termijn_ended_less_than_two_months_before_the_date(duo):
    duo.seed(inburgeringstermijn={"startdatum": "2023-01-02", "einddatum": "2026-01-02"})
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    late = duo(
        "PUT", f"/v1/personen/{BSN}/map", json={"datumEindgesprekMap": "2026-03-02", "verwijtbaar": "Nee"}
    )
    assert late.status_code == 403
    assert any("binnen twee maanden" in f["fouttekst"] for f in late.json())
    assert (
        duo(
            "PUT", f"/v1/personen/{BSN}/map", json={"datumEindgesprekMap": "2026-03-01", "verwijtbaar": "Nee"}
        ).status_code
        == 200
    )


def test_put_replaces_the_resource_so_leaving_the_date_out_withdraws_it(duo):
    duo.seed(inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"})
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    assert (
        duo("PUT", f"/v1/personen/{BSN}/map", json={"datumEindgesprekMap": "2026-01-01"}).status_code == 200
    )
    assert duo("PUT", f"/v1/personen/{BSN}/map", json={}).status_code == 200
    assert duo("GET", f"/v1/personen/{BSN}/map").status_code == 404
    assert "map" not in duo.gelezen()


def test_the_gemeente_must_hold_the_current_pip(duo):
    duo.seed(inburgeringstermijn=TERMIJN)
    response = duo("PUT", f"/v1/personen/{BSN}/pvt", json={"datumOndertekeningPvt": "2026-05-01"})
    assert response.status_code == 403
    assert any("actuele PIP" in f["fouttekst"] for f in response.json())


def test_a_change_must_come_from_the_gemeente_that_delivered_the_date(duo):
    duo.seed(inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"})
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    duo("PUT", f"/v1/personen/{BSN}/map", json={"datumEindgesprekMap": "2026-01-01"})
    persoon = duo.app_state().personen[BSN]
    persoon.pips[-1].gemeenteOin = ANDERE_GEMEENTE_OIN
    response = duo(
        "PUT", f"/v1/personen/{BSN}/map", bron=ANDERE_GEMEENTE_OIN, json={"datumEindgesprekMap": "2026-02-01"}
    )
    assert any("eerder door uw gemeente" in f["fouttekst"] for f in response.json())


def test_z_route_date_bounds_map_and_pvt(duo):
    duo.seed(inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"})
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "Z"})
    assert (
        duo("PUT", f"/v1/personen/{BSN}/zroute", json={"datumAfrondingZroute": "2026-03-01"}).status_code
        == 200
    )
    na = duo("PUT", f"/v1/personen/{BSN}/map", json={"datumEindgesprekMap": "2026-03-02"})
    assert any("na de datum afronding Z-route" in f["fouttekst"] for f in na.json())
    leeg = duo("PUT", f"/v1/personen/{BSN}/pvt", json={})
    assert any("mag niet leeg zijn" in f["fouttekst"] for f in leeg.json())
    assert duo.gelezen()["zroute"]["datumAfrondingZroute"] == "2026-03-01"


def test_no_map_after_the_plicht_is_met_through_the_z_route(duo):
    duo.seed(
        inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"},
        inburgeringsplicht={
            "indicatorInburgeringsplicht": False,
            "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
        },
    )
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "Z"})
    response = duo("PUT", f"/v1/personen/{BSN}/map", json={"datumEindgesprekMap": "2026-01-01"})
    assert any("voldaan via de Z-route" in f["fouttekst"] for f in response.json())


def test_z_route_date_not_in_the_future(duo):
    duo.seed()
    duo("POST", f"/v1/personen/{BSN}/PIP", json={"dagtekeningPip": "2025-02-01", "leerroute": "Z"})
    assert (
        duo("PUT", f"/v1/personen/{BSN}/zroute", json={"datumAfrondingZroute": "2026-07-01"}).status_code
        == 403
    )
