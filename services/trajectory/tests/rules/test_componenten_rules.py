"""Table tests for Z-route hours (R10), financieel ontzorgen (R14), afschalen and exams (R8)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from inburgering_shared.contracts.resources import Leerroute
from trajectory_service.componenten.rules import (
    Examenniveau,
    Examenonderdeel,
    Examenresultaat,
    Examenuitslag,
    ZRouteUren,
    afschalen_toegestaan,
    einde_financieel_ontzorgen,
    openstaande_examenonderdelen,
    z_route_afronding_fouten,
    z_route_voortgang,
)

B314 = "Besluit inburgering 2021 art. 3.14; DUO Gevolgde Uren API"

# (id, source, uren, asielstatushouder, taal_tekort, participatie_tekort, behaald)
Z_ROUTE_CASES = [
    ("nul-uren", B314, ZRouteUren(0, 0, 0, 0), True, 800, 800, False),
    ("precies-800-800", B314, ZRouteUren(800, 0, 800, 0), True, 0, 0, True),
    ("brede-intake-telt-mee", B314, ZRouteUren(700, 100, 650, 150), True, 0, 0, True),
    ("taal-een-uur-tekort", B314, ZRouteUren(699, 100, 900, 0), True, 1, 0, False),
    ("participatie-een-uur-tekort", B314, ZRouteUren(800, 0, 700, 99), True, 0, 1, False),
    ("meer-dan-norm", B314, ZRouteUren(1200, 50, 1000, 10), True, 0, 0, True),
    ("gezinsmigrant-geen-urennorm", B314, ZRouteUren(10, 0, 10, 0), False, 0, 0, None),
]


@pytest.mark.parametrize(
    ("source", "uren", "asiel", "taal_tekort", "participatie_tekort", "behaald"),
    [case[1:] for case in Z_ROUTE_CASES],
    ids=[case[0] for case in Z_ROUTE_CASES],
)
def test_z_route_voortgang(source, uren, asiel, taal_tekort, participatie_tekort, behaald):
    voortgang = z_route_voortgang(uren, asiel)
    assert (voortgang.taal_tekort, voortgang.participatie_tekort) == (taal_tekort, participatie_tekort), (
        source
    )
    assert voortgang.urennorm_behaald is behaald, source
    assert voortgang.taal_uren == uren.taal_en_knm + uren.taal_en_knm_brede_intake, source


P56A = "Participatiewet art. 56a; seed 004 section 3.5 (zes maanden)"

# (id, source, start bijstand, einde bijstand, last day of ontzorgen)
ONTZORGEN_CASES = [
    ("zes-maanden-vanaf-1-januari", P56A, date(2024, 1, 1), None, date(2024, 6, 30)),
    ("zes-maanden-vanaf-15-maart", P56A, date(2024, 3, 15), None, date(2024, 9, 14)),
    ("31-augustus-naar-einde-februari", P56A, date(2024, 8, 31), None, date(2025, 2, 28)),
    ("31-augustus-schrikkeljaar", P56A, date(2023, 8, 31), None, date(2024, 2, 29)),
    ("31-maart-naar-30-september", P56A, date(2024, 3, 31), None, date(2024, 9, 30)),
    ("over-de-jaargrens", P56A, date(2024, 10, 1), None, date(2025, 3, 31)),
    (
        "bijstand-eindigt-eerder",
        "domain.md R14 (eerder als bijstand eindigt)",
        date(2024, 1, 1),
        date(2024, 3, 15),
        date(2024, 3, 15),
    ),
    (
        "bijstand-eindigt-op-laatste-dag",
        "domain.md R14",
        date(2024, 1, 1),
        date(2024, 6, 30),
        date(2024, 6, 30),
    ),
    ("bijstand-eindigt-later", "domain.md R14", date(2024, 1, 1), date(2025, 1, 1), date(2024, 6, 30)),
]


@pytest.mark.parametrize(
    ("source", "start", "einde_bijstand", "verwacht"),
    [case[1:] for case in ONTZORGEN_CASES],
    ids=[case[0] for case in ONTZORGEN_CASES],
)
def test_einde_financieel_ontzorgen(source, start, einde_bijstand, verwacht):
    assert einde_financieel_ontzorgen(start, einde_bijstand) == verwacht, source


R8 = "Besluit inburgering 2021 art. 5.5; domain.md R8"
LE = Examenonderdeel.LEZEN

# (id, source, leerroute, onderdeel, uren, inspanning, toegestaan, codes)
AFSCHALEN_CASES = [
    ("b1-route-600-uur-inspanning", R8, Leerroute.B1, LE, 600, True, True, ["AFSCHALEN_TOEGESTAAN"]),
    ("spreken-900-uur", R8, Leerroute.B1, Examenonderdeel.SPREKEN, 900, True, True, ["AFSCHALEN_TOEGESTAAN"]),
    ("599-uur", R8, Leerroute.B1, LE, 599, True, False, ["TE_WEINIG_UREN"]),
    ("geen-inspanning", R8, Leerroute.B1, LE, 800, False, False, ["GEEN_INSPANNING"]),
    ("z-route", R8, Leerroute.Z, LE, 800, True, False, ["NIET_B1_ROUTE"]),
    ("onderwijsroute", R8, Leerroute.ONDERWIJS, LE, 800, True, False, ["NIET_B1_ROUTE"]),
    (
        "knm-heeft-geen-niveau",
        "DUO Examen API; " + R8,
        Leerroute.B1,
        Examenonderdeel.KNM,
        800,
        True,
        False,
        ["GEEN_TAALONDERDEEL"],
    ),
    (
        "alles-mis",
        R8,
        Leerroute.Z,
        Examenonderdeel.KNM,
        10,
        False,
        False,
        ["NIET_B1_ROUTE", "GEEN_TAALONDERDEEL", "TE_WEINIG_UREN", "GEEN_INSPANNING"],
    ),
]


@pytest.mark.parametrize(
    ("source", "leerroute", "onderdeel", "uren", "inspanning", "toegestaan", "codes"),
    [case[1:] for case in AFSCHALEN_CASES],
    ids=[case[0] for case in AFSCHALEN_CASES],
)
def test_afschalen_toegestaan(source, leerroute, onderdeel, uren, inspanning, toegestaan, codes):
    beslissing = afschalen_toegestaan(leerroute, onderdeel, uren, inspanning)
    assert beslissing.toegestaan is toegestaan, source
    assert [r.code for r in beslissing.redenen] == codes, source


def geslaagd(onderdeel, niveau=None):
    return Examenuitslag(onderdeel, Examenresultaat.GESLAAGD, niveau)


E = Examenonderdeel
N = Examenniveau
ALLE_B1 = [geslaagd(E.KNM)] + [geslaagd(o, N.B1) for o in (E.LEZEN, E.LUISTEREN, E.SCHRIJVEN, E.SPREKEN)]
S004 = "seed 004 Bijlage 2 (B1-leerroute: lezen, luisteren, schrijven, spreken op B1 en KNM)"

# (id, source, uitslagen, afgeschaald, open parts)
EXAMEN_CASES = [
    ("geen-uitslagen", S004, [], frozenset(), list(E)),
    ("alles-b1-en-knm", S004, ALLE_B1, frozenset(), []),
    (
        "b2-telt",
        "domain.md R8 (B2 counts)",
        [geslaagd(E.LEZEN, N.B2)],
        frozenset(),
        [E.KNM, E.LUISTEREN, E.SCHRIJVEN, E.SPREKEN],
    ),
    (
        "a2-is-niet-genoeg",
        S004,
        [geslaagd(E.LEZEN, N.A2)],
        frozenset(),
        [E.KNM, E.LEZEN, E.LUISTEREN, E.SCHRIJVEN, E.SPREKEN],
    ),
    (
        "a2-na-afschalen",
        R8,
        [geslaagd(E.LEZEN, N.A2)],
        frozenset({E.LEZEN}),
        [E.KNM, E.LUISTEREN, E.SCHRIJVEN, E.SPREKEN],
    ),
    (
        "b1-na-afschalen-telt",
        R8,
        [geslaagd(E.SPREKEN, N.B1)],
        frozenset({E.SPREKEN}),
        [E.KNM, E.LEZEN, E.LUISTEREN, E.SCHRIJVEN],
    ),
    (
        "gezakt-op-b1",
        "DUO Examen API, ExamenresultaatWI2021",
        [Examenuitslag(E.LEZEN, Examenresultaat.GEZAKT, N.B1)],
        frozenset(),
        list(E),
    ),
    (
        "geen-resultaat",
        "DUO Examen API, ExamenresultaatWI2021",
        [Examenuitslag(E.KNM, Examenresultaat.GEEN)],
        frozenset(),
        list(E),
    ),
    (
        "eerst-gezakt-dan-geslaagd",
        S004,
        [Examenuitslag(E.LEZEN, Examenresultaat.GEZAKT, N.B1), geslaagd(E.LEZEN, N.B1)],
        frozenset(),
        [E.KNM, E.LUISTEREN, E.SCHRIJVEN, E.SPREKEN],
    ),
    ("alleen-knm", S004, [geslaagd(E.KNM)], frozenset(), [E.LEZEN, E.LUISTEREN, E.SCHRIJVEN, E.SPREKEN]),
    (
        "taalonderdeel-zonder-niveau",
        "DUO Examen API, Examenresultaat.niveau",
        [geslaagd(E.LUISTEREN)],
        frozenset(),
        list(E),
    ),
]


@pytest.mark.parametrize(
    ("source", "uitslagen", "afgeschaald", "open_"),
    [case[1:] for case in EXAMEN_CASES],
    ids=[case[0] for case in EXAMEN_CASES],
)
def test_openstaande_examenonderdelen(source, uitslagen, afgeschaald, open_):
    assert openstaande_examenonderdelen(uitslagen, afgeschaald) == open_, source


uitslagen = st.lists(
    st.builds(
        Examenuitslag,
        st.sampled_from(Examenonderdeel),
        st.sampled_from(Examenresultaat),
        st.none() | st.sampled_from(Examenniveau),
    ),
    max_size=12,
)


@given(uitslagen, st.frozensets(st.sampled_from(Examenonderdeel)), st.sampled_from(Examenonderdeel))
def test_examen_properties(resultaten, afgeschaald, onderdeel):
    """Domain.md R8: a pass at B2 always closes a part; afschalen never opens a part."""
    open_ = openstaande_examenonderdelen(resultaten, afgeschaald)
    assert open_ == [o for o in Examenonderdeel if o in open_]
    assert set(openstaande_examenonderdelen(resultaten, frozenset())) >= set(open_)
    met_b2 = openstaande_examenonderdelen([*resultaten, geslaagd(onderdeel, N.B2)], afgeschaald)
    assert onderdeel not in met_b2 and set(met_b2) <= set(open_)


@given(st.integers(0, 2000), st.integers(0, 500), st.integers(0, 2000), st.integers(0, 500))
def test_z_route_properties(taal, taal_bi, participatie, participatie_bi):
    """Besluit art. 3.14: the shortfall is what is missing from 800, brede intake hours included."""
    voortgang = z_route_voortgang(ZRouteUren(taal, taal_bi, participatie, participatie_bi), True)
    assert voortgang.taal_tekort == max(0, 800 - taal - taal_bi)
    assert voortgang.participatie_tekort == max(0, 800 - participatie - participatie_bi)
    assert voortgang.urennorm_behaald is (voortgang.taal_tekort == voortgang.participatie_tekort == 0)


@given(st.dates(date(2022, 1, 1), date(2035, 12, 31)), st.none() | st.integers(0, 400))
def test_ontzorgen_properties(start, dagen_bijstand):
    """Participatiewet art. 56a: ontzorgen lasts at most six months and never outlasts bijstand."""
    einde_bijstand = None if dagen_bijstand is None else start + timedelta(days=dagen_bijstand)
    einde = einde_financieel_ontzorgen(start, einde_bijstand)
    assert start <= einde
    assert (einde - start).days < 184
    if einde_bijstand is not None:
        assert einde <= einde_bijstand
    else:
        assert (einde - start).days >= 180


def test_z_route_completion_is_refused_with_the_shortfall_per_kind_besluit_3_14():

    kort = z_route_voortgang(ZRouteUren(500, 100, 700, 0), asielstatushouder=True)
    [reden] = z_route_afronding_fouten(kort)
    assert reden.code == "URENNORM_NIET_BEHAALD"
    assert "200 uur taal (NT2 en KNM) en 100 uur participatie" in reden.tekst
    assert reden.bron.startswith("Besluit inburgering 2021 art. 3.14")
    assert z_route_afronding_fouten(z_route_voortgang(ZRouteUren(700, 100, 700, 100), True)) == []
    assert z_route_afronding_fouten(z_route_voortgang(ZRouteUren(0, 0, 0, 0), False)) == []
    assert z_route_afronding_fouten(None) == []
