"""Use cases of the PIP: a concept per inburgeraar, vaststellen as a beschikking."""

import uuid
from datetime import date

from sqlalchemy.orm import Session

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie, Notificatie
from inburgering_shared.contracts.resources import Doelgroep, InburgeraarContract, PipStatus
from inburgering_shared.duo import validatie as duo_validatie
from inburgering_shared.etag import check_if_match
from inburgering_shared.callbacks import EventContext
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation

from ..deadlines.service import herbereken_pip_deadline, markeer_gehaald
from ..events import publish_pip
from . import repository
from .models import Pip
from .schemas import Vaststelling

def verwerk_inburgeraar(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler: a new or changed inburgeraar gets (or updates) its concept PIP and deadline."""
    session = context.session
    inburgeraar = context.services.get_model(notificatie.resourceUrl, InburgeraarContract)
    pip = repository.by_inburgeraar(session, inburgeraar.url)
    if pip is None:
        pip = Pip(
            id=uuid.uuid4(), inburgeraar_url=inburgeraar.url, status=PipStatus.CONCEPT.value, versie=1
        )
        session.add(pip)
    pip.gemeentecode = inburgeraar.gemeentecode
    pip.doelgroep = inburgeraar.doelgroep.value
    pip.datum_kennisgeving = inburgeraar.datumKennisgeving
    pip.datum_inschrijving_brp = inburgeraar.datumInschrijvingBrp
    session.flush()
    herbereken_pip_deadline(session, pip)


def get_pip(session: Session, *, principal: Principal, pip_id: uuid.UUID) -> Pip:
    pip = repository.get(session, pip_id)
    if pip is None or not principal.may_access(pip.gemeentecode):
        raise NotFound("PIP niet gevonden.")
    return pip


def vaststellen_pip(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    pip_id: uuid.UUID,
    vaststelling: Vaststelling,
    if_match: str | None,
) -> Pip:
    """Set the PIP as a beschikking: validated as DUO would (R6), the deadline met."""
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    check_if_match(if_match, pip.rijversie)
    if pip.status != PipStatus.CONCEPT:
        raise Conflict("Dit PIP is al vastgesteld; een wijziging wordt een nieuwe versie.")
    aanlevering = duo_validatie.met_standaard_niveau(_aanlevering(vaststelling))
    _check_duo_rules(pip, aanlevering)
    pip.status = PipStatus.VASTGESTELD.value
    pip.leerroute = vaststelling.leerroute.value
    pip.niveau = aanlevering.niveau.value if aanlevering.niveau else None
    pip.dagtekening = vaststelling.dagtekening
    pip.vastgesteld_door = principal.user_id or principal.client_id
    markeer_gehaald(session, pip)
    session.flush()
    publish_pip(session, outbox, api_url, pip, Actie.UPDATE)
    return pip


def _aanlevering(vaststelling: Vaststelling) -> duo_validatie.PipAanlevering:
    return duo_validatie.PipAanlevering(
        dagtekening=vaststelling.dagtekening, leerroute=vaststelling.leerroute, niveau=vaststelling.niveau
    )


def _check_duo_rules(pip: Pip, aanlevering: duo_validatie.PipAanlevering) -> None:
    if pip.datum_inschrijving_brp is None:
        raise RuleViolation(
            "Een PIP kan pas worden vastgesteld als de inschrijving in de BRP bekend is (R6).",
            invalid_params=[InvalidParam(name="datumInschrijvingBrp", code="R6", reason="onbekend")],
        )
    # Until DUO's Inburgeringsplicht is read (DUO sync), the kennisgeving marks the start of the plicht.
    start_plicht: date = pip.datum_kennisgeving or pip.datum_inschrijving_brp
    context = duo_validatie.PipContext(
        start_inburgeringsplicht=start_plicht,
        datum_vestiging_gemeente=pip.datum_inschrijving_brp,
        doelgroep=Doelgroep(pip.doelgroep),
    )
    overtredingen = duo_validatie.pip_overtredingen(aanlevering, context)
    if overtredingen:
        raise RuleViolation(
            " ".join(o.melding for o in overtredingen),
            invalid_params=[
                InvalidParam(name=o.veld, code=o.code, reason=f"{o.melding} Bron: {o.bron}") for o in overtredingen
            ],
        )


def list_pips(
    session: Session, *, principal: Principal, status: PipStatus | None, offset: int, limit: int
) -> tuple[int, list[Pip]]:
    return repository.list_page(
        session, gemeenten=principal.gemeente_filter(), status=status.value if status else None,
        offset=offset, limit=limit,
    )
