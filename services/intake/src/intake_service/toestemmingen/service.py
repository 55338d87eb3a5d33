"""Use cases of the consent register."""

import uuid
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.problems import Conflict, InvalidParam, NotFound
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..inburgeraars.service import get_inburgeraar
from .models import Toestemming
from .rules import Categorie, Doel, ToestemmingFeit, toestemming_geldig
from .schemas import Intrekking, ToestemmingCreate


def registreer_toestemming(
    session: Session, *, principal: Principal, inburgeraar_id: uuid.UUID, data: ToestemmingCreate
) -> Toestemming:
    inburgeraar = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    toestemming = Toestemming(
        inburgeraar_id=inburgeraar.id,
        gemeentecode=inburgeraar.gemeentecode,
        categorie=data.categorie.value,
        doel=data.doel.value,
        datum=data.datum,
        bron=data.bron.value,
    )
    session.add(toestemming)
    session.flush()
    return toestemming


def toestemmingen_van(session: Session, inburgeraar_id: uuid.UUID) -> list[Toestemming]:
    query = select(Toestemming).where(Toestemming.inburgeraar_id == inburgeraar_id)
    return list(session.scalars(query.order_by(Toestemming.datum, Toestemming.aangemaakt)))


def list_toestemmingen(
    session: Session, *, principal: Principal, inburgeraar_id: uuid.UUID
) -> list[Toestemming]:
    inburgeraar = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    return toestemmingen_van(session, inburgeraar.id)


def trek_toestemming_in(
    session: Session,
    *,
    principal: Principal,
    inburgeraar_id: uuid.UUID,
    toestemming_id: uuid.UUID,
    data: Intrekking,
) -> Toestemming:
    inburgeraar = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    toestemming = session.get(Toestemming, toestemming_id)
    if toestemming is None or toestemming.inburgeraar_id != inburgeraar.id:
        raise NotFound("Toestemming niet gevonden.")
    if toestemming.ingetrokken_op is not None:
        raise Conflict("Deze toestemming is al ingetrokken.")
    if data.datum < toestemming.datum:  # against what is stored, as "already withdrawn" is: 409
        raise Conflict(
            "Een toestemming kan niet worden ingetrokken voor de datum waarop ze is gegeven.",
            invalid_params=[
                InvalidParam(name="datum", code="voor-toestemming", reason="Ligt voor de toestemming.")
            ],
        )
    toestemming.ingetrokken_op = data.datum
    session.flush()
    return toestemming


def geldig(toestemming: Toestemming, peildatum: date) -> bool:
    return toestemming_geldig(
        [feit(toestemming)],
        categorie=Categorie(toestemming.categorie),
        doel=Doel(toestemming.doel),
        peildatum=peildatum,
    )


def heeft_toestemming(
    session: Session, *, inburgeraar_id: uuid.UUID, categorie: Categorie, doel: Doel, peildatum: date
) -> bool:
    return toestemming_geldig(
        [feit(t) for t in toestemmingen_van(session, inburgeraar_id)],
        categorie=categorie,
        doel=doel,
        peildatum=peildatum,
    )


def feit(toestemming: Toestemming) -> ToestemmingFeit:
    return ToestemmingFeit(
        toestemming.categorie, toestemming.doel, toestemming.datum, toestemming.ingetrokken_op
    )
