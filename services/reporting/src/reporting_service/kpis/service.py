from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inburgering_shared.contracts.resources import Leerroute

from .models import Dossier
from .schemas import LeerrouteAantal, LeerrouteVerdeling

GEEN_PIP = "geen PIP"


def leerroute_verdeling(session: Session, *, gemeentecode: str) -> LeerrouteVerdeling:
    counts = dict(
        session.execute(
            select(Dossier.leerroute, func.count())
            .where(Dossier.gemeentecode == gemeentecode)
            .group_by(Dossier.leerroute)
        ).all()
    )
    order = [route.value for route in Leerroute] + [None]
    verdeling = [LeerrouteAantal(leerroute=route or GEEN_PIP, aantal=counts.get(route, 0)) for route in order]
    return LeerrouteVerdeling(gemeentecode=gemeentecode, totaal=sum(counts.values()), verdeling=verdeling)
