"""Use cases of the hours the gemeente records (R10) and the Z-route hour norm per trajectory."""

import uuid

from inburgering_shared.auth import Principal
from inburgering_shared.etag import check_if_match_for_put
from inburgering_shared.problems import NotFound
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..componenten.rules import ZRouteVoortgang
from ..duo.service import plan_opdracht
from ..trajecten.models import Traject
from ..voortgang.service import lesuren
from .models import Urenregistratie
from .rules import DUO_TOTAAL, Urensoort, duo_totaal, z_route_norm
from .schemas import Uren


def _registratie(session: Session, traject: Traject, soort: Urensoort, maand: str) -> Urenregistratie | None:
    return session.scalar(
        select(Urenregistratie).where(
            Urenregistratie.traject_id == traject.id,
            Urenregistratie.soort == soort.value,
            Urenregistratie.maand == maand,
        )
    )


def get_registratie(session: Session, traject: Traject, soort: Urensoort, maand: str) -> Urenregistratie:
    rij = _registratie(session, traject, soort, maand)
    if rij is None:
        raise NotFound("Geen uren vastgelegd voor deze soort en maand.")
    return rij


def registraties(session: Session, traject: Traject) -> list[Urenregistratie]:
    query = select(Urenregistratie).where(Urenregistratie.traject_id == traject.id)
    return list(session.scalars(query.order_by(Urenregistratie.maand, Urenregistratie.soort)))


def registreer(
    session: Session,
    *,
    principal: Principal,
    traject: Traject,
    soort: Urensoort,
    maand: str,
    invoer: Uren,
    if_match: str | None,
) -> tuple[Urenregistratie, bool]:
    """Record (or, with If-Match, replace) a month's hours of one kind; DUO gets the new total."""
    rij = _registratie(session, traject, soort, maand)
    check_if_match_for_put(if_match, rij.rijversie if rij else None)
    nieuw = rij is None
    if rij is None:
        rij = Urenregistratie(id=uuid.uuid4(), traject_id=traject.id, soort=soort.value, maand=maand)
        session.add(rij)
    rij.uren, rij.omschrijving = invoer.uren, invoer.omschrijving
    rij.vastgelegd_door = principal.user_id or principal.client_id
    session.flush()
    totaal = DUO_TOTAAL[soort]
    plan_opdracht(
        session,
        inburgeraar_url=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        soort=totaal.value,
        inhoud={"uren": duo_totaal(totaal, geregistreerd(session, [traject.id])[traject.id])},
    )
    return rij, nieuw


def geregistreerd(session: Session, traject_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[Urensoort, int]]:
    """Per trajectory the recorded hours per kind (one grouped query for a page of trajectories)."""
    per_traject: dict[uuid.UUID, dict[Urensoort, int]] = {t: {} for t in traject_ids}
    rijen = session.execute(
        select(Urenregistratie.traject_id, Urenregistratie.soort, func.sum(Urenregistratie.uren))
        .where(Urenregistratie.traject_id.in_(traject_ids))
        .group_by(Urenregistratie.traject_id, Urenregistratie.soort)
    )
    for traject_id, soort, uren in rijen:
        per_traject[traject_id][Urensoort(soort)] = int(uren)
    return per_traject


def uren_overzicht(
    session: Session, traject: Traject
) -> tuple[int, list[Urenregistratie], ZRouteVoortgang | None]:
    """The taalaanbieder's lesson hours, the gemeente's records and the R10 norm of one trajectory."""
    return (
        lesuren(session, [traject.id])[traject.id],
        registraties(session, traject),
        z_route(session, [traject])[traject.id],
    )


def z_route(session: Session, trajecten: list[Traject]) -> dict[uuid.UUID, ZRouteVoortgang | None]:
    """The R10 hour norm per Z-route trajectory whose doelgroep is known; None for the others."""
    ids = [t.id for t in trajecten]
    les, eigen = lesuren(session, ids), geregistreerd(session, ids)
    return {t.id: z_route_norm(t.leerroute, t.doelgroep, les[t.id], eigen[t.id]) for t in trajecten}
