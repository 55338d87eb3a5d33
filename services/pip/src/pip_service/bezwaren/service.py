"""Bezwaar against a PIP version: received (on time or not) and its outcome, both recorded."""

import uuid
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.problems import Conflict, InvalidInput, InvalidParam, NotFound, RuleViolation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..beschikking.rules import bezwaar_tijdig
from ..pips import repository
from ..pips.models import Bezwaar
from ..pips.service import get_pip
from .schemas import BezwaarBeslissing, BezwaarNieuw


def _check_niet_later_dan_vandaag(dag: date, veld: str) -> None:
    if dag > date.today():
        raise InvalidInput(
            "Een datum in de toekomst kan niet.",
            invalid_params=[InvalidParam(name=veld, code="toekomst", reason="na vandaag")],
        )


def registreer_bezwaar(
    session: Session, *, principal: Principal, pip_id: uuid.UUID, nieuw: BezwaarNieuw
) -> Bezwaar:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    _check_niet_later_dan_vandaag(nieuw.ontvangen, "ontvangen")
    versie = repository.versie(session, pip.id, nieuw.versie or pip.versie)
    if versie is None:
        raise Conflict("Bezwaar kan alleen tegen een vastgestelde versie van het PIP.")
    dagtekening = date.fromisoformat(versie.inhoud["dagtekening"])
    bezwaar = Bezwaar(
        id=uuid.uuid4(),
        pip_id=pip.id,
        versie=versie.versie,
        ontvangen=nieuw.ontvangen,
        gronden=nieuw.gronden,
        tijdig=bezwaar_tijdig(dagtekening, nieuw.ontvangen),
    )
    session.add(bezwaar)
    session.flush()
    return bezwaar


def list_bezwaren(session: Session, *, principal: Principal, pip_id: uuid.UUID) -> list[Bezwaar]:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    return list(session.scalars(select(Bezwaar).where(Bezwaar.pip_id == pip.id).order_by(Bezwaar.aangemaakt)))


def beslis_bezwaar(
    session: Session,
    *,
    principal: Principal,
    pip_id: uuid.UUID,
    bezwaar_id: uuid.UUID,
    beslissing: BezwaarBeslissing,
) -> Bezwaar:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    bezwaar = session.get(Bezwaar, bezwaar_id)
    if bezwaar is None or bezwaar.pip_id != pip.id:
        raise NotFound("Bezwaar niet gevonden.")
    if bezwaar.uitkomst is not None:
        raise Conflict("Over dit bezwaar is al beslist.")
    _check_niet_later_dan_vandaag(beslissing.besloten, "besloten")
    if beslissing.besloten < bezwaar.ontvangen:  # against the stored bezwaar, not the request's form
        raise RuleViolation(
            "De beslissing kan niet voor de ontvangst van het bezwaar liggen.",
            invalid_params=[InvalidParam(name="besloten", code="voor_ontvangst", reason="voor ontvangen")],
        )
    bezwaar.uitkomst = beslissing.uitkomst.value
    bezwaar.besloten = beslissing.besloten
    bezwaar.toelichting = beslissing.toelichting
    session.flush()
    return bezwaar
