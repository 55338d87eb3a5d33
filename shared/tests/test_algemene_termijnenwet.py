"""Algemene termijnenwet art. 1 and 3: a statutory term ending on a weekend or holiday runs on."""

from datetime import date

import pytest
from inburgering_shared.algemene_termijnenwet import algemeen_erkende_feestdagen, verlengde_einddatum


def test_feestdagen_2026_are_those_of_art_3():
    assert sorted(algemeen_erkende_feestdagen(2026)) == [
        date(2026, 1, 1),  # Nieuwjaarsdag
        date(2026, 4, 6),  # tweede Paasdag (Pasen 5 April)
        date(2026, 4, 27),  # Koningsdag
        date(2026, 5, 5),  # vijfde mei
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 25),  # tweede Pinksterdag
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_koningsdag_on_a_sunday_is_celebrated_the_day_before():
    assert date(2025, 4, 26) in algemeen_erkende_feestdagen(2025)
    assert date(2025, 4, 27) not in algemeen_erkende_feestdagen(2025)


@pytest.mark.parametrize(
    ("einde", "verlengd"),
    [
        pytest.param(date(2026, 12, 14), date(2026, 12, 14), id="maandag-blijft"),
        pytest.param(date(2026, 12, 12), date(2026, 12, 14), id="zaterdag-naar-maandag"),
        pytest.param(date(2026, 12, 13), date(2026, 12, 14), id="zondag-naar-maandag"),
        pytest.param(date(2026, 12, 25), date(2026, 12, 28), id="kerst-vrijdag-naar-maandag"),
        pytest.param(date(2026, 4, 4), date(2026, 4, 7), id="paasweekend-naar-dinsdag"),
        pytest.param(date(2027, 5, 5), date(2027, 5, 7), id="5-mei-en-hemelvaart-2027"),
        pytest.param(date(2026, 4, 3), date(2026, 4, 3), id="goede-vrijdag-is-geen-feestdag"),
    ],
)
def test_verlengde_einddatum(einde, verlengd):
    assert verlengde_einddatum(einde) == verlengd
