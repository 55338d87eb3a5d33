"""Use cases of progress: voortgangsgesprekken (klantmanager) and monthly reports (taalaanbieder)."""

import uuid
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.resources import DeadlineStatus
from inburgering_shared.etag import check_if_match, check_if_match_for_put
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, NotFound
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..config import Settings
from ..deadlines.models import Deadline
from ..duo.service import plan_opdracht
from ..rapportage.service import publiceer_voortgang
from ..trajecten.models import Traject
from ..uren.rules import MAX_DUO_UREN, DuoUren
from .models import Voortgangsgesprek, Voortgangsrapportage
from .rules import STANDAARD_INTERVAL_MAANDEN, volgend_gesprek
from .schemas import VoortgangsgesprekVerslag
from .schemas import Voortgangsrapportage as RapportageIn

SOORT = "voortgangsgesprek"


def interval(settings: Settings, gemeentecode: str) -> int:
    return settings.voortgangsgesprek_maanden.get(gemeentecode, STANDAARD_INTERVAL_MAANDEN)


def plan_gesprek(session: Session, settings: Settings, traject: Traject, vanaf: date) -> Voortgangsgesprek:
    """Plan the next talk and expose it as a deadline for the scheduler."""
    gesprek = Voortgangsgesprek(
        id=uuid.uuid4(),
        traject_id=traject.id,
        gepland=volgend_gesprek(vanaf, interval(settings, traject.gemeentecode)),
        pip_versie=traject.pip_versie,
    )
    session.add(gesprek)
    session.add(
        Deadline(
            soort=SOORT,
            subject_id=gesprek.id,
            inburgeraar_url=traject.inburgeraar_url,
            gemeentecode=traject.gemeentecode,
            vervaldatum=gesprek.gepland,
            status=DeadlineStatus.OPEN.value,
            regel="Voortgangsgesprek (seed 002 section 5; interval per gemeente)",
            gestart_door=f"traject, vanaf {vanaf}",
        )
    )
    session.flush()
    return gesprek


def gesprekken(session: Session, traject: Traject) -> list[Voortgangsgesprek]:
    query = select(Voortgangsgesprek).where(Voortgangsgesprek.traject_id == traject.id)
    return list(session.scalars(query.order_by(Voortgangsgesprek.gepland, Voortgangsgesprek.id)))


def get_gesprek(session: Session, traject: Traject, gesprek_id: uuid.UUID) -> Voortgangsgesprek:
    gesprek = session.get(Voortgangsgesprek, gesprek_id)
    if gesprek is None or gesprek.traject_id != traject.id:
        raise NotFound("Voortgangsgesprek niet gevonden.")
    return gesprek


def leg_gesprek_vast(
    session: Session,
    settings: Settings,
    *,
    traject: Traject,
    gesprek_id: uuid.UUID,
    verslag: VoortgangsgesprekVerslag,
    if_match: str | None,
) -> Voortgangsgesprek:
    """Record the talk as held (report, outcome, the PIP version discussed) and plan the next one (none
    once the trajectory ended)."""
    gesprek = get_gesprek(session, traject, gesprek_id)
    check_if_match(if_match, gesprek.rijversie)
    if gesprek.gehouden is not None:
        raise Conflict("Dit voortgangsgesprek is al vastgelegd.")
    gesprek.gehouden, gesprek.verslag, gesprek.uitkomst = (
        verslag.gehouden,
        verslag.verslag,
        verslag.uitkomst.value,
    )
    gesprek.pip_versie = traject.pip_versie
    deadline = session.scalar(
        select(Deadline).where(Deadline.subject_id == gesprek.id, Deadline.soort == SOORT)
    )
    if deadline is not None:
        deadline.status = DeadlineStatus.GEHAALD.value
    session.flush()
    if traject.einde_reden is None:  # an ended trajectory plans no more talks
        plan_gesprek(session, settings, traject, verslag.gehouden)
    return gesprek


def get_rapportage(session: Session, traject: Traject, maand: str) -> Voortgangsrapportage:
    rij = _rapportage(session, traject, maand)
    if rij is None:
        raise NotFound("Geen rapportage voor deze maand.")
    return rij


def _rapportage(session: Session, traject: Traject, maand: str) -> Voortgangsrapportage | None:
    return session.scalar(
        select(Voortgangsrapportage).where(
            Voortgangsrapportage.traject_id == traject.id, Voortgangsrapportage.maand == maand
        )
    )


def rapporteer(
    session: Session,
    outbox: Outbox | None,
    *,
    api_url: str,
    principal: Principal,
    traject: Traject,
    maand: str,
    rapportage: RapportageIn,
    if_match: str | None,
) -> tuple[Voortgangsrapportage, bool]:
    """Create or replace the month's report (PUT). Returns it and whether it is new.

    The first report of a month needs no If-Match (there is nothing to lose; two first reports at
    once: the second is refused by the unique month, 409). Replacing one needs the ETag last read
    (428 without, 412 when stale), so a correction never silently overwrites another. Reporting hears
    of the taalaanbieder's changed cumulative report (resource `voortgang`).
    """
    if traject.taalaanbieder != principal.client_id:
        raise NotFound("Traject niet gevonden.")
    rij = _rapportage(session, traject, maand)
    nieuw = rij is None
    check_if_match_for_put(if_match, rij.rijversie if rij else None)
    if rij is None:
        rij = Voortgangsrapportage(id=uuid.uuid4(), traject_id=traject.id, maand=maand)
        session.add(rij)
    rij.taalaanbieder = principal.client_id
    rij.uren_gevolgd, rij.aanwezigheid_procent = rapportage.urenGevolgd, rapportage.aanwezigheidProcent
    rij.vaardigheden = [v.model_dump(mode="json") for v in rapportage.vaardigheden]
    rij.geplande_examens = [e.model_dump(mode="json") for e in rapportage.geplandeExamens]
    session.flush()
    publiceer_voortgang(session, outbox, api_url, traject, principal.client_id)
    # The gemeente reports the hours followed at the cursusinstelling to DUO as a running total.
    plan_opdracht(
        session,
        inburgeraar_url=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        soort=DuoUren.PARTICIPATIE_ALS_TAALLES.value,
        inhoud={"uren": min(lesuren(session, [traject.id])[traject.id], MAX_DUO_UREN)},
    )
    return rij, nieuw


def lesuren(session: Session, traject_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Per trajectory the lesson hours its taalaanbieder reported (one grouped query)."""
    per_traject = dict.fromkeys(traject_ids, 0)
    rijen = session.execute(
        select(Voortgangsrapportage.traject_id, func.sum(Voortgangsrapportage.uren_gevolgd))
        .where(Voortgangsrapportage.traject_id.in_(traject_ids))
        .group_by(Voortgangsrapportage.traject_id)
    )
    per_traject.update({traject_id: int(uren) for traject_id, uren in rijen})
    return per_traject


def rapportages(session: Session, traject: Traject) -> list[Voortgangsrapportage]:
    query = select(Voortgangsrapportage).where(Voortgangsrapportage.traject_id == traject.id)
    return list(session.scalars(query.order_by(Voortgangsrapportage.maand)))
