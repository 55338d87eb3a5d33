"""Table tests for the leerroute advice; every case names its source."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pip_service.advies.rules import (
    Advies,
    AdviesInput,
    Alfabetisering,
    Doelgroep,
    Leerbaarheidstoets,
    LeerbaarheidstoetsResultaat,
    Leerroute,
    Niveau,
    Vooropleiding,
    afwijking_toegestaan,
    leerroute_advies,
)

HAALBAAR = Leerbaarheidstoets(LeerbaarheidstoetsResultaat.HAALBAAR, Decimal("60.00"), Decimal("50.00"))
NIET_HAALBAAR = Leerbaarheidstoets(
    LeerbaarheidstoetsResultaat.NIET_HAALBAAR, Decimal("40.00"), Decimal("50.00")
)
ONBEKEND = Leerbaarheidstoets(LeerbaarheidstoetsResultaat.ONBEKEND)


def onbekend_met_score(behaald: str, benodigd: str = "50.00") -> Leerbaarheidstoets:
    return Leerbaarheidstoets(LeerbaarheidstoetsResultaat.ONBEKEND, Decimal(behaald), Decimal(benodigd))


BASIS = AdviesInput(
    leerbaarheidstoets=HAALBAAR,
    leeftijd=25,
    vooropleiding=Vooropleiding.VOORTGEZET_ONDERWIJS,
    alfabetisering=Alfabetisering.NVT,
    doelgroep=Doelgroep.ASIELSTATUSHOUDER,
    wil_vervolgonderwijs=True,
)

B, OND, Z = Leerroute.B1, Leerroute.ONDERWIJS, Leerroute.Z
S002 = "seed 002 section 1.3 footnote 1 (Onderwijsroute tot 28 jaar)"
S004 = "seed 004 Bijlage 2 (Onderwijsroute tot 30 jaar; Z-route)"
LBT = "DUO Leerbaarheidstoets API, Resultaat.benodigdeScore (grenswaarde vanaf)"
S002_3 = "seed 002 section 3 (Gemeentelijk aanbod per groep)"
B314 = "Besluit inburgering 2021 art. 3.14"

# (id, source, changes to BASIS, leerroute, niveau, codes present, codes absent)
CASES = [
    (
        "onderwijs-jong-met-wens",
        S002,
        {},
        OND,
        Niveau.B1,
        {"LBT_HAALBAAR", "LEEFTIJD_ONDER_GRENS"},
        set(),
    ),
    (
        "leeftijd-18",
        S002,
        {"leeftijd": 18},
        OND,
        Niveau.B1,
        {"LEEFTIJD_ONDER_GRENS"},
        set(),
    ),
    (
        "leeftijd-27-onder-grens-28",
        S002,
        {"leeftijd": 27},
        OND,
        Niveau.B1,
        {"LEEFTIJD_ONDER_GRENS"},
        set(),
    ),
    (
        "leeftijd-28-op-grens-28",
        S002,
        {"leeftijd": 28},
        B,
        Niveau.B1,
        {"LEEFTIJD_BOVEN_GRENS", "B1_ROUTE"},
        set(),
    ),
    (
        "leeftijd-29-boven-grens-28",
        S002,
        {"leeftijd": 29},
        B,
        Niveau.B1,
        {"LEEFTIJD_BOVEN_GRENS"},
        set(),
    ),
    (
        "leeftijd-29-grens-30",
        S004,
        {"leeftijd": 29, "onderwijsroute_max_leeftijd": 30},
        OND,
        Niveau.B1,
        {"LEEFTIJD_ONDER_GRENS"},
        set(),
    ),
    (
        "leeftijd-30-grens-30",
        S004,
        {"leeftijd": 30, "onderwijsroute_max_leeftijd": 30},
        B,
        Niveau.B1,
        {"LEEFTIJD_BOVEN_GRENS"},
        set(),
    ),
    (
        "geen-wens-vervolgonderwijs",
        S002,
        {"wil_vervolgonderwijs": False},
        B,
        Niveau.B1,
        {"GEEN_WENS_VERVOLGONDERWIJS"},
        set(),
    ),
    (
        "basisonderwijs-geen-onderwijsroute",
        S004,
        {"vooropleiding": Vooropleiding.BASISONDERWIJS},
        B,
        Niveau.B1,
        {"VOOROPLEIDING_ONVOLDOENDE"},
        set(),
    ),
    (
        "vervolgonderwijs-onderwijsroute",
        S004,
        {"vooropleiding": Vooropleiding.VERVOLGONDERWIJS},
        OND,
        Niveau.B1,
        {"VOOROPLEIDING_VOLDOENDE"},
        set(),
    ),
    (
        "geen-scholing-maar-toets-haalbaar",
        LBT,
        {"vooropleiding": Vooropleiding.GEEN_OF_NAUWELIJKS},
        B,
        Niveau.B1,
        {"LBT_HAALBAAR"},
        {"VOOROPLEIDING_GEEN"},
    ),
    (
        "analfabeet-haalbaar-geen-onderwijsroute",
        S002,
        {"alfabetisering": Alfabetisering.ANALFABEET},
        B,
        Niveau.B1,
        {"ALFABETISERING_ONDERWIJSROUTE"},
        set(),
    ),
    (
        "anders-gealfabetiseerd-onderwijsroute",
        S002,
        {"alfabetisering": Alfabetisering.ANDERS_GEALFABETISEERD},
        OND,
        Niveau.B1,
        set(),
        {"ALFABETISERING_ONDERWIJSROUTE"},
    ),
    (
        "niet-haalbaar-z-route",
        S004,
        {"leerbaarheidstoets": NIET_HAALBAAR},
        Z,
        None,
        {"LBT_NIET_HAALBAAR", "Z_ROUTE", "Z_ROUTE_UREN"},
        set(),
    ),
    (
        "niet-haalbaar-jong-met-wens-toch-z",
        S004,
        {"leerbaarheidstoets": NIET_HAALBAAR, "leeftijd": 19},
        Z,
        None,
        {"Z_ROUTE"},
        {"LEEFTIJD_ONDER_GRENS"},
    ),
    (
        "niet-haalbaar-gezinsvormer-geen-urennorm",
        B314,
        {"leerbaarheidstoets": NIET_HAALBAAR, "doelgroep": Doelgroep.GEZINSVORMER},
        Z,
        None,
        {"Z_ROUTE", "LEERROUTE_NIET_INGEKOCHT"},
        {"Z_ROUTE_UREN"},
    ),
    (
        "niet-haalbaar-ondanks-hoge-score",
        LBT,
        {
            "leerbaarheidstoets": Leerbaarheidstoets(
                LeerbaarheidstoetsResultaat.NIET_HAALBAAR,
                Decimal("90.00"),
                Decimal("50.00"),
            )
        },
        Z,
        None,
        {"LBT_NIET_HAALBAAR"},
        set(),
    ),
    (
        "haalbaar-ondanks-lage-score",
        LBT,
        {
            "leerbaarheidstoets": Leerbaarheidstoets(
                LeerbaarheidstoetsResultaat.HAALBAAR, Decimal("10.00"), Decimal("50.00")
            )
        },
        OND,
        Niveau.B1,
        {"LBT_HAALBAAR"},
        set(),
    ),
    (
        "onbekend-score-gelijk-aan-benodigd",
        LBT,
        {"leerbaarheidstoets": onbekend_met_score("50.00")},
        OND,
        Niveau.B1,
        {"LBT_SCORE_VOLDOENDE"},
        set(),
    ),
    (
        "onbekend-score-gelijk-leeftijd-30",
        LBT,
        {"leerbaarheidstoets": onbekend_met_score("50.00"), "leeftijd": 30},
        B,
        Niveau.B1,
        {"LBT_SCORE_VOLDOENDE", "LEEFTIJD_BOVEN_GRENS"},
        set(),
    ),
    (
        "onbekend-score-net-onder-benodigd",
        LBT,
        {"leerbaarheidstoets": onbekend_met_score("49.99")},
        Z,
        None,
        {"LBT_SCORE_ONVOLDOENDE", "Z_ROUTE"},
        set(),
    ),
    (
        "onbekend-score-boven-benodigd",
        LBT,
        {
            "leerbaarheidstoets": onbekend_met_score("50.01"),
            "wil_vervolgonderwijs": False,
        },
        B,
        Niveau.B1,
        {"LBT_SCORE_VOLDOENDE"},
        set(),
    ),
    (
        "onbekend-zonder-score-b1-norm",
        "seed 002 section 1.3 footnote 1 (B1 wordt de norm)",
        {"leerbaarheidstoets": ONBEKEND},
        B,
        Niveau.B1,
        {"LBT_ONBEKEND", "B1_NORM"},
        {"LEEFTIJD_ONDER_GRENS"},
    ),
    (
        "onbekend-alleen-behaalde-score",
        LBT,
        {"leerbaarheidstoets": Leerbaarheidstoets(LeerbaarheidstoetsResultaat.ONBEKEND, Decimal("80.00"))},
        B,
        Niveau.B1,
        {"LBT_ONBEKEND", "B1_NORM"},
        set(),
    ),
    (
        "onbekend-analfabeet-z-route",
        S004,
        {"leerbaarheidstoets": ONBEKEND, "alfabetisering": Alfabetisering.ANALFABEET},
        Z,
        None,
        {"ALFABETISERING_A", "Z_ROUTE"},
        set(),
    ),
    (
        "onbekend-geen-scholing-z-route",
        S004,
        {
            "leerbaarheidstoets": ONBEKEND,
            "vooropleiding": Vooropleiding.GEEN_OF_NAUWELIJKS,
        },
        Z,
        None,
        {"VOOROPLEIDING_GEEN", "Z_ROUTE_UREN"},
        set(),
    ),
    (
        "onbekend-anders-gealfabetiseerd-b1",
        S004,
        {
            "leerbaarheidstoets": ONBEKEND,
            "alfabetisering": Alfabetisering.ANDERS_GEALFABETISEERD,
        },
        B,
        Niveau.B1,
        {"B1_NORM"},
        {"ALFABETISERING_A"},
    ),
    (
        "geestelijk-bedienaar-35",
        S002_3,
        {"doelgroep": Doelgroep.GEESTELIJK_BEDIENAAR, "leeftijd": 35},
        B,
        Niveau.B1,
        {"LEERROUTE_NIET_INGEKOCHT"},
        set(),
    ),
    (
        "gezinshereniger-met-asielstatushouder",
        "DUO Inburgeringsplicht API, GedetailleerdeDoelgroep; " + S002_3,
        {"doelgroep": Doelgroep.GEZINSHERENIGER_MET_ASIELSTATUSHOUDER},
        OND,
        Niveau.B1,
        {"LEERROUTE_NIET_INGEKOCHT"},
        set(),
    ),
    (
        "gezinsvormer-met-asielstatushouder-27",
        S002,
        {"doelgroep": Doelgroep.GEZINSVORMER_MET_ASIELSTATUSHOUDER, "leeftijd": 27},
        OND,
        Niveau.B1,
        {"LEEFTIJD_ONDER_GRENS"},
        set(),
    ),
    (
        "overig-z-route-geen-urennorm",
        B314,
        {"doelgroep": Doelgroep.OVERIG, "leerbaarheidstoets": NIET_HAALBAAR},
        Z,
        None,
        {"LEERROUTE_NIET_INGEKOCHT"},
        {"Z_ROUTE_UREN"},
    ),
    (
        "asielstatushouder-leerroute-ingekocht",
        S002_3,
        {"leeftijd": 40},
        B,
        Niveau.B1,
        {"B1_ROUTE"},
        {"LEERROUTE_NIET_INGEKOCHT"},
    ),
    (
        "leeftijd-28-en-geen-wens",
        S002,
        {"leeftijd": 28, "wil_vervolgonderwijs": False},
        B,
        Niveau.B1,
        {"LEEFTIJD_BOVEN_GRENS", "GEEN_WENS_VERVOLGONDERWIJS"},
        set(),
    ),
    (
        "gezinshereniger-jong-geen-wens",
        S002_3,
        {"doelgroep": Doelgroep.GEZINSHERENIGER, "wil_vervolgonderwijs": False},
        B,
        Niveau.B1,
        {"LEERROUTE_NIET_INGEKOCHT", "GEEN_WENS_VERVOLGONDERWIJS"},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("source", "changes", "leerroute", "niveau", "present", "absent"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_leerroute_advies(source, changes, leerroute, niveau, present, absent):
    advies = leerroute_advies(replace(BASIS, **changes))
    codes = {reden.code for reden in advies.redenen}
    assert (advies.leerroute, advies.niveau) == (leerroute, niveau), source
    assert present <= codes, source
    assert not absent & codes, source


ADVIES_B1 = Advies(Leerroute.B1, Niveau.B1)
AWB = "Awb art. 3:46 (motiveringsbeginsel)"

# (id, source, gekozen, motivering, toegestaan, code)
AFWIJKING_CASES = [
    ("conform-zonder-motivering", AWB, Leerroute.B1, None, True, "CONFORM_ADVIES"),
    (
        "afwijking-zonder-motivering",
        AWB,
        Leerroute.Z,
        None,
        False,
        "MOTIVERING_ONTBREEKT",
    ),
    (
        "afwijking-lege-motivering",
        AWB,
        Leerroute.ONDERWIJS,
        "   ",
        False,
        "MOTIVERING_ONTBREEKT",
    ),
    (
        "afwijking-met-motivering",
        AWB,
        Leerroute.Z,
        "Medische beperking uit de brede intake.",
        True,
        "AFWIJKING_GEMOTIVEERD",
    ),
]


@pytest.mark.parametrize(
    ("source", "gekozen", "motivering", "toegestaan", "code"),
    [case[1:] for case in AFWIJKING_CASES],
    ids=[case[0] for case in AFWIJKING_CASES],
)
def test_afwijking_toegestaan(source, gekozen, motivering, toegestaan, code):
    afwijking = afwijking_toegestaan(ADVIES_B1, gekozen, motivering)
    assert (afwijking.toegestaan, afwijking.reden.code) == (toegestaan, code), source


toetsen = st.builds(
    Leerbaarheidstoets,
    st.sampled_from(LeerbaarheidstoetsResultaat),
    st.none() | st.decimals(0, 999, places=2),
    st.none() | st.decimals(0, 999, places=2),
)
invoeren = st.builds(
    AdviesInput,
    leerbaarheidstoets=toetsen,
    leeftijd=st.integers(18, 67),
    vooropleiding=st.sampled_from(Vooropleiding),
    alfabetisering=st.sampled_from(Alfabetisering),
    doelgroep=st.sampled_from(Doelgroep),
    wil_vervolgonderwijs=st.booleans(),
    onderwijsroute_max_leeftijd=st.integers(18, 40),
)


@given(invoeren)
def test_advies_properties(invoer):
    """Seed 002/004 and DUO README, PIP: reasons always given, niveau fits the route, age limit holds."""
    advies = leerroute_advies(invoer)
    assert advies.redenen
    assert all(reden.code and reden.tekst and reden.bron for reden in advies.redenen)
    assert (advies.niveau is None) == (advies.leerroute is Leerroute.Z)
    if advies.leerroute is Leerroute.ONDERWIJS:
        assert invoer.leeftijd < invoer.onderwijsroute_max_leeftijd


WETTEN = (
    "Wet inburgering 2021 art. ",
    "Besluit inburgering 2021 art. ",
    "Awb art. ",
    "Participatiewet art. ",
    "Regeling inburgering 2021 art. ",
)


@given(invoeren)
def test_every_reason_cites_the_law_and_a_policy_choice_its_setting(invoer):
    """Each reason names an article of a law or Besluit, never a project document; the Onderwijsroute age,
    a choice the law leaves to the gemeente, names the setting and its value."""
    for reden in leerroute_advies(invoer).redenen:
        assert any(wet in reden.bron for wet in WETTEN), reden
        assert "seed" not in reden.bron and "domain.md" not in reden.bron
        if reden.code.startswith("LEEFTIJD_"):
            assert (
                f"instelling onderwijsrouteMaxLeeftijd = {invoer.onderwijsroute_max_leeftijd}" in reden.bron
            )


def test_advice_without_a_toets_answer_is_provisional_naming_what_is_missing():
    from dataclasses import replace

    zonder = leerroute_advies(replace(BASIS, leerbaarheidstoets=ONBEKEND))
    assert zonder.ontbreekt == ["uitslag van de leerbaarheidstoets, of de behaalde en benodigde score"]
    niet_afgenomen = Leerbaarheidstoets(LeerbaarheidstoetsResultaat.ONBEKEND, niet_afgenomen="slechtziend")
    advies = leerroute_advies(replace(BASIS, leerbaarheidstoets=niet_afgenomen))
    assert advies.ontbreekt == ["uitslag van de leerbaarheidstoets: niet afgenomen (slechtziend)"]
    assert leerroute_advies(BASIS).ontbreekt == []
    assert leerroute_advies(replace(BASIS, leerbaarheidstoets=onbekend_met_score("55.00"))).ontbreekt == []
