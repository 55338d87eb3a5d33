import uuid
from functools import cache
from typing import Any

from inburgering_shared.audit import AuditedQuery, audited_page
from inburgering_shared.db import loaded
from sqlalchemy import ColumnElement, FromClause, Row, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from ..deadlines.models import Deadline
from .models import Pip, PipVersie

PIP = Pip.__table__
DEADLINE = Deadline.__table__
_DEADLINE_PREFIX = "deadline_"
_DEADLINE_COLUMNS = [c.label(_DEADLINE_PREFIX + c.name) for c in DEADLINE.c]
_PIP_NAMES = [c.name for c in PIP.c]
_DEADLINE_NAMES = [c.name for c in DEADLINE.c]


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
    rows = select(pip, *_DEADLINE_COLUMNS).select_from(_with_deadline(pip, pip.c.id))
    audited = select(
        func.max(pip.c.inburgeraar_url).label("hoofd_object"),
        func.max(pip.c.gemeentecode).label("gemeentecode"),
        case((func.count(pip.c.id) == 0, 404), else_=200).label("resultaat"),
    )
    return AuditedQuery(rows, audited)


def page_read(
    gemeenten: frozenset[str] | None, status: str | None, inburgeraar: str | None, *, offset: int, limit: int
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of a page of the PIPs (of `gemeenten`, None: of any; with `status` and of
    `inburgeraar` unless None), each with its deadline, and its parameters."""
    values = {
        "gemeenten": sorted(gemeenten) if gemeenten is not None else None,
        "status": status,
        "inburgeraar": inburgeraar,
    }
    values = {name: value for name, value in values.items() if value is not None}
    return _page_read(frozenset(values)), {**values, "offset": offset, "limit": limit}


_CONDITIONS = {
    "gemeenten": lambda: PIP.c.gemeentecode.in_(bindparam("gemeenten", expanding=True)),
    "status": lambda: PIP.c.status == bindparam("status"),
    "inburgeraar": lambda: PIP.c.inburgeraar_url == bindparam("inburgeraar"),
}


@cache
def _page_read(filters: frozenset[str]) -> AuditedQuery:
    """A page of the PIPs within `filters`, each with its deadline's columns (prefixed; one
    deadline per PIP), and the audit rows of the dossiers on it (audit.audited_page)."""
    matching = (
        select(PIP, *_DEADLINE_COLUMNS)
        .select_from(_with_deadline(PIP, PIP.c.id))
        .where(*(_CONDITIONS[name]() for name in sorted(filters)))
    )
    return audited_page(matching.cte("gevonden"), lambda page: page.c.inburgeraar_url)


def _with_deadline(pip: FromClause, pip_id: ColumnElement[uuid.UUID]) -> FromClause:
    """`pip` joined to its deadline (R2), if it has one."""
    return pip.outerjoin(
        DEADLINE, and_(DEADLINE.c.subject_id == pip_id, DEADLINE.c.soort == "pip-vaststellen")
    )


def pip_of(row: Row[Any]) -> tuple[Pip, Deadline | None]:
    """The PIP and its deadline of a row of `pip_read`, as objects outside any session."""
    values = row._mapping
    pip = loaded(Pip, {name: values[name] for name in _PIP_NAMES})
    if values[_DEADLINE_PREFIX + "id"] is None:
        return pip, None
    return pip, loaded(Deadline, {name: values[_DEADLINE_PREFIX + name] for name in _DEADLINE_NAMES})


def deadline_of(session: Session, pip_id: uuid.UUID) -> Deadline | None:
    return session.scalar(
        select(Deadline).where(Deadline.subject_id == pip_id, Deadline.soort == "pip-vaststellen")
    )


def versie(session: Session, pip_id: uuid.UUID, nummer: int) -> PipVersie | None:
    return session.scalar(select(PipVersie).where(PipVersie.pip_id == pip_id, PipVersie.versie == nummer))


def versies(session: Session, pip_id: uuid.UUID) -> list[PipVersie]:
    return list(
        session.scalars(select(PipVersie).where(PipVersie.pip_id == pip_id).order_by(PipVersie.versie))
    )
