"""VluchtelingenWerk's handover of the maatschappelijke begeleiding (partner role, its gemeenten only)."""

import uuid

from inburgering_shared.auth import Principal
from inburgering_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..coa.schemas import Uitkomst
from ..inburgeraars import repository
from ..inburgeraars.service import get_inburgeraar
from .models import VluchtelingenwerkOverdracht
from .schemas import VluchtelingenwerkOverdrachtCreate


def ontvang_overdracht(
    session: Session, *, principal: Principal, data: VluchtelingenwerkOverdrachtCreate
) -> tuple[VluchtelingenwerkOverdracht, Uitkomst]:
    """A handover for an existing dossier: the same one twice is one record, a changed one a new version."""
    principal.check_gemeente(data.gemeentecode)
    dossier = repository.find_by_bsn(session, gemeentecode=data.gemeentecode, bsn=data.bsn)
    if dossier is None:
        raise RuleViolation(
            "Er is in deze gemeente geen dossier voor deze persoon; COA of de gemeente legt het eerst aan.",
            invalid_params=[
                InvalidParam(name="bsn", code="geen-dossier", reason="Geen dossier in deze gemeente.")
            ],
        )
    inhoud = data.model_dump(mode="json", exclude={"bsn", "referentie", "gemeentecode"})
    bestaand = session.scalar(
        select(VluchtelingenwerkOverdracht).where(VluchtelingenwerkOverdracht.referentie == data.referentie)
    )
    if bestaand is None:
        overdracht = VluchtelingenwerkOverdracht(
            referentie=data.referentie,
            inburgeraar_id=dossier.id,
            gemeentecode=dossier.gemeentecode,
            versie=1,
            inhoud=inhoud,
            eerdere_versies=[],
        )
        session.add(overdracht)
        session.flush()
        return overdracht, Uitkomst.AANGEMAAKT
    if bestaand.inburgeraar_id != dossier.id:
        raise Conflict(
            "Deze referentie hoort bij een ander persoon of een andere gemeente.",
            invalid_params=[InvalidParam(name="referentie", code="andere-persoon", reason="Andere persoon.")],
        )
    if bestaand.inhoud == inhoud:
        return bestaand, Uitkomst.ONGEWIJZIGD
    bestaand.eerdere_versies = [
        *bestaand.eerdere_versies,
        {"versie": bestaand.versie, "inhoud": bestaand.inhoud},
    ]
    bestaand.inhoud = inhoud
    bestaand.versie += 1
    session.flush()
    return bestaand, Uitkomst.BIJGEWERKT


def overdrachten_van(
    session: Session, *, principal: Principal, inburgeraar_id: uuid.UUID
) -> list[VluchtelingenwerkOverdracht]:
    dossier = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    query = select(VluchtelingenwerkOverdracht).where(
        VluchtelingenwerkOverdracht.inburgeraar_id == dossier.id
    )
    return list(session.scalars(query.order_by(VluchtelingenwerkOverdracht.ontvangen)))


def get_overdracht(
    session: Session, *, principal: Principal, overdracht_id: uuid.UUID
) -> VluchtelingenwerkOverdracht:
    overdracht = session.get(VluchtelingenwerkOverdracht, overdracht_id)
    if overdracht is None or not principal.may_access(overdracht.gemeentecode):
        raise NotFound("Overdracht niet gevonden.")
    return overdracht
