import uuid
from functools import cache
from typing import Any

from inburgering_shared.audit import AuditedQuery
from sqlalchemy import Row, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from ..deadlines.models import Deadline
from .models import Pip, PipVersie

PIP = Pip.__table__
DEADLINE = Deadline.__table__
_DEADLINE_PREFIX = "deadline_"


def get(session: Session, pip_id: uuid.UUID) -> Pip | None:
    return session.get(Pip, pip_id)


def by_inburgeraar(session: Session, inburgeraar_url: str) -> Pip | None:
    return session.scalar(select(Pip).where(Pip.inburgeraar_url == inburgeraar_url))


def pip_read(pip_id: uuid.UUID, gemeenten: frozenset[str] | None) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of one PIP (of `gemeenten`, None: of any) with its deadline, and its parameters."""
    return _pip_read(gemeenten is None), {"pip_id": pip_id, "gemeenten": sorted(gemeenten or ())}


@cache
def _pip_read(every_gemeente: bool) -> AuditedQuery:
    """The PIP with its deadline's columns (prefixed), and what its audit row records: the dossier
    of the PIP answered (200), or none when it is absent or another gemeente's (404)."""
    query = select(PIP).where(PIP.c.id == bindparam("pip_id"))
    if not every_gemeente:
        query = query.where(PIP.c.gemeentecode.in_(bindparam("gemeenten", expanding=True)))
    pip = query.cte("gelezen_pip")
    deadline = [c.label(_DEADLINE_PREFIX + c.name) for c in DEADLINE.c]
    on_pip = and_(DEADLINE.c.subject_id == pip.c.id, DEADLINE.c.soort == "pip-vaststellen")
    rows = select(pip, *deadline).select_from(pip.outerjoin(DEADLINE, on_pip))
    audited = select(
        func.max(pip.c.inburgeraar_url).label("hoofd_object"),
        func.max(pip.c.gemeentecode).label("gemeentecode"),
        case((func.count(pip.c.id) == 0, 404), else_=200).label("resultaat"),
    )
    return AuditedQuery(rows, audited)


def pip_of(row: Row[Any]) -> tuple[Pip, Deadline | None]:
    """The PIP and its deadline of a row of `pip_read`, as objects outside any session."""
    values = row._mapping
    pip = Pip(**{c.name: values[c.name] for c in PIP.c})
    if values[_DEADLINE_PREFIX + "id"] is None:
        return pip, None
    return pip, Deadline(**{c.name: values[_DEADLINE_PREFIX + c.name] for c in DEADLINE.c})


def deadline_of(session: Session, pip_id: uuid.UUID) -> Deadline | None:
    return session.scalar(
        select(Deadline).where(Deadline.subject_id == pip_id, Deadline.soort == "pip-vaststellen")
    )


def list_page(
    session: Session,
    *,
    gemeenten: frozenset[str] | None,
    status: str | None,
    inburgeraar: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Pip]]:
    query = select(Pip)
    if inburgeraar is not None:
        query = query.where(Pip.inburgeraar_url == inburgeraar)
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
