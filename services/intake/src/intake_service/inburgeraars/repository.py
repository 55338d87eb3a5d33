import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..brede_intake.models import BredeIntake
from .models import Inburgeraar


def get(session: Session, inburgeraar_id: uuid.UUID) -> Inburgeraar | None:
    return session.get(Inburgeraar, inburgeraar_id)


def find_by_bsn(session: Session, *, gemeentecode: str, bsn: str) -> Inburgeraar | None:
    return session.scalar(
        select(Inburgeraar).where(Inburgeraar.gemeentecode == gemeentecode, Inburgeraar.bsn == bsn)
    )


def find_by_bsn_in(session: Session, *, gemeenten: frozenset[str] | None, bsn: str) -> list[Inburgeraar]:
    query = select(Inburgeraar).where(Inburgeraar.bsn == bsn)
    if gemeenten is not None:
        query = query.where(Inburgeraar.gemeentecode.in_(gemeenten))
    return list(session.scalars(query.order_by(Inburgeraar.gemeentecode)))


class IntakeStatus(StrEnum):
    """Where a dossier is with its brede intake."""

    GEEN = "geen"
    CONCEPT = "concept"
    AFGEROND = "afgerond"


@dataclass(frozen=True)
class Zoekfilter:
    gemeenten: frozenset[str] | None
    ids: frozenset[uuid.UUID] | None = None
    klantmanager: str | None = None
    doelgroep: str | None = None
    intake_status: IntakeStatus | None = None
    koppeling_vanaf: date | None = None
    koppeling_tot: date | None = None
    kennisgeving_vanaf: date | None = None
    kennisgeving_tot: date | None = None


def list_page(
    session: Session, zoekfilter: Zoekfilter, *, offset: int, limit: int
) -> tuple[int, list[Inburgeraar]]:
    """A page of dossiers matching the filter; the date bounds are inclusive."""
    query = select(Inburgeraar)
    conditions = [
        (zoekfilter.gemeenten, lambda v: Inburgeraar.gemeentecode.in_(v)),
        (zoekfilter.ids, lambda v: Inburgeraar.id.in_(v)),
        (zoekfilter.klantmanager, lambda v: Inburgeraar.klantmanager == v),
        (zoekfilter.doelgroep, lambda v: Inburgeraar.doelgroep == v),
        (zoekfilter.koppeling_vanaf, lambda v: Inburgeraar.datum_koppeling >= v),
        (zoekfilter.koppeling_tot, lambda v: Inburgeraar.datum_koppeling <= v),
        (zoekfilter.kennisgeving_vanaf, lambda v: Inburgeraar.datum_kennisgeving >= v),
        (zoekfilter.kennisgeving_tot, lambda v: Inburgeraar.datum_kennisgeving <= v),
    ]
    for value, condition in conditions:
        if value is not None:
            query = query.where(condition(value))
    if zoekfilter.intake_status is not None:
        query = query.outerjoin(BredeIntake, BredeIntake.inburgeraar_id == Inburgeraar.id)
        if zoekfilter.intake_status is IntakeStatus.GEEN:
            query = query.where(BredeIntake.id.is_(None))
        else:
            query = query.where(BredeIntake.status == zoekfilter.intake_status.value)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Inburgeraar.aangemaakt, Inburgeraar.id).offset(offset).limit(limit))
    return count, list(rows)
