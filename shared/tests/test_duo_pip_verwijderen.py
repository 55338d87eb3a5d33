"""DUO's rule for deleting the current PIP (DUO M2M README, 'Het verwijderen van een PIP'): only while
the inburgeringstermijn is not set and no course hours are registered."""

import pytest
from inburgering_shared.duo.validatie import (
    BRON_PIP_VERWIJDEREN,
    PipVerwijderContext,
    pip_verwijderen_overtredingen,
)


@pytest.mark.parametrize(
    ("termijn", "uren", "codes"),
    [
        (False, 0, []),
        (True, 0, ["TERMIJN_VASTGESTELD"]),
        (False, 1, ["CURSUSUREN_GEREGISTREERD"]),
        (True, 12, ["TERMIJN_VASTGESTELD", "CURSUSUREN_GEREGISTREERD"]),
    ],
)
def test_duo_deletes_a_pip_only_before_the_termijn_and_course_hours(termijn, uren, codes):
    overtredingen = pip_verwijderen_overtredingen(PipVerwijderContext(termijn, uren))
    assert [o.code for o in overtredingen] == codes
    assert all(o.bron == BRON_PIP_VERWIJDEREN for o in overtredingen)


def test_the_refusal_names_the_hours_in_words():
    (overtreding,) = pip_verwijderen_overtredingen(PipVerwijderContext(False, 7))
    assert "7 cursusdeelnameuren" in overtreding.melding
    assert str(overtreding).endswith("(DUO M2M README, Het verwijderen van een PIP)")
