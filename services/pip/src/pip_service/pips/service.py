"""Use cases of the PIP: a concept per inburgeraar, vaststellen as a beschikking, new versions on change."""

import uuid
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.events import Actie, Notificatie
from inburgering_shared.contracts.reporting_inputs import VoortgangContract
from inburgering_shared.contracts.resources import (
    DuoDossierContract,
    GeadresseerdeContract,
    InburgeraarContract,
    Leerroute,
    Niveau,
    PipStatus,
)
from inburgering_shared.db import utcnow
from inburgering_shared.etag import check_if_match
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import (
    Conflict,
    InvalidInput,
    InvalidParam,
    NotFound,
    RuleViolation,
    ServiceUnavailable,
)
from inburgering_shared.verhuizing import volg_verhuizing
from sqlalchemy.orm import Session

from ..deadlines.service import herbereken_pip_deadline, markeer_gehaald, verleng
from ..events import publish_pip
from ..instellingen.service import waarden
from . import repository, toetsing
from .inhoud import pas_toe, snapshot, vastgesteld_door
from .models import Pip, PipVersie
from .schemas import ConceptWijziging, Vaststelling, Verlenging, Wijziging
from .verschil import verschil


def nieuw_concept(session: Session, inburgeraar_url: str, gemeentecode: str, doelgroep: str) -> Pip:
    pip = Pip(
        id=uuid.uuid4(),
        inburgeraar_url=inburgeraar_url,
        gemeentecode=gemeentecode,
        doelgroep=doelgroep,
        status=PipStatus.CONCEPT.value,
        versie=1,
        inhoud={},
    )
    session.add(pip)
    return pip


def verwerk_inburgeraar(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler: a new or changed inburgeraar gets (or updates) its concept PIP and deadline; a
    moved one takes its PIP, versions, deadline and audit trail to the new gemeente, where the PIP stays
    in force and its deadline keeps its date (`inburgering_shared.verhuizing`)."""
    volg_verhuizing(context, notificatie, bron="pip")
    session = context.session
    inburgeraar = context.services.get_model(notificatie.resourceUrl, InburgeraarContract)
    bestaand = repository.by_inburgeraar(session, inburgeraar.url)
    pip = bestaand or nieuw_concept(
        session, inburgeraar.url, inburgeraar.gemeentecode, inburgeraar.doelgroep.value
    )
    pip.gemeentecode = inburgeraar.gemeentecode
    pip.doelgroep = inburgeraar.doelgroep.value
    pip.datum_kennisgeving = inburgeraar.datumKennisgeving
    pip.datum_inschrijving_brp = inburgeraar.datumInschrijvingBrp
    session.flush()
    houd_deadline_bij(context, pip, nieuw=bestaand is None)


def houd_deadline_bij(context: EventContext, pip: Pip, *, nieuw: bool, gewijzigd: bool = False) -> None:
    """Recompute the open PIP deadline (R2) and announce a new concept, a moved or closed deadline, or
    (`gewijzigd`) a change of the plicht's law or end state on `pips`.

    Reporting keeps a concept's deadline in its read model and the scheduler rechecks its signals
    on the event; vaststellen and later versions announce themselves.
    """
    assert context.outbox is not None, "pip publishes on kanaal pips"
    voor = repository.deadline_of(context.session, pip.id)
    stand = (voor.vervaldatum, voor.status) if voor is not None else None
    deadline = herbereken_pip_deadline(context.session, pip)
    if nieuw:
        publish_pip(context.session, context.outbox, context.api_url, pip, Actie.CREATE)
    elif gewijzigd or (deadline is not None and (deadline.vervaldatum, deadline.status) != stand):
        pip.gewijzigd = utcnow()  # the deadline is part of the PIP's representation: a new ETag
        publish_pip(context.session, context.outbox, context.api_url, pip, Actie.UPDATE)


def verwerk_duo_dossier(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler: DUO's SS139 (via trajectory's DUO dossier) starts the PIP clock (R2); the law of
    the plicht and its end state close the PIP deadline (art. 54 lid 1; art. 4, 5, 6 Wet inburgering 2021).

    The open deadline moves to 10 weeks after DUO's date; an extension for third-party information
    (R3) stays applied to it, and a vastgesteld PIP's deadline no longer moves.
    """
    dossier = context.services.get_model(notificatie.resourceUrl, DuoDossierContract)
    if dossier.inburgeraar is None or not (dossier.pipKlokStart or dossier.wet or dossier.eindreden):
        return
    pip = repository.by_inburgeraar(context.session, dossier.inburgeraar)
    if pip is None:
        # intake's event about this inburgeraar has not arrived yet: 503, trajectory retries later.
        raise ServiceUnavailable("Nog geen PIP voor deze inburgeraar; later opnieuw.")
    pip.pip_klok_duo = dossier.pipKlokStart or pip.pip_klok_duo
    plicht = (dossier.wet, dossier.eindreden, dossier.einddatum)
    gewijzigd = plicht != (pip.wet, pip.eindreden, pip.einddatum)
    pip.wet, pip.eindreden, pip.einddatum = plicht
    pip.eindregel = dossier.eindregel
    context.session.flush()
    houd_deadline_bij(context, pip, nieuw=False, gewijzigd=gewijzigd)


def verwerk_voortgang(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler (kanaal trajecten): a taalaanbieder's cumulative report gives the language lesson
    hours afschalen needs (Besluit inburgering 2021 art. 5.5); other trajecten events are not pip's."""
    if notificatie.resource != "voortgang":
        return
    rapport = context.services.get_model(notificatie.resourceUrl, VoortgangContract)
    pip = repository.by_inburgeraar(context.session, rapport.inburgeraar)
    if pip is None:
        raise ServiceUnavailable("Nog geen PIP voor deze inburgeraar; later opnieuw.")
    pip.lesuren = {**(pip.lesuren or {}), rapport.taalaanbieder: rapport.urenAanwezig}
    context.session.flush()


def get_pip(session: Session, *, principal: Principal, pip_id: uuid.UUID) -> Pip:
    pip = repository.get(session, pip_id)
    if pip is None or not principal.may_access(pip.gemeentecode):
        raise NotFound("PIP niet gevonden.")
    return pip


def _bewerkbaar(
    session: Session, principal: Principal, pip_id: uuid.UUID, if_match: str | None, status: PipStatus
) -> Pip:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    check_if_match(if_match, pip.rijversie)
    if pip.status == PipStatus.INGETROKKEN:
        raise Conflict("Dit PIP is ingetrokken; het verandert niet meer.")
    if pip.status != status:
        raise Conflict(
            "Dit PIP is al vastgesteld; een wijziging wordt een nieuwe versie."
            if status == PipStatus.CONCEPT
            else "Dit PIP is nog een concept; stel het eerst vast."
        )
    return pip


def wijzig_concept(
    session: Session,
    *,
    principal: Principal,
    pip_id: uuid.UUID,
    wijziging: ConceptWijziging,
    if_match: str | None,
) -> Pip:
    """Adjust the draft: leerroute, niveau, motivering, components, goals, participation, week programme."""
    pip = _bewerkbaar(session, principal, pip_id, if_match, PipStatus.CONCEPT)
    pas_toe(session, pip, wijziging)
    if wijziging.leerroute is not None:
        pip.leerroute = wijziging.leerroute.value
    if "niveau" in wijziging.model_fields_set:
        pip.niveau = wijziging.niveau.value if wijziging.niveau else None
    session.flush()
    return pip


def _versie(session: Session, pip: Pip, reden: str, door: str) -> None:
    nieuw = snapshot(pip)
    vorige = repository.versie(session, pip.id, pip.versie - 1)
    session.add(
        PipVersie(
            pip_id=pip.id,
            versie=pip.versie,
            reden=reden,
            inhoud=nieuw,
            verschil=verschil(vorige.inhoud, nieuw) if vorige else [],
            vastgesteld_door=door,
        )
    )


def geadresseerde(services: ServiceClient, pip: Pip) -> GeadresseerdeContract:
    """The person's name and address as intake holds them now (from the BRP)."""
    return services.get_model(pip.inburgeraar_url, GeadresseerdeContract)


def _check_beschikking(session: Session, services: ServiceClient, pip: Pip, leerroute: Leerroute) -> None:
    toetsing.check_volledig(
        pip,
        leerroute,
        briefhoofd=waarden(session, pip.gemeentecode).briefhoofd is not None,
        adres_bekend=geadresseerde(services, pip).verblijfsadres is not None,
    )


def vaststellen_pip(
    session: Session,
    outbox: Outbox,
    services: ServiceClient,
    *,
    api_url: str,
    principal: Principal,
    pip_id: uuid.UUID,
    vaststelling: Vaststelling,
    if_match: str | None,
) -> Pip:
    """Set the PIP as a beschikking: validated as DUO would (R6), deviation from the advice motivated."""
    pip = _bewerkbaar(session, principal, pip_id, if_match, PipStatus.CONCEPT)
    toetsing.check_plicht(pip)
    leerroute = vaststelling.leerroute or (Leerroute(pip.leerroute) if pip.leerroute else None)
    if leerroute is None:
        raise RuleViolation(
            "Kies een leerroute.",
            invalid_params=[InvalidParam(name="leerroute", code="R6", reason="ontbreekt")],
        )
    niveau = vaststelling.niveau.value if vaststelling.niveau else None
    if vaststelling.motivering is not None:
        pip.motivering = vaststelling.motivering
    aanlevering = toetsing.aanlevering(leerroute, niveau, vaststelling.dagtekening)
    toetsing.check_duo_regels(pip, aanlevering)
    toetsing.check_afwijking(pip, leerroute)
    _check_beschikking(session, services, pip, leerroute)
    pip.status = PipStatus.VASTGESTELD.value
    pip.leerroute = leerroute.value
    pip.niveau = aanlevering.niveau.value if aanlevering.niveau else None
    pip.dagtekening = pip.dagtekening_eerste_pip = vaststelling.dagtekening
    pip.vastgesteld_door = vastgesteld_door(principal)
    _versie(session, pip, "Eerste vaststelling", pip.vastgesteld_door)
    markeer_gehaald(session, pip)
    session.flush()
    publish_pip(session, outbox, api_url, pip, Actie.PIP_VASTGESTELD)
    return pip


def wijzig_pip(
    session: Session,
    outbox: Outbox,
    services: ServiceClient,
    *,
    api_url: str,
    principal: Principal,
    pip_id: uuid.UUID,
    wijziging: Wijziging,
    if_match: str | None,
) -> Pip:
    """A change to a vastgesteld PIP: a new version with its reason and diff (R6; route change: R7)."""
    pip = _bewerkbaar(session, principal, pip_id, if_match, PipStatus.VASTGESTELD)
    toetsing.check_plicht(pip)
    assert pip.leerroute is not None
    huidige = Leerroute(pip.leerroute)
    nieuwe = wijziging.leerroute or huidige
    routewijziging = nieuwe is not huidige
    if routewijziging:
        max_wijzigingen = waarden(session, pip.gemeentecode).max_routewijzigingen
        toetsing.check_routewijziging(pip, nieuwe, wijziging.dagtekening, wijziging.reden, max_wijzigingen)
    niveau = wijziging.niveau.value if wijziging.niveau else None
    if not routewijziging and "niveau" not in wijziging.model_fields_set:
        niveau = pip.niveau
    aanlevering = toetsing.aanlevering(nieuwe, niveau, wijziging.dagtekening)
    toetsing.check_duo_regels(pip, aanlevering)
    if nieuwe is Leerroute.B1 and aanlevering.niveau == Niveau.A2 and pip.niveau != Niveau.A2:
        pip.afschaalgrond = toetsing.check_afschalen(pip, wijziging.aantoonbareInspanning)
    elif aanlevering.niveau != Niveau.A2:
        pip.afschaalgrond = None
    pas_toe(session, pip, wijziging)
    _check_beschikking(session, services, pip, nieuwe)
    pip.leerroute = nieuwe.value
    pip.niveau = aanlevering.niveau.value if aanlevering.niveau else None
    pip.dagtekening = wijziging.dagtekening
    pip.versie += 1
    pip.routewijzigingen += int(routewijziging)
    pip.vastgesteld_door = vastgesteld_door(principal)
    _versie(session, pip, wijziging.reden, pip.vastgesteld_door)
    session.flush()
    publish_pip(session, outbox, api_url, pip, Actie.PIP_GEWIJZIGD)
    if routewijziging:
        publish_pip(session, outbox, api_url, pip, Actie.LEERROUTE_GEWIJZIGD)
    return pip


def list_versies(session: Session, *, principal: Principal, pip_id: uuid.UUID) -> list[PipVersie]:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    return repository.versies(session, pip.id)


def get_versie(session: Session, *, principal: Principal, pip_id: uuid.UUID, versie: int) -> PipVersie:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    gevonden = repository.versie(session, pip.id, versie)
    if gevonden is None:
        raise NotFound("Deze versie van het PIP bestaat niet.")
    return gevonden


def verleng_termijn(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    pip_id: uuid.UUID,
    verlenging: Verlenging,
    if_match: str | None,
) -> Pip:
    pip = _bewerkbaar(session, principal, pip_id, if_match, PipStatus.CONCEPT)
    if verlenging.informatieOntvangen > date.today():
        raise InvalidInput(
            "De informatie kan niet in de toekomst zijn ontvangen.",
            invalid_params=[InvalidParam(name="informatieOntvangen", code="toekomst", reason="na vandaag")],
        )
    verleng(session, pip, verlenging.informatieOntvangen, verlenging.reden)
    pip.gewijzigd = utcnow()  # the deadline is part of the PIP's representation: a new ETag
    session.flush()
    publish_pip(session, outbox, api_url, pip, Actie.UPDATE)
    return pip
