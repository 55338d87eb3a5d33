"""R4 and R5: DUO's termijn split into its three years and DUO's extension."""

from datetime import date

import pytest
from inburgering_shared.inburgeringstermijn import inburgeringstermijn, met_verlenging


def test_three_years_from_the_day_after_the_first_pip():
    termijn = inburgeringstermijn(date(2026, 1, 15))
    assert (termijn.start, termijn.einde, termijn.laatste_dag) == (
        date(2026, 1, 16),
        date(2029, 1, 16),
        date(2029, 1, 15),
    )


@pytest.mark.parametrize(
    ("einde", "verwacht"),
    [
        pytest.param(date(2029, 1, 16), (date(2029, 1, 16), None), id="drie-jaar-geen-verlenging"),
        pytest.param(date(2029, 7, 16), (date(2029, 1, 16), date(2029, 7, 16)), id="verlengd-door-duo-R5"),
        pytest.param(date(2028, 12, 1), (date(2028, 12, 1), None), id="korter-volgens-duo"),
    ],
)
def test_met_verlenging(einde, verwacht):
    assert met_verlenging(date(2026, 1, 16), einde) == verwacht
