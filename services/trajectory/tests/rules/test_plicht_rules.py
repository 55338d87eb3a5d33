"""The plicht at its transitions: which law (art. 54 lid 1 Wet inburgering 2021) and how it ended
(art. 3, 4, 5, 6 Wet inburgering 2021), from DUO's Inburgeringsplicht, Vrijstelling and Ontheffing APIs."""

from datetime import date

import pytest
from trajectory_service.plicht.rules import Eindreden, Wet, eindstaat, uitstroom, wet_van_toepassing

VANDAAG = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("begindatum", "wet"),
    [
        ("2021-12-31", Wet.WI2013),  # the day before the Wet inburgering 2021 took effect
        ("2019-03-01", Wet.WI2013),
        ("2022-01-01", Wet.WI2021),  # art. 54 lid 1: from 1 January 2022 the new law
        ("2025-06-01", Wet.WI2021),
    ],
)
def test_a_plicht_begun_before_2022_stays_under_the_wet_2013_art_54(begindatum, wet):
    assert wet_van_toepassing({"indicatorInburgeringsplicht": True, "begindatum": begindatum}) is wet


def test_without_duos_begindatum_the_law_is_unknown():
    assert wet_van_toepassing(None) is None
    assert wet_van_toepassing({"indicatorInburgeringsplicht": True}) is None


def test_a_granted_gehele_ontheffing_ends_the_plicht_on_duos_decision_art_5():
    ontheffingen = [
        {"GeheleOntheffing": {"oordeel": "Toekenning", "datumOordeel": "2026-11-20", "grond": "MED"}}
    ]
    eind = eindstaat({"indicatorInburgeringsplicht": True}, None, ontheffingen, VANDAAG)
    assert (eind.reden, eind.datum) == (Eindreden.GEHELE_ONTHEFFING, date(2026, 11, 20))
    assert "art. 5" in eind.bron and "Wet inburgering 2021" in eind.bron
    assert eind.tekst.startswith("gehele-ontheffing: art. 5")


def test_a_refused_ontheffing_ends_nothing():
    ontheffingen = [
        {"GeheleOntheffing": {"oordeel": "Afwijzing", "datumOordeel": "2026-11-20", "grond": "BIO"}}
    ]
    assert eindstaat({"indicatorInburgeringsplicht": True}, None, ontheffingen, VANDAAG) is None


def test_a_granted_gehele_vrijstelling_ends_the_plicht_art_4():
    vrijstellingen = [{"GeheleVrijstelling": {"oordeel": "Toekenning", "reden": "DIP"}}]
    eind = eindstaat(None, vrijstellingen, None, VANDAAG)
    assert (eind.reden, eind.datum) == (Eindreden.VRIJSTELLING, VANDAAG)  # DUO gave no decision date
    assert "art. 4" in eind.bron


@pytest.mark.parametrize(
    "deel",
    [
        {
            "GedeeltelijkeOntheffing": {
                "oordeel": "Toekenning",
                "datumOordeel": "2026-11-20",
                "grond": "MED",
                "examenonderdeel": "SP",
            }
        },
        {"GedeeltelijkeVrijstelling": {"oordeel": "Toekenning", "reden": "DIP", "examenonderdeel": "LE"}},
        {"TijdelijkeVrijstelling": {"oordeel": "Toekenning", "reden": "INB", "startdatum": "2026-11-01"}},
    ],
    ids=["gedeeltelijke-ontheffing", "gedeeltelijke-vrijstelling", "tijdelijke-vrijstelling"],
)
def test_a_partial_or_temporary_decision_ends_nothing(deel):
    assert eindstaat({"indicatorInburgeringsplicht": True}, [deel], [deel], VANDAAG) is None


@pytest.mark.parametrize(
    ("reden", "eindreden"),
    [
        ("Inburgeringsplicht voldaan", Eindreden.PLICHT_VOLDAAN),
        ("Volledige ontheffing", Eindreden.GEHELE_ONTHEFFING),
        ("Volledige vrijstelling", Eindreden.VRIJSTELLING),
        ("Vertrek uit Nederland langer dan een jaar", Eindreden.PLICHT_VERVALLEN),
        ("Overlijden", Eindreden.PLICHT_VERVALLEN),
    ],
)
def test_duos_reason_for_no_plicht_is_the_end_state_on_the_plichts_einddatum(reden, eindreden):
    plicht = {
        "indicatorInburgeringsplicht": False,
        "einddatum": "2027-02-01",
        "redenGeenInburgeringsplicht": reden,
    }
    eind = eindstaat(plicht, None, None, VANDAAG)
    assert (eind.reden, eind.datum) == (eindreden, date(2027, 2, 1))


def test_a_temporary_vrijstelling_as_duos_reason_does_not_end_the_plicht():
    plicht = {"indicatorInburgeringsplicht": False, "redenGeenInburgeringsplicht": "Tijdelijke vrijstelling"}
    assert eindstaat(plicht, None, None, VANDAAG) is None


def test_a_running_plicht_has_no_end_state():
    assert (
        eindstaat({"indicatorInburgeringsplicht": True, "begindatum": "2025-01-01"}, [], [], VANDAAG) is None
    )


def test_uitstroom_ends_the_trajectory_on_its_date():
    eind = uitstroom(date(2027, 3, 1))
    assert (eind.reden, eind.datum) == (Eindreden.UITSTROOM, date(2027, 3, 1))
