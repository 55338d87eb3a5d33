"""Which hours count towards the Z-route norm (R10) and which of DUO's totals each kind feeds.

Source: Besluit inburgering 2021 art. 3.14 (800 hours NT2 + KNM and 800 hours participation for
asielstatushouders; hours during the brede intake count); DUO Gevolgde Uren API 1.0.0: three
totals, `ParticipatieAlsTaalles` (lessons at a cursusinstelling in the leerroute, brede intake
excluded: the taalaanbieder's reports), `TaallesEnKnmBredeIntake` and
`ParticipatieactiviteitenBredeIntake` (participation for the Z-route, brede intake included);
domain.md R10. The norm itself is `componenten.rules.z_route_voortgang`.
"""

from collections.abc import Mapping
from enum import StrEnum

from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from inburgering_shared.duo.codes import is_asielstatushouder

from ..componenten.rules import ZRouteUren, ZRouteVoortgang, z_route_voortgang


class Urensoort(StrEnum):
    """What the gemeente records (the taalaanbieder reports its lesson hours itself)."""

    PARTICIPATIE = "participatie"
    PARTICIPATIE_BREDE_INTAKE = "participatie-brede-intake"
    TAAL_EN_KNM_BREDE_INTAKE = "taal-en-knm-brede-intake"


class DuoUren(StrEnum):
    """DUO's totals (Gevolgde Uren API) the gemeente writes; the value is our write's `soort` (at most
    20 characters, `duo_opdracht.soort`)."""

    PARTICIPATIE_ALS_TAALLES = "uren-taalles"
    TAALLES_EN_KNM_BREDE_INTAKE = "uren-brede-intake"
    PARTICIPATIEACTIVITEITEN = "uren-participatie"


DUO_TOTAAL: dict[Urensoort, DuoUren] = {
    Urensoort.PARTICIPATIE: DuoUren.PARTICIPATIEACTIVITEITEN,
    Urensoort.PARTICIPATIE_BREDE_INTAKE: DuoUren.PARTICIPATIEACTIVITEITEN,
    Urensoort.TAAL_EN_KNM_BREDE_INTAKE: DuoUren.TAALLES_EN_KNM_BREDE_INTAKE,
}

MAX_DUO_UREN = 9999
"""DUO Gevolgde Uren API: every total is at most 9999."""


def z_route_uren(lesuren_taalaanbieder: int, geregistreerd: Mapping[Urensoort, int]) -> ZRouteUren:
    """The hours as the R10 norm counts them: the taalaanbieder's lesson hours plus the gemeente's
    recorded hours per kind."""
    return ZRouteUren(
        taal_en_knm=lesuren_taalaanbieder,
        taal_en_knm_brede_intake=geregistreerd.get(Urensoort.TAAL_EN_KNM_BREDE_INTAKE, 0),
        participatie=geregistreerd.get(Urensoort.PARTICIPATIE, 0),
        participatie_brede_intake=geregistreerd.get(Urensoort.PARTICIPATIE_BREDE_INTAKE, 0),
    )


def z_route_norm(
    leerroute: str, doelgroep: str | None, lesuren_taalaanbieder: int, geregistreerd: Mapping[Urensoort, int]
) -> ZRouteVoortgang | None:
    """A trajectory's hours against the Z-route norm of art. 3.14 Besluit inburgering 2021; None
    outside the Z-route and while the doelgroep (which decides whether the norm applies) is unknown."""
    if leerroute != Leerroute.Z or not doelgroep:
        return None
    uren = z_route_uren(lesuren_taalaanbieder, geregistreerd)
    return z_route_voortgang(uren, is_asielstatushouder(Doelgroep(doelgroep)))


def duo_totaal(soort: DuoUren, geregistreerd: Mapping[Urensoort, int]) -> int:
    """The total DUO receives for one of its kinds (a PUT replaces DUO's previous total)."""
    return min(MAX_DUO_UREN, sum(uren for s, uren in geregistreerd.items() if DUO_TOTAAL[s] is soort))
