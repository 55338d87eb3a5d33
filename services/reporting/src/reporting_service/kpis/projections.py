"""Event handlers that keep the read models in step with the owning services."""

from sqlalchemy.orm import Session

from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.events import Notificatie
from inburgering_shared.contracts.resources import InburgeraarContract, PipContract, PipStatus

from .models import Dossier


def _dossier(session: Session, inburgeraar_url: str, gemeentecode: str) -> Dossier:
    dossier = session.get(Dossier, inburgeraar_url)
    if dossier is None:
        dossier = Dossier(inburgeraar_url=inburgeraar_url, gemeentecode=gemeentecode)
        session.add(dossier)
    return dossier


def project_inburgeraar(context: EventContext, notificatie: Notificatie) -> None:
    inburgeraar = context.services.get_model(notificatie.resourceUrl, InburgeraarContract)
    dossier = _dossier(context.session, inburgeraar.url, inburgeraar.gemeentecode)
    dossier.gemeentecode = inburgeraar.gemeentecode
    dossier.doelgroep = inburgeraar.doelgroep.value


def project_pip(context: EventContext, notificatie: Notificatie) -> None:
    pip = context.services.get_model(notificatie.resourceUrl, PipContract)
    dossier = _dossier(context.session, pip.inburgeraar, pip.gemeentecode)
    if pip.status == PipStatus.VASTGESTELD and pip.leerroute is not None:
        dossier.leerroute = pip.leerroute.value
        dossier.pip_dagtekening = pip.dagtekening
