import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..deadlines.models import Deadline
from .models import Pip, PipVersie


def get(session: Session, pip_id: uuid.UUID) -> Pip | None:
    return session.get(Pip, pip_id)


def by_inburgeraar(session: Session, inburgeraar_url: str) -> Pip | None:
    return session.scalar(select(Pip).where(Pip.inburgeraar_url == inburgeraar_url))


def deadline_of(session: Session, pip_id: uuid.UUID) -> Deadline | None:
    return session.scalar(
        select(Deadline).where(Deadline.subject_id == pip_id, Deadline.soort == "pip-vaststellen")
    )


def list_page(
    session: Session, *, gemeenten: frozenset[str] | None, status: str | None, offset: int, limit: int
) -> tuple[int, list[Pip]]:
    query = select(Pip)
    if gemeenten is not None:
        query = query.where(Pip.gemeentecode.in_(gemeenten))
    if status is not None:
        query = query.where(Pip.status == status)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    return count, list(session.scalars(query.order_by(Pip.aangemaakt, Pip.id).offset(offset).limit(limit)))


def versie(session: Session, pip_id: uuid.UUID, nummer: int) -> PipVersie | None:
    return session.scalar(select(PipVersie).where(PipVersie.pip_id == pip_id, PipVersie.versie == nummer))


def versies(session: Session, pip_id: uuid.UUID) -> list[PipVersie]:
    return list(
        session.scalars(select(PipVersie).where(PipVersie.pip_id == pip_id).order_by(PipVersie.versie))
    )
