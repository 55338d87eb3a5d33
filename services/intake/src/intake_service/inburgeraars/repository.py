import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

from inburgering_shared.audit import AuditedQuery, audited_page
from inburgering_shared.db import UuidText
from sqlalchemy import ColumnElement, String, bindparam, case, func, select
from sqlalchemy.orm import Session

from ..brede_intake.models import BredeIntake
from ..events import inburgeraar_url
from .models import Inburgeraar, Verhuizing

INBURGERAAR = Inburgeraar.__table__
VERHUIZING = Verhuizing.__table__


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


def dossier_read(
    inburgeraar_id: uuid.UUID, gemeenten: frozenset[str] | None, api_url: str
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of one dossier (of `gemeenten`, None: of any) and its parameters."""
    parameters = {
        "inburgeraar_id": inburgeraar_id,
        "gemeenten": sorted(gemeenten or ()),
        "dossier_url": inburgeraar_url(api_url, inburgeraar_id),
    }
    return _dossier_read(gemeenten is None), parameters


@cache
def _dossier_read(every_gemeente: bool) -> AuditedQuery:
    """A dossier (`inburgeraar_id`, of `gemeenten` unless `every_gemeente`) with its moves, a row per
    move or one without, and what its audit row records: the dossier asked for (`dossier_url`),
    answered (200) or absent (404, also when it is another gemeente's)."""
    query = select(INBURGERAAR).where(INBURGERAAR.c.id == bindparam("inburgeraar_id"))
    if not every_gemeente:
        query = query.where(INBURGERAAR.c.gemeentecode.in_(bindparam("gemeenten", expanding=True)))
    dossier = query.cte("dossier")
    moves = [VERHUIZING.c[c] for c in ("van_gemeente", "naar_gemeente", "datum_vestiging", "gebeurtenis")]
    rows = (
        select(dossier, *moves)
        .select_from(dossier.outerjoin(VERHUIZING, VERHUIZING.c.inburgeraar_id == dossier.c.id))
        .order_by(VERHUIZING.c.datum_vestiging, VERHUIZING.c.aangemaakt)
    )
    audited = select(
        bindparam("dossier_url", type_=String).label("hoofd_object"),
        func.max(dossier.c.gemeentecode).label("gemeentecode"),
        case((func.count(dossier.c.id) == 0, 404), else_=200).label("resultaat"),
    )
    return AuditedQuery(rows, audited)


# Each filter of the list: its bind parameter's condition.
_CONDITIONS: dict[str, Callable[[], ColumnElement[bool]]] = {
    "gemeenten": lambda: INBURGERAAR.c.gemeentecode.in_(bindparam("gemeenten", expanding=True)),
    "ids": lambda: INBURGERAAR.c.id.in_(bindparam("ids", expanding=True)),
    "klantmanager": lambda: INBURGERAAR.c.klantmanager == bindparam("klantmanager"),
    "doelgroep": lambda: INBURGERAAR.c.doelgroep == bindparam("doelgroep"),
    "koppeling_vanaf": lambda: INBURGERAAR.c.datum_koppeling >= bindparam("koppeling_vanaf"),
    "koppeling_tot": lambda: INBURGERAAR.c.datum_koppeling <= bindparam("koppeling_tot"),
    "kennisgeving_vanaf": lambda: INBURGERAAR.c.datum_kennisgeving >= bindparam("kennisgeving_vanaf"),
    "kennisgeving_tot": lambda: INBURGERAAR.c.datum_kennisgeving <= bindparam("kennisgeving_tot"),
}


def page_read(
    zoekfilter: Zoekfilter, *, offset: int, limit: int, api_url: str
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of a page of the dossiers matching the filter, and its parameters: the values of
    the filters set, the page, and the URL the audit rows of its dossiers start with."""
    values = {name: getattr(zoekfilter, name) for name in _CONDITIONS}
    values = {n: sorted(v) if isinstance(v, frozenset) else v for n, v in values.items() if v is not None}
    read = _page_read(frozenset(values), zoekfilter.intake_status)
    return read, {**values, "offset": offset, "limit": limit, "dossiers_url": api_url + "/inburgeraars/"}


@cache
def _page_read(filters: frozenset[str], intake_status: IntakeStatus | None) -> AuditedQuery:
    """A page of the dossiers matching `filters` (the date bounds inclusive) and the audit rows of
    the dossiers on it (audit.audited_page)."""
    query = select(INBURGERAAR).where(*(_CONDITIONS[name]() for name in sorted(filters)))
    if intake_status is not None:
        intake = BredeIntake.__table__
        query = query.outerjoin(intake, intake.c.inburgeraar_id == INBURGERAAR.c.id)
        if intake_status is IntakeStatus.GEEN:
            query = query.where(intake.c.id.is_(None))
        else:
            query = query.where(intake.c.status == intake_status.value)
    dossier_url = bindparam("dossiers_url", type_=String)
    return audited_page(query.cte("gevonden"), lambda page: dossier_url + UuidText(page.c.id))
