"""Table and property tests for DUO's PIP validation (R6), as pip and trajectory's DUO client apply it."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Niveau
from inburgering_shared.duo.validatie import (
    PipAanlevering,
    PipContext,
    met_standaard_niveau,
    pip_overtredingen,
)

B, OND, Z = Leerroute.B1, Leerroute.ONDERWIJS, Leerroute.Z
README = "DUO M2M README, Het aanleveren van een PIP"
CONTEXT = PipContext(
    start_inburgeringsplicht=date(2024, 1, 10),
    datum_vestiging_gemeente=date(2024, 2, 1),
    doelgroep=Doelgroep.ASIELSTATUSHOUDER,
)
GEWIJZIGD = {
    "dagtekening_eerste_pip": date(2024, 3, 1),
    "dagtekening_actuele_pip": date(2024, 6, 1),
}
PIP = PipAanlevering(dagtekening=date(2024, 3, 1), leerroute=B)

# (id, source, changes to PIP, changes to CONTEXT, expected violation codes)
VALIDATIE_CASES = [
    ("geldig-b1-zonder-niveau", README, {}, {}, []),
    ("dagtekening-op-vestiging", README, {"dagtekening": date(2024, 2, 1)}, {}, []),
    (
        "dagtekening-dag-voor-vestiging",
        README,
        {"dagtekening": date(2024, 1, 31)},
        {},
        ["DAGTEKENING_VOOR_VESTIGING"],
    ),
    (
        "dagtekening-voor-start-plicht",
        README,
        {"dagtekening": date(2024, 1, 9)},
        {},
        ["DAGTEKENING_VOOR_START_PLICHT", "DAGTEKENING_VOOR_VESTIGING"],
    ),
    (
        "vestiging-voor-plicht-dagtekening-ertussen",
        README,
        {"dagtekening": date(2024, 1, 5)},
        {"datum_vestiging_gemeente": date(2024, 1, 1)},
        ["DAGTEKENING_VOOR_START_PLICHT"],
    ),
    (
        "gewijzigd-voor-eerste-pip",
        README,
        {"dagtekening": date(2024, 2, 20), "niveau": Niveau.A2},
        GEWIJZIGD,
        ["DAGTEKENING_VOOR_EERSTE_PIP", "DAGTEKENING_VOOR_ACTUELE_PIP"],
    ),
    (
        "gewijzigd-voor-actuele-pip",
        README,
        {"dagtekening": date(2024, 5, 31)},
        GEWIJZIGD,
        ["DAGTEKENING_VOOR_ACTUELE_PIP"],
    ),
    (
        "gewijzigd-op-actuele-pip",
        README,
        {"dagtekening": date(2024, 6, 1)},
        GEWIJZIGD,
        [],
    ),
    (
        "a2-onderwijsroute",
        README,
        {"leerroute": OND, "niveau": Niveau.A2},
        {},
        ["NIVEAU_A2_ONDERWIJSROUTE"],
    ),
    (
        "a2-onderwijsroute-ook-later",
        README,
        {"leerroute": OND, "niveau": Niveau.A2, "dagtekening": date(2024, 7, 1)},
        GEWIJZIGD,
        ["NIVEAU_A2_ONDERWIJSROUTE"],
    ),
    ("b1-onderwijsroute", README, {"leerroute": OND, "niveau": Niveau.B1}, {}, []),
    (
        "b1-z-route",
        README,
        {"leerroute": Z, "niveau": Niveau.B1},
        {},
        ["NIVEAU_B1_Z_ROUTE"],
    ),
    ("a2-z-route", README, {"leerroute": Z, "niveau": Niveau.A2}, {}, []),
    (
        "a2-b1-route-eerste-pip",
        README,
        {"niveau": Niveau.A2},
        {},
        ["NIVEAU_A2_EERSTE_PIP"],
    ),
    (
        "a2-b1-route-latere-pip",
        README,
        {"niveau": Niveau.A2, "dagtekening": date(2024, 7, 1)},
        GEWIJZIGD,
        [],
    ),
    ("intensiteit-b1-asiel", README, {"geschatte_intensiteit_b1_route": 600}, {}, []),
    (
        "intensiteit-onderwijsroute",
        README,
        {"leerroute": OND, "geschatte_intensiteit_b1_route": 600},
        {},
        ["INTENSITEIT_NIET_B1_ROUTE"],
    ),
    (
        "intensiteit-gezinsvormer",
        README,
        {"geschatte_intensiteit_b1_route": 600},
        {"doelgroep": Doelgroep.GEZINSVORMER},
        ["INTENSITEIT_GEEN_ASIELSTATUSHOUDER"],
    ),
    (
        "intensiteit-z-route-overig",
        README,
        {"leerroute": Z, "geschatte_intensiteit_b1_route": 600},
        {"doelgroep": Doelgroep.OVERIG},
        ["INTENSITEIT_NIET_B1_ROUTE", "INTENSITEIT_GEEN_ASIELSTATUSHOUDER"],
    ),
    (
        "intensiteit-nul",
        "DUO PIP API, geschatteIntensiteitB1Route minimum 1",
        {"geschatte_intensiteit_b1_route": 0},
        {},
        ["INTENSITEIT_BUITEN_BEREIK"],
    ),
    (
        "intensiteit-9999",
        "DUO PIP API, geschatteIntensiteitB1Route maximum 9999",
        {"geschatte_intensiteit_b1_route": 9999},
        {},
        [],
    ),
]


@pytest.mark.parametrize(
    ("source", "pip_changes", "context_changes", "codes"),
    [case[1:] for case in VALIDATIE_CASES],
    ids=[case[0] for case in VALIDATIE_CASES],
)
def test_pip_overtredingen(source, pip_changes, context_changes, codes):
    overtredingen = pip_overtredingen(replace(PIP, **pip_changes), replace(CONTEXT, **context_changes))
    assert [o.code for o in overtredingen] == codes, source
    assert all(o.veld and o.melding and o.bron for o in overtredingen), source


# (id, source, leerroute, niveau given, niveau after default)
NIVEAU_CASES = [
    ("b1-route-zonder-niveau", README, B, None, Niveau.B1),
    ("onderwijsroute-zonder-niveau", README, OND, None, Niveau.B1),
    ("z-route-zonder-niveau", README, Z, None, None),
    ("b1-route-a2-blijft", README, B, Niveau.A2, Niveau.A2),
    ("z-route-a2-blijft", README, Z, Niveau.A2, Niveau.A2),
]


@pytest.mark.parametrize(
    ("source", "leerroute", "niveau", "verwacht"),
    [case[1:] for case in NIVEAU_CASES],
    ids=[case[0] for case in NIVEAU_CASES],
)
def test_met_standaard_niveau(source, leerroute, niveau, verwacht):
    pip = PipAanlevering(date(2024, 3, 1), leerroute, niveau)
    assert met_standaard_niveau(pip).niveau is verwacht, source


datums = st.dates(date(2022, 1, 1), date(2030, 12, 31))
pips = st.builds(
    PipAanlevering,
    datums,
    st.sampled_from(Leerroute),
    st.none() | st.sampled_from(Niveau),
    st.none() | st.integers(-5, 10_000),
)
contexten = st.builds(
    PipContext,
    datums,
    datums,
    st.sampled_from(Doelgroep),
    st.none() | datums,
    st.none() | datums,
)


@given(pips, contexten)
def test_geldig_pip_properties(pip, context):
    """DUO M2M README: a PIP DUO accepts never pairs A2 with the Onderwijsroute or B1 with the Z-route."""
    if pip_overtredingen(pip, context):
        return
    vastgesteld = met_standaard_niveau(pip)
    assert (vastgesteld.niveau, vastgesteld.leerroute) not in {
        (Niveau.A2, OND),
        (Niveau.B1, Z),
    }
    assert pip.dagtekening >= max(context.start_inburgeringsplicht, context.datum_vestiging_gemeente)
    if vastgesteld.leerroute is not Z:
        assert vastgesteld.niveau is not None
