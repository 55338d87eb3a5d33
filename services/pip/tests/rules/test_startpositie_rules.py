"""Table tests for what the language levels and diplomas add to the leerroute advice; each case names
its source. Where the law gives no rule the facts are reasons only: they never change a route the toets
decided."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from inburgering_shared.contracts.profiel import IdwNiveau, Taalniveau, Vaardigheid
from pip_service.advies.rules import (
    Alfabetisering,
    Leerbaarheidstoets,
    LeerbaarheidstoetsResultaat,
    Leerroute,
    Vooropleiding,
    leerroute_advies,
)
from pip_service.advies.startpositie import DiplomaFeit, Startpositie

from .test_advies_rules import BASIS as ADVIES_BASIS

ONBEKEND = Leerbaarheidstoets(LeerbaarheidstoetsResultaat.ONBEKEND)
NIET_HAALBAAR = Leerbaarheidstoets(LeerbaarheidstoetsResultaat.NIET_HAALBAAR)
HAALBAAR = Leerbaarheidstoets(LeerbaarheidstoetsResultaat.HAALBAAR, Decimal("60"), Decimal("50"))
BASIS = replace(
    ADVIES_BASIS, leerbaarheidstoets=ONBEKEND, leeftijd=24, vooropleiding=Vooropleiding.VERVOLGONDERWIJS
)


def taal(**niveaus: str) -> dict[Vaardigheid, Taalniveau]:
    return {Vaardigheid(v): Taalniveau(n) for v, n in niveaus.items()}


ALLE_B1 = taal(lezen="B1", luisteren="B1", spreken="B2", schrijven="B1")
DRIE_B1 = taal(lezen="B1", luisteren="B1", spreken="B1", schrijven="A2")
IDW = DiplomaFeit("Bachelor verpleegkunde", "Eritrea", "Engels", IdwNiveau.HBO_BACHELOR)
NL = DiplomaFeit("Mbo-diploma verzorgende", "Nederland")
BE = DiplomaFeit("Bachelor rechten", "België", "Nederlands")
ZONDER = DiplomaFeit("Diploma middelbare school", "Syrie")

ART15 = "Wet inburgering 2021 art. 15 (leerroute naar de mogelijkheden)"
R212 = "Regeling inburgering 2021 art. 3.12 (vrijstelling examenonderdeel met bewijsstuk B1)"
R21 = "Regeling inburgering 2021 art. 2.1 c-f (vrijstellende diploma's)"

# (id, source, toets, startpositie, leerroute, codes present, codes absent)
CASES = [
    ("geen-profiel", ART15, ONBEKEND, Startpositie(), Leerroute.B1, {"B1_NORM"},
     {"TAALNIVEAU_HUIDIG", "TAALNIVEAU_B1_HAALBAAR", "DIPLOMA_IDW"}),
    ("b1-alle-vaardigheden-toets-zonder-uitslag", ART15, ONBEKEND, Startpositie(ALLE_B1), Leerroute.ONDERWIJS,
     {"TAALNIVEAU_B1_HAALBAAR", "TAALNIVEAU_HUIDIG", "TAALNIVEAU_B1_BEREIKT"}, {"B1_NORM"}),
    ("b1-op-drie-vaardigheden-beslist-niets", R212, ONBEKEND, Startpositie(DRIE_B1), Leerroute.B1,
     {"B1_NORM", "TAALNIVEAU_B1_BEREIKT"}, {"TAALNIVEAU_B1_HAALBAAR"}),
    ("toets-niet-haalbaar-gaat-voor", ART15, NIET_HAALBAAR, Startpositie(ALLE_B1), Leerroute.Z,
     {"LBT_NIET_HAALBAAR", "TAALNIVEAU_B1_BEREIKT"}, {"TAALNIVEAU_B1_HAALBAAR"}),
    ("a0-alleen-het-feit", ART15, HAALBAAR, Startpositie(taal(lezen="A0")), Leerroute.ONDERWIJS,
     {"TAALNIVEAU_HUIDIG"}, {"TAALNIVEAU_B1_BEREIKT"}),
    ("diploma-in-nederland", R21, HAALBAAR, Startpositie(diplomas=(NL,)), Leerroute.ONDERWIJS,
     {"DIPLOMA_NEDERLANDSTALIG"}, {"DIPLOMA_ZONDER_WAARDERING", "DIPLOMA_IDW"}),
    ("diploma-nederlandstalig-belgie", R21, HAALBAAR, Startpositie(diplomas=(BE,)), Leerroute.ONDERWIJS,
     {"DIPLOMA_NEDERLANDSTALIG"}, {"DIPLOMA_ZONDER_WAARDERING"}),
    ("diploma-idw-is-een-feit", ART15, NIET_HAALBAAR, Startpositie(diplomas=(IDW,)), Leerroute.Z,
     {"DIPLOMA_IDW"}, {"DIPLOMA_NEDERLANDSTALIG"}),
    ("diploma-zonder-waardering", ART15, HAALBAAR, Startpositie(diplomas=(ZONDER,)), Leerroute.ONDERWIJS,
     {"DIPLOMA_ZONDER_WAARDERING"}, {"DIPLOMA_IDW", "DIPLOMA_NEDERLANDSTALIG"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "toets", "startpositie", "leerroute", "present", "absent"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_startpositie_in_the_advice(source, toets, startpositie, leerroute, present, absent):
    advies = leerroute_advies(replace(BASIS, leerbaarheidstoets=toets, startpositie=startpositie))
    codes = {r.code for r in advies.redenen}
    assert advies.leerroute is leerroute, source
    assert present <= codes, (source, codes)
    assert not absent & codes, (source, codes)


def test_reasons_name_the_facts():
    advies = leerroute_advies(replace(BASIS, startpositie=Startpositie(DRIE_B1, (IDW,))))
    teksten = {r.code: r.tekst for r in advies.redenen}
    assert (
        teksten["TAALNIVEAU_HUIDIG"] == "Huidig taalniveau: lezen B1, luisteren B1, spreken B1, schrijven A2."
    )
    assert teksten["TAALNIVEAU_B1_BEREIKT"].startswith("Op lezen, luisteren, spreken al B1 of hoger.")
    assert (
        "Bachelor verpleegkunde (Eritrea)" in teksten["DIPLOMA_IDW"]
        and "hbo-bachelor" in teksten["DIPLOMA_IDW"]
    )


def test_the_advice_stays_provisional_while_the_toets_has_no_answer():
    """Wet art. 14: the leerbaarheidstoets is part of the brede intake; a language level does not
    replace it."""
    assert leerroute_advies(replace(BASIS, startpositie=Startpositie(ALLE_B1))).ontbreekt


startposities = st.builds(
    Startpositie,
    st.dictionaries(st.sampled_from(Vaardigheid), st.sampled_from(Taalniveau)),
    st.lists(st.sampled_from([IDW, NL, BE, ZONDER]), max_size=3).map(tuple),
)


@given(
    st.sampled_from([HAALBAAR, NIET_HAALBAAR]),
    st.sampled_from(Vooropleiding),
    st.sampled_from(Alfabetisering),
    st.booleans(),
    startposities,
)
def test_facts_never_change_a_route_the_toets_decided(
    toets, vooropleiding, alfabetisering, wens, startpositie
):
    """Where the law gives no rule (IDW waardering, a measured level) the advice shows facts, not a
    decision."""
    zonder = replace(
        BASIS,
        leerbaarheidstoets=toets,
        vooropleiding=vooropleiding,
        alfabetisering=alfabetisering,
        wil_vervolgonderwijs=wens,
    )
    met = leerroute_advies(replace(zonder, startpositie=startpositie))
    assert (met.leerroute, met.niveau) == (
        leerroute_advies(zonder).leerroute,
        leerroute_advies(zonder).niveau,
    )
    assert all("Wet inburgering 2021 art. " in r.bron or "Regeling inburgering 2021 art. " in r.bron
               for r in met.redenen if r.code.startswith(("TAALNIVEAU_", "DIPLOMA_")))  # fmt: skip
