"""Table tests for intake's rules; every case names its source."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from inburgering_shared.contracts.brede_intake import (
    GEZONDHEIDSLEEFGEBIEDEN,
    Beperking,
    Leefgebied,
    Leerbaarheidstoets,
    LeerbaarheidstoetsNietAfgenomen,
    LeerbaarheidstoetsResultaat,
    LeerbaarheidstoetsVrijstelling,
    RedenNietAfgenomen,
)
from intake_service.brede_intake.prefill import neem_feiten_over
from intake_service.brede_intake.rules import IntakeStand, leeftijd_op, ontbrekend, toets_bevindingen
from intake_service.inburgeraars.rules import bsn_is_valid
from intake_service.toestemmingen.rules import Bron, Categorie, Doel, ToestemmingFeit, toestemming_geldig

AVG = "AVG art. 9(2)(a) and art. 7(3)"
LBT = "DUO Leerbaarheidstoets API, schema Resultaat"
SEED002 = "seed 002 section 3 and footnote 4"

GEZONDHEID = ToestemmingFeit(Categorie.GEZONDHEID, Doel.BREDE_INTAKE, date(2026, 9, 1), None)
INGETROKKEN = ToestemmingFeit(Categorie.GEZONDHEID, Doel.BREDE_INTAKE, date(2026, 9, 1), date(2026, 10, 1))


@pytest.mark.parametrize(
    ("case", "source", "toestemmingen", "peildatum", "expected"),
    [
        ("given-before", AVG, [GEZONDHEID], date(2026, 9, 2), True),
        ("given-that-day", AVG, [GEZONDHEID], date(2026, 9, 1), True),
        ("not-yet-given", AVG, [GEZONDHEID], date(2026, 8, 31), False),
        ("none", AVG, [], date(2026, 9, 2), False),
        ("day-before-withdrawal", AVG, [INGETROKKEN], date(2026, 9, 30), True),
        ("withdrawn-that-day", AVG, [INGETROKKEN], date(2026, 10, 1), False),
        (
            "withdrawn-then-given-again",
            AVG,
            [INGETROKKEN, ToestemmingFeit(Categorie.GEZONDHEID, Doel.BREDE_INTAKE, date(2026, 11, 1), None)],
            date(2026, 11, 2),
            True,
        ),
        (
            "other-purpose",
            AVG,
            [ToestemmingFeit(Categorie.GEZONDHEID, Doel.OVERDRACHT, date(2026, 9, 1), None)],
            date(2026, 9, 2),
            False,
        ),
        (
            "other-category",
            AVG,
            [ToestemmingFeit(Categorie.GEZINSSITUATIE, Doel.BREDE_INTAKE, date(2026, 9, 1), None)],
            date(2026, 9, 2),
            False,
        ),
    ],
)
def test_toestemming_geldig(case, source, toestemmingen, peildatum, expected):
    geldig = toestemming_geldig(
        toestemmingen, categorie=Categorie.GEZONDHEID, doel=Doel.BREDE_INTAKE, peildatum=peildatum
    )
    assert geldig is expected, (case, source)


@pytest.mark.parametrize(
    ("geboortedatum", "peildatum", "expected"),
    [
        (date(1990, 4, 12), date(2026, 4, 11), 35),
        (date(1990, 4, 12), date(2026, 4, 12), 36),
        (date(2000, 2, 29), date(2026, 2, 28), 25),  # a 29 February birthday counts from 1 March
        (date(2000, 2, 29), date(2026, 3, 1), 26),
        (date(2008, 1, 1), date(2026, 1, 1), 18),
    ],
)
def test_leeftijd_op(geboortedatum, peildatum, expected):
    assert leeftijd_op(geboortedatum, peildatum) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31)), st.integers(1, 99))
def test_leeftijd_turns_on_the_birthday(geboortedatum, jaren):
    if (geboortedatum.month, geboortedatum.day) == (2, 29):
        geboortedatum = geboortedatum.replace(day=28)
    verjaardag = geboortedatum.replace(year=geboortedatum.year + jaren)
    assert leeftijd_op(geboortedatum, verjaardag) == jaren
    assert leeftijd_op(geboortedatum, date.fromordinal(verjaardag.toordinal() - 1)) == jaren - 1


AFGENOMEN = Leerbaarheidstoets(
    resultaat=LeerbaarheidstoetsResultaat.HAALBAAR,
    behaaldeScore=Decimal("14"),
    benodigdeScore=Decimal("12.5"),
    datum=date(2026, 10, 2),
    afgenomenDoor="klantmanager",
)
VRIJ = LeerbaarheidstoetsVrijstelling(beperking=Beperking.AUDITIEF, reden="Doof.")
NIET = LeerbaarheidstoetsNietAfgenomen(
    reden=RedenNietAfgenomen.GEWEIGERD, toelichting="Wil de toets niet maken."
)


@pytest.mark.parametrize(
    ("case", "toets", "codes"),
    [
        ("administered", AFGENOMEN, []),
        ("one-score-only", AFGENOMEN.model_copy(update={"benodigdeScore": None}), ["scores-als-paar"]),
        (
            "no-date-no-administrator",
            AFGENOMEN.model_copy(update={"datum": None, "afgenomenDoor": None}),
            ["verplicht", "verplicht"],
        ),
        (
            "exempted",
            Leerbaarheidstoets(resultaat=LeerbaarheidstoetsResultaat.ONBEKEND, vrijstelling=VRIJ),
            [],
        ),
        (
            "exempted-with-result",
            AFGENOMEN.model_copy(update={"vrijstelling": VRIJ}),
            ["vrijstelling-zonder-uitslag", "vrijstelling-zonder-afname"],
        ),
        (
            "not-taken-no-date-no-administrator",
            Leerbaarheidstoets(resultaat=LeerbaarheidstoetsResultaat.ONBEKEND, nietAfgenomen=NIET),
            [],
        ),
        (
            "not-taken-with-result",
            AFGENOMEN.model_copy(update={"nietAfgenomen": NIET}),
            ["niet-afgenomen-zonder-uitslag", "niet-afgenomen-zonder-afname"],
        ),
        (
            "exempted-and-not-taken",
            Leerbaarheidstoets(
                resultaat=LeerbaarheidstoetsResultaat.ONBEKEND, vrijstelling=VRIJ, nietAfgenomen=NIET
            ),
            ["een-reden"],
        ),
    ],
)
def test_toets_bevindingen(case, toets, codes):
    assert [b.code for b in toets_bevindingen(toets)] == codes, (case, LBT)


def stand(**changes: object) -> IntakeStand:
    basis: dict[str, object] = {
        "gescoorde_leefgebieden": set(Leefgebied),
        "gezondheid_toegestaan": True,
        "leerbaarheidstoets": AFGENOMEN,
        "vooropleiding_bekend": True,
        "alfabetisering_bekend": True,
        "klantmanager_deelnemer": True,
        "datum_gesprek_bekend": True,
    }
    return IntakeStand(**{**basis, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "changes", "missing"),
    [
        ("complete", {}, []),
        (
            "no-consent-health-not-required",
            {
                "gescoorde_leefgebieden": set(Leefgebied) - GEZONDHEIDSLEEFGEBIEDEN,
                "gezondheid_toegestaan": False,
            },
            [],
        ),
        (
            "consent-health-required",
            {"gescoorde_leefgebieden": set(Leefgebied) - {Leefgebied.MENTALE_GEZONDHEID}},
            ["leefgebieden.mentale gezondheid"],
        ),
        (
            "no-wonen",
            {"gescoorde_leefgebieden": set(Leefgebied) - {Leefgebied.WONEN}},
            ["leefgebieden.wonen"],
        ),
        ("no-toets", {"leerbaarheidstoets": None}, ["leerbaarheidstoets"]),
        ("no-klantmanager", {"klantmanager_deelnemer": False}, ["deelnemers"]),
        (
            "nothing-known",
            {"vooropleiding_bekend": False, "alfabetisering_bekend": False, "datum_gesprek_bekend": False},
            ["vooropleiding", "alfabetisering", "datumGesprek"],
        ),
    ],
)
def test_ontbrekend(case, changes, missing):
    assert [b.veld for b in ontbrekend(stand(**changes))] == missing, (case, SEED002)


def feit(waarde: str, bron: Bron) -> dict[str, str]:
    return {"waarde": waarde, "bron": bron.value, "datum": "2026-09-01"}


@pytest.mark.parametrize(
    ("case", "achtergrond", "expected_bron", "conflicts"),
    [
        ("empty-is-filled", {}, "COA", 0),
        ("coa-refreshes-coa", {"opleiding": feit("Basisschool", Bron.COA)}, "COA", 0),
        ("klantmanager-kept-and-conflict", {"opleiding": feit("Mbo", Bron.KLANTMANAGER)}, "klantmanager", 1),
        ("klantmanager-agrees-no-conflict", {"opleiding": feit("Hbo", Bron.KLANTMANAGER)}, "klantmanager", 0),
    ],
)
def test_neem_feiten_over_never_overwrites_the_klantmanager(case, achtergrond, expected_bron, conflicts):
    nieuw, tegenstrijdig = neem_feiten_over(
        achtergrond, {"opleiding": "Hbo"}, bron=Bron.COA, datum=date(2026, 10, 1), referentie="COA-1"
    )
    assert nieuw["opleiding"]["bron"] == expected_bron, case
    assert len(tegenstrijdig) == conflicts, case
    if expected_bron == "COA":
        assert nieuw["opleiding"] == {"waarde": "Hbo", "bron": "COA", "datum": "2026-10-01"}


@pytest.mark.parametrize(
    ("bsn", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("12345678", False),
        ("1234567890", False),
        ("12345678a", False),
        ("000000000", False),
    ],
)
def test_bsn_11_proef(bsn, valid):
    assert bsn_is_valid(bsn) is valid, "Wet algemene bepalingen burgerservicenummer, 11-proef"
