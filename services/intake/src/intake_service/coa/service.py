"""COA's handover of the klantprofiel: idempotent on COA's reference, corrections versioned."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict

from ..inburgeraars.schemas import InburgeraarCreate
from ..inburgeraars.service import registreer_inburgeraar
from .models import CoaOverdracht, CoaOverdrachtVersie
from .schemas import CoaOverdrachtCreate


def ontvang_coa_overdracht(
    session: Session, outbox: Outbox, *, api_url: str, data: CoaOverdrachtCreate
) -> tuple[CoaOverdracht, bool]:
    """Store a handover; the same one twice is one record, a corrected one a new version."""
    inhoud = data.model_dump(mode="json")
    existing = session.scalar(
        select(CoaOverdracht).where(CoaOverdracht.coa_referentie == data.coaReferentie)
    )
    if existing is not None:
        if existing.gemeentecode != data.gemeentecode or existing.inhoud["persoon"]["bsn"] != data.persoon.bsn:
            raise Conflict("Deze COA-referentie hoort bij een ander persoon of een andere gemeente.")
        if existing.inhoud != inhoud:
            _keep_version(session, existing)
            existing.inhoud = inhoud
            existing.versie += 1
        return existing, False
    inburgeraar, _ = registreer_inburgeraar(
        session,
        outbox,
        api_url=api_url,
        data=InburgeraarCreate(
            **data.persoon.model_dump(), gemeentecode=data.gemeentecode, datumKoppeling=data.datumKoppeling
        ),
    )
    overdracht = CoaOverdracht(
        coa_referentie=data.coaReferentie,
        inburgeraar_id=inburgeraar.id,
        gemeentecode=data.gemeentecode,
        versie=1,
        inhoud=inhoud,
    )
    session.add(overdracht)
    session.flush()
    return overdracht, True


def _keep_version(session: Session, overdracht: CoaOverdracht) -> None:
    session.add(
        CoaOverdrachtVersie(
            overdracht_id=overdracht.id,
            versie=overdracht.versie,
            inhoud=overdracht.inhoud,
            ontvangen=overdracht.ontvangen,
        )
    )
