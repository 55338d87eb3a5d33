"""Table tests for the draft PIP's rules, the R3 extension, the bezwaartermijn and the version diff."""

from datetime import date

import pytest
from pip_service.advies.rules import Reden
from pip_service.beschikking.rules import bezwaar_tijdig, bezwaartermijn_einde
from pip_service.concept.rules import Bevinding, doelen_uit_bevindingen, laatste_dag_termijn, plan_onderdelen
from pip_service.deadlines.rules import verlengde_vervaldatum
from pip_service.pips.rules import Component, ComponentAanbod
from pip_service.pips.verschil import verschil

ZRM = "Zelfredzaamheid-Matrix scale (contracts/brede_intake.py); seed 002 footnote 4"
R4 = "Wet inburgering 2021 art. 11; domain.md R4"
R3 = "Besluit inburgering 2021 art. 5.3; domain.md R3"
AWB = "Awb art. 6:7, 6:8"
REDEN = Reden("X", "x", "test")


@pytest.mark.parametrize(
    ("source", "zelfredzaamheid", "behoeften", "doel"),
    [
        pytest.param(ZRM, 1, None, True, id="acute-problematiek"),
        pytest.param(ZRM, 3, None, True, id="beperkt-zelfredzaam-op-drempel"),
        pytest.param(ZRM, 4, None, False, id="voldoende-zelfredzaam-boven-drempel"),
        pytest.param(ZRM, 5, "Hulp bij formulieren", True, id="behoefte-genoemd"),
        pytest.param(ZRM, None, None, False, id="niets-gevonden"),
    ],
)
def test_doelen_uit_bevindingen(source, zelfredzaamheid, behoeften, doel):
    doelen = doelen_uit_bevindingen(
        [Bevinding("wonen", zelfredzaamheid, "Woont bij familie.", None, behoeften)]
    )
    assert bool(doelen) is doel
    if doel:
        assert doelen[0].leefgebied == "wonen" and doelen[0].aanleiding.startswith("Brede intake:")


@pytest.mark.parametrize(
    ("source", "dagtekening", "laatste_dag"),
    [
        pytest.param(R4, date(2026, 11, 2), date(2029, 11, 2), id="gewone-datum"),
        pytest.param(R4, date(2027, 12, 31), date(2030, 12, 31), id="jaarwisseling"),
        pytest.param(
            R4 + "; dates.add_months clamps 29 Feb", date(2028, 2, 28), date(2031, 2, 27), id="schrikkeldag"
        ),
    ],
)
def test_laatste_dag_termijn(source, dagtekening, laatste_dag):
    assert laatste_dag_termijn(dagtekening) == laatste_dag


@pytest.mark.parametrize(
    ("source", "component", "aangeboden", "einde"),
    [
        pytest.param("domain.md R11 (18 months)", Component.MAP, True, date(2028, 5, 3), id="map-18-maanden"),
        pytest.param(
            "domain.md R14 (6 months)", Component.FINANCIEEL_ONTZORGEN, True, date(2027, 5, 2), id="ontzorgen"
        ),
        pytest.param(R4, Component.PVT, True, date(2029, 11, 2), id="pvt-binnen-termijn"),
        pytest.param(R4, Component.LEERROUTE, True, date(2029, 11, 2), id="leerroute-binnen-termijn"),
        pytest.param(
            "no statutory end", Component.MAATSCHAPPELIJKE_BEGELEIDING, True, None, id="begeleiding-open"
        ),
        pytest.param("seed 002 section 3", Component.MAP, False, None, id="niet-aangeboden"),
    ],
)
def test_plan_onderdelen(source, component, aangeboden, einde):
    [planning] = plan_onderdelen([ComponentAanbod(component, aangeboden, REDEN)], date(2026, 11, 2))
    assert planning.verwacht_einde == einde
    assert planning.start == (date(2026, 11, 2) if aangeboden else None)


@pytest.mark.parametrize(
    ("source", "vervaldatum", "ontvangen", "verlengd"),
    [
        pytest.param(
            R3, date(2026, 11, 10), date(2026, 11, 5), date(2026, 11, 19), id="twee-weken-na-ontvangst"
        ),
        pytest.param(R3, date(2026, 11, 10), date(2026, 10, 27), None, id="valt-op-termijn-geen-verlenging"),
        pytest.param(R3, date(2026, 11, 10), date(2026, 10, 28), date(2026, 11, 11), id="een-dag-later"),
    ],
)
def test_verlengde_vervaldatum(source, vervaldatum, ontvangen, verlengd):
    assert verlengde_vervaldatum(vervaldatum, ontvangen) == verlengd


@pytest.mark.parametrize(
    ("source", "ontvangen", "tijdig"),
    [
        pytest.param(AWB, date(2026, 12, 14), True, id="laatste-dag"),
        pytest.param(AWB, date(2026, 12, 15), False, id="dag-te-laat"),
        pytest.param(AWB, date(2026, 11, 2), True, id="zelfde-dag"),
    ],
)
def test_bezwaartermijn(source, ontvangen, tijdig):
    assert bezwaartermijn_einde(date(2026, 11, 2)) == date(2026, 12, 14)
    assert bezwaar_tijdig(date(2026, 11, 2), ontvangen) is tijdig


def test_bezwaartermijn_ending_on_christmas_runs_to_the_next_working_day():
    # six weeks after Friday 13 November 2026 is Christmas Day; Algemene termijnenwet art. 1
    assert bezwaartermijn_einde(date(2026, 11, 13)) == date(2026, 12, 28)
    assert bezwaar_tijdig(date(2026, 11, 13), date(2026, 12, 28))


def test_verschil_names_each_changed_leaf_with_old_and_new():
    oud = {"leerroute": "B1-route", "doelen": [{"leefgebied": "wonen"}], "participatie": []}
    nieuw = {"leerroute": "Z-route", "doelen": [], "participatie": [{"soort": "werk", "urenPerWeek": 8}]}
    assert verschil(oud, nieuw) == [
        {"pad": "/doelen", "oud": None, "nieuw": []},
        {"pad": "/doelen/0/leefgebied", "oud": "wonen", "nieuw": None},
        {"pad": "/leerroute", "oud": "B1-route", "nieuw": "Z-route"},
        {"pad": "/participatie", "oud": [], "nieuw": None},
        {"pad": "/participatie/0/soort", "oud": None, "nieuw": "werk"},
        {"pad": "/participatie/0/urenPerWeek", "oud": None, "nieuw": 8},
    ]
    assert verschil(oud, oud) == []
