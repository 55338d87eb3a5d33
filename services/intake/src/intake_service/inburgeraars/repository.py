import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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


def list_page(
    session: Session,
    *,
    gemeenten: frozenset[str] | None,
    klantmanager: str | None,
    doelgroep: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Inburgeraar]]:
    query = select(Inburgeraar)
    if gemeenten is not None:
        query = query.where(Inburgeraar.gemeentecode.in_(gemeenten))
    if klantmanager is not None:
        query = query.where(Inburgeraar.klantmanager == klantmanager)
    if doelgroep is not None:
        query = query.where(Inburgeraar.doelgroep == doelgroep)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Inburgeraar.aangemaakt, Inburgeraar.id).offset(offset).limit(limit)
    )
    return count, list(rows)
