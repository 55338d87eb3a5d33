"""Per-gemeente settings for the choices the law leaves to the gemeente (R7, R9)."""

from dataclasses import dataclass

from inburgering_shared.auth import Principal
from inburgering_shared.etag import check_if_match
from sqlalchemy.orm import Session

from ..advies.rules import DEFAULT_ONDERWIJSROUTE_MAX_LEEFTIJD
from ..pips.rules import DEFAULT_MAX_ROUTEWIJZIGINGEN
from .models import GemeenteInstelling
from .schemas import Briefhoofd, InstellingenWijziging

GEEN_RIJ = 0
"""The ETag version of a gemeente that still uses the defaults."""


@dataclass(frozen=True)
class Waarden:
    onderwijsroute_max_leeftijd: int
    max_routewijzigingen: int
    rijversie: int
    standaard: bool
    briefhoofd: Briefhoofd | None = None


def waarden(session: Session, gemeentecode: str) -> Waarden:
    rij = session.get(GemeenteInstelling, gemeentecode)
    if rij is None:
        return Waarden(DEFAULT_ONDERWIJSROUTE_MAX_LEEFTIJD, DEFAULT_MAX_ROUTEWIJZIGINGEN, GEEN_RIJ, True)
    return Waarden(
        rij.onderwijsroute_max_leeftijd,
        rij.max_routewijzigingen,
        rij.rijversie,
        False,
        Briefhoofd.model_validate(rij.briefhoofd) if rij.briefhoofd else None,
    )


def get_instellingen(session: Session, *, principal: Principal, gemeentecode: str) -> Waarden:
    principal.check_gemeente(gemeentecode)
    return waarden(session, gemeentecode)


def zet_instellingen(
    session: Session,
    *,
    principal: Principal,
    gemeentecode: str,
    wijziging: InstellingenWijziging,
    if_match: str | None,
) -> Waarden:
    principal.check_gemeente(gemeentecode)
    rij = session.get(GemeenteInstelling, gemeentecode)
    check_if_match(if_match, rij.rijversie if rij else GEEN_RIJ)
    if rij is None:
        rij = GemeenteInstelling(gemeentecode=gemeentecode)
        session.add(rij)
    rij.onderwijsroute_max_leeftijd = wijziging.onderwijsrouteMaxLeeftijd
    rij.max_routewijzigingen = wijziging.maxRoutewijzigingen
    rij.briefhoofd = wijziging.briefhoofd.model_dump(mode="json") if wijziging.briefhoofd else None
    session.flush()
    return waarden(session, gemeentecode)
