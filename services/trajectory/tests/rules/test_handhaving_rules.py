"""Table tests for the gemeente's boete (R15)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trajectory_service.handhaving.rules import (
    WETTELIJKE_GRONDSLAG,
    Boetegrond,
    Boetevoorstel,
    boete_toegestaan,
    maximum_boete,
)

R15 = "domain.md R15 (Schulinck): ten hoogste EUR 800, na schriftelijke waarschuwing"
BOETE = date(2025, 3, 1)
WAARSCHUWING = date(2025, 2, 1)
PIP, INTAKE, TERMIJN = Boetegrond.PIP_VERPLICHTINGEN, Boetegrond.BREDE_INTAKE, Boetegrond.TERMIJN_OVERSCHREDEN

# (id, source, grond, bedrag, waarschuwing, gemeentelijk maximum, toegestaan, codes)
BOETE_CASES = [
    ("pip-800-na-waarschuwing", R15, PIP, "800", WAARSCHUWING, None, True, ["BOETE_TOEGESTAAN"]),
    ("brede-intake-250", R15, INTAKE, "250", WAARSCHUWING, None, True, ["BOETE_TOEGESTAAN"]),
    ("800-en-1-cent", R15, PIP, "800.01", WAARSCHUWING, None, False, ["BEDRAG_TE_HOOG"]),
    (
        "gemeente-max-500-op-grens",
        R15 + "; gemeentelijk maximum",
        PIP,
        "500",
        WAARSCHUWING,
        "500",
        True,
        ["BOETE_TOEGESTAAN"],
    ),
    (
        "gemeente-max-500-erboven",
        R15 + "; gemeentelijk maximum",
        PIP,
        "500.01",
        WAARSCHUWING,
        "500",
        False,
        ["BEDRAG_TE_HOOG"],
    ),
    ("gemeente-max-1000-verhoogt-niet", R15, PIP, "900", WAARSCHUWING, "1000", False, ["BEDRAG_TE_HOOG"]),
    ("geen-waarschuwing", R15, PIP, "100", None, None, False, ["GEEN_WAARSCHUWING"]),
    ("waarschuwing-zelfde-dag", R15, PIP, "100", BOETE, None, False, ["WAARSCHUWING_NIET_VOORAF"]),
    ("waarschuwing-dag-ervoor", R15, PIP, "100", BOETE - timedelta(days=1), None, True, ["BOETE_TOEGESTAAN"]),
    (
        "waarschuwing-na-boete",
        R15,
        INTAKE,
        "100",
        BOETE + timedelta(days=1),
        None,
        False,
        ["WAARSCHUWING_NIET_VOORAF"],
    ),
    (
        "termijn-is-aan-duo",
        "domain.md R15 (DUO beboet termijnoverschrijding)",
        TERMIJN,
        "100",
        WAARSCHUWING,
        None,
        False,
        ["GROND_IS_DUO"],
    ),
    ("bedrag-nul", R15, PIP, "0", WAARSCHUWING, None, False, ["BEDRAG_ONGELDIG"]),
    (
        "alles-mis",
        R15,
        TERMIJN,
        "1000",
        None,
        "300",
        False,
        ["GROND_IS_DUO", "GEEN_WAARSCHUWING", "BEDRAG_TE_HOOG"],
    ),
]


@pytest.mark.parametrize(
    ("source", "grond", "bedrag", "waarschuwing", "gemeente_max", "toegestaan", "codes"),
    [case[1:] for case in BOETE_CASES],
    ids=[case[0] for case in BOETE_CASES],
)
def test_boete_toegestaan(source, grond, bedrag, waarschuwing, gemeente_max, toegestaan, codes):
    voorstel = Boetevoorstel(grond, Decimal(bedrag), BOETE, waarschuwing)
    beslissing = boete_toegestaan(voorstel, None if gemeente_max is None else Decimal(gemeente_max))
    assert beslissing.toegestaan is toegestaan, source
    assert [r.code for r in beslissing.redenen] == codes, source
    assert beslissing.wettelijke_grondslag == WETTELIJKE_GRONDSLAG, source


# (id, source, gemeentelijk maximum, maximum)
MAXIMUM_CASES = [
    ("wettelijk", R15, None, "800"),
    ("lager-gemeentelijk", R15, "450", "450"),
    ("hoger-gemeentelijk-telt-niet", R15, "1200", "800"),
]


@pytest.mark.parametrize(
    ("source", "gemeente_max", "verwacht"),
    [case[1:] for case in MAXIMUM_CASES],
    ids=[case[0] for case in MAXIMUM_CASES],
)
def test_maximum_boete(source, gemeente_max, verwacht):
    assert maximum_boete(None if gemeente_max is None else Decimal(gemeente_max)) == Decimal(verwacht), source


@given(
    st.sampled_from(Boetegrond),
    st.decimals(-100, 2000, places=2),
    st.none() | st.integers(-30, 30),
    st.none() | st.decimals(0, 2000, places=2),
)
def test_boete_properties(grond, bedrag, dagen_voor_boete, gemeente_max):
    """Domain.md R15: an allowed boete is for intake/PIP, after a prior warning, within the maximum."""
    waarschuwing = None if dagen_voor_boete is None else BOETE - timedelta(days=dagen_voor_boete)
    beslissing = boete_toegestaan(Boetevoorstel(grond, bedrag, BOETE, waarschuwing), gemeente_max)
    assert beslissing.redenen and beslissing.maximum <= Decimal(800)
    if beslissing.toegestaan:
        assert grond is not Boetegrond.TERMIJN_OVERSCHREDEN
        assert waarschuwing is not None and waarschuwing < BOETE
        assert 0 < bedrag <= Decimal(800)
        assert gemeente_max is None or bedrag <= gemeente_max
