import uuid
from collections.abc import Collection

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from .models import Activiteit, Deelname


def get(session: Session, activiteit_id: uuid.UUID) -> Activiteit | None:
    return session.get(Activiteit, activiteit_id)


def capaciteit_vergrendeld(session: Session, activiteit_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Each activity's capaciteit, its row locked until the transaction ends (in id order: no deadlock)."""
    rows = session.execute(
        select(Activiteit.id, Activiteit.capaciteit)
        .where(Activiteit.id.in_(activiteit_ids))
        .order_by(Activiteit.id)
        .with_for_update()
    )
    return {activiteit_id: capaciteit for activiteit_id, capaciteit in rows}


def bezetting(session: Session, activiteit_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many PIPs hold a place in each activity."""
    if not activiteit_ids:
        return {}
    rows = session.execute(
        select(Deelname.activiteit_id, func.count())
        .where(Deelname.activiteit_id.in_(activiteit_ids))
        .group_by(Deelname.activiteit_id)
    )
    return {activiteit_id: count for activiteit_id, count in rows}


def deelnames(session: Session, pip_id: uuid.UUID) -> set[uuid.UUID]:
    return set(session.scalars(select(Deelname.activiteit_id).where(Deelname.pip_id == pip_id)))


def plaats(session: Session, pip_id: uuid.UUID, activiteit_ids: set[uuid.UUID]) -> None:
    """Make the PIP's places exactly `activiteit_ids`: places it no longer names are freed."""
    huidige = deelnames(session, pip_id)
    vrij = huidige - activiteit_ids
    if vrij:
        session.execute(delete(Deelname).where(Deelname.pip_id == pip_id, Deelname.activiteit_id.in_(vrij)))
    session.add_all(Deelname(pip_id=pip_id, activiteit_id=a) for a in activiteit_ids - huidige)


def zoek(
    session: Session,
    *,
    gemeenten: frozenset[str] | None,
    stap: str | None,
    leefgebied: str | None,
    taalniveaus: list[str] | None,
    tekst: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Activiteit]]:
    query = select(Activiteit)
    if gemeenten is not None:
        query = query.where(Activiteit.gemeentecode.in_(gemeenten))
    if stap is not None:
        query = query.where(Activiteit.stap == stap)
    if leefgebied is not None:
        query = query.where(Activiteit.leefgebieden.contains(f"|{leefgebied}|", autoescape=True))
    if taalniveaus is not None:
        query = query.where(or_(Activiteit.taalniveau.is_(None), Activiteit.taalniveau.in_(taalniveaus)))
    if tekst:
        tekst = tekst.lower()
        query = query.where(
            or_(
                func.lower(Activiteit.titel).contains(tekst, autoescape=True),
                func.lower(Activiteit.aanbieder).contains(tekst, autoescape=True),
            )
        )
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Activiteit.titel, Activiteit.id).offset(offset).limit(limit))
    return count, list(rows)
