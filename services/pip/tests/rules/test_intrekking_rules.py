"""The intrekking of a PIP (Awb art. 1:3): only a vastgesteld PIP, once, not dated before the besluit."""

from datetime import date

import pytest
from inburgering_shared.contracts.resources import PipStatus
from pip_service.intrekking.rules import (
    GRONDSLAG,
    Intrekkingsgrond,
    dagtekening_voor_besluit,
    niet_intrekbaar,
)


def test_only_a_vastgesteld_pip_can_be_withdrawn():
    assert niet_intrekbaar(PipStatus.VASTGESTELD) is None
    assert "concept" in (niet_intrekbaar(PipStatus.CONCEPT) or "")
    assert "al ingetrokken" in (niet_intrekbaar(PipStatus.INGETROKKEN) or "")


@pytest.mark.parametrize(
    ("intrekking", "te_vroeg"),
    [(date(2026, 11, 1), True), (date(2026, 11, 2), False), (date(2026, 11, 3), False)],
)
def test_a_withdrawal_is_not_dated_before_the_besluit_it_withdraws(intrekking, te_vroeg):
    assert dagtekening_voor_besluit(date(2026, 11, 2), intrekking) is te_vroeg


def test_every_ground_names_the_article_it_rests_on():
    assert set(GRONDSLAG) == set(Intrekkingsgrond)
    assert all(" art. " in grondslag for grondslag in GRONDSLAG.values())
