"""A move to another gemeente hands the dossier over with its history (DUO events SS120/SS121), on the
moving date: a move announced for a later date waits until then (`voer_uit`, the scheduler's daily job)."""

from dataclasses import dataclass
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.contracts.resources import Verhuizing as VerhuizingContract
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, NotFound
from inburgering_shared.verhuizing import Overdracht, draag_over, van_kracht
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..events import inburgeraar_url, publish_inburgeraar
from . import repository
from .models import Inburgeraar, Verhuizing
from .schemas import VerhuizingCreate


def verhuis(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    data: VerhuizingCreate,
    vandaag: date,
) -> tuple[Inburgeraar, bool]:
    """Move the person's dossier from the gemeente it is in to the one DUO says they settled in; the
    dossier and whether it moved now (a moving date still to come: it moves on that day).

    DUO tells the new gemeente (SS120: settled without a PIP; SS121: with the
    previous gemeente's PIP). The dossier keeps its id, handovers, consents,
    brede intake, versions and audit trail; the old gemeente no longer sees it, the new one
    appoints its own klantmanager. A move is recorded on the dossier and in the audit trail. A move
    announced again for the same gemeente before its date corrects the date and the event.
    Source: DUO M2M Gebeurtenissen.md (SS120, SS121); `inburgering_shared.verhuizing.van_kracht`.
    """
    principal.check_gemeente(data.naarGemeente)
    if repository.find_by_bsn(session, gemeentecode=data.naarGemeente, bsn=data.bsn) is not None:
        raise Conflict("Deze gemeente heeft al een dossier voor deze persoon.")
    elders = repository.find_by_bsn_in(session, gemeenten=None, bsn=data.bsn)
    if not elders:
        raise NotFound("Er is geen dossier van deze persoon in een andere gemeente.")
    dossier = max(elders, key=lambda i: i.gewijzigd)
    verhuizing = _aangekondigd(session, dossier, data.naarGemeente) or Verhuizing(
        inburgeraar_id=dossier.id, van_gemeente=dossier.gemeentecode, naar_gemeente=data.naarGemeente
    )
    verhuizing.datum_vestiging = data.datumVestiging
    verhuizing.gebeurtenis = data.gebeurtenis.value
    session.add(verhuizing)
    if van_kracht(_contract(verhuizing), vandaag):
        _voer_uit(session, outbox, api_url, dossier, verhuizing)
    session.flush()
    return dossier, verhuizing.uitgevoerd is not None


@dataclass(frozen=True)
class Uitgevoerd:
    verhuisd: int
    geblokkeerd: int


def voer_uit(session: Session, outbox: Outbox, *, api_url: str, vandaag: date) -> Uitgevoerd:
    """Hand over every dossier whose moving date has come (the scheduler's daily job; safe to repeat).

    A move whose new gemeente meanwhile holds a dossier of the person itself stays waiting: two
    dossiers of one person in one gemeente are for a klantmanager to resolve (counted `geblokkeerd`)."""
    wachtend = session.scalars(
        select(Verhuizing)
        .where(Verhuizing.uitgevoerd.is_(None), Verhuizing.datum_vestiging <= vandaag)
        .order_by(Verhuizing.datum_vestiging, Verhuizing.aangemaakt)
    )
    verhuisd = geblokkeerd = 0
    for verhuizing in list(wachtend):
        dossier = session.get_one(Inburgeraar, verhuizing.inburgeraar_id)
        if repository.find_by_bsn(session, gemeentecode=verhuizing.naar_gemeente, bsn=dossier.bsn):
            geblokkeerd += 1
            continue
        _voer_uit(session, outbox, api_url, dossier, verhuizing)
        session.flush()
        verhuisd += 1
    return Uitgevoerd(verhuisd, geblokkeerd)


def _aangekondigd(session: Session, dossier: Inburgeraar, naar: str) -> Verhuizing | None:
    return session.scalar(
        select(Verhuizing).where(
            Verhuizing.inburgeraar_id == dossier.id,
            Verhuizing.naar_gemeente == naar,
            Verhuizing.uitgevoerd.is_(None),
        )
    )


def _contract(verhuizing: Verhuizing) -> VerhuizingContract:
    return VerhuizingContract(
        vanGemeente=verhuizing.van_gemeente,
        naarGemeente=verhuizing.naar_gemeente,
        datumVestiging=verhuizing.datum_vestiging,
        gebeurtenis=verhuizing.gebeurtenis,
    )


def _voer_uit(
    session: Session, outbox: Outbox, api_url: str, dossier: Inburgeraar, verhuizing: Verhuizing
) -> None:
    verhuizing.van_gemeente = dossier.gemeentecode  # where the dossier is on the day it moves
    verhuizing.uitgevoerd = utcnow()
    overdracht = Overdracht(
        dossier.gemeentecode, verhuizing.naar_gemeente, verhuizing.datum_vestiging, verhuizing.gebeurtenis
    )
    dossier.gemeentecode = verhuizing.naar_gemeente
    dossier.klantmanager = None
    session.flush()
    # Everything else recorded about the person (brede intake, consents, handovers, the audit
    # trail) goes with the dossier; the other services follow on the event.
    draag_over(session, inburgeraar_url(api_url, dossier.id), overdracht, bron="intake")
    publish_inburgeraar(session, outbox, api_url, dossier, Actie.UPDATE)
