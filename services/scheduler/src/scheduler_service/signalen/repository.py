"""The hot reads of signals (audit.audited_read): one signal and a page of the work list, each with
its audit rows in the same statement, built once per shape with bind parameters."""

import uuid
from functools import cache
from typing import Any

from inburgering_shared.audit import AuditedQuery, audited_page
from inburgering_shared.db import loaded
from sqlalchemy import ColumnElement, Row, bindparam, case, func, select

from .models import Signaal

SIGNAAL = Signaal.__table__

# Each filter of the work list: its bind parameter's condition.
_CONDITIONS = {
    "gemeenten": lambda: SIGNAAL.c.gemeentecode.in_(bindparam("gemeenten", expanding=True)),
    "gemeentecode": lambda: SIGNAAL.c.gemeentecode == bindparam("gemeentecode"),
    "klantmanager": lambda: SIGNAAL.c.klantmanager == bindparam("klantmanager"),
    "team": lambda: SIGNAAL.c.team == bindparam("team"),
    "niveau": lambda: SIGNAAL.c.niveau == bindparam("niveau"),
    "status": lambda: SIGNAAL.c.status == bindparam("status"),
    "soort": lambda: SIGNAAL.c.soort == bindparam("soort"),
    "inburgeraar": lambda: SIGNAAL.c.inburgeraar_url == bindparam("inburgeraar"),
}


def signaal_read(
    signaal_id: uuid.UUID, gemeenten: frozenset[str] | None
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of one signal (of `gemeenten`, None: of any) and its parameters."""
    return _signaal_read(gemeenten is None), {"signaal_id": signaal_id, "gemeenten": sorted(gemeenten or ())}


def page_read(
    filters: dict[str, str | frozenset[str] | None], *, offset: int, limit: int
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of a page of the work list and its parameters: `filters` by the names of
    `_CONDITIONS` (`gemeenten` the token's, None: any; the others a value or None: any)."""
    values = {n: sorted(v) if isinstance(v, frozenset) else v for n, v in filters.items() if v is not None}
    return _page_read(frozenset(values)), {**values, "offset": offset, "limit": limit}


@cache
def _signaal_read(every_gemeente: bool) -> AuditedQuery:
    """The signal with what its audit row records: its dossier (200; none when the signal names
    none), or none when it is absent or another gemeente's (404)."""
    query = select(SIGNAAL).where(SIGNAAL.c.id == bindparam("signaal_id"))
    if not every_gemeente:
        query = query.where(_CONDITIONS["gemeenten"]())
    signaal = query.cte("gelezen_signaal")
    audited = select(
        func.max(signaal.c.inburgeraar_url).label("hoofd_object"),
        func.max(_gemeente_of_dossier(signaal.c)).label("gemeentecode"),
        case((func.count(signaal.c.id) == 0, 404), else_=200).label("resultaat"),
    )
    return AuditedQuery(select(signaal), audited)


@cache
def _page_read(filters: frozenset[str]) -> AuditedQuery:
    """A page of the signals within `filters` by due date, and the audit rows of the dossiers on it
    (audit.audited_page)."""
    matching = select(SIGNAAL).where(*(_CONDITIONS[name]() for name in sorted(filters)))
    return audited_page(
        matching.cte("gevonden"), lambda page: page.c.inburgeraar_url, order=("vervaldatum", "id")
    )


def _gemeente_of_dossier(columns: Any) -> ColumnElement[str | None]:
    """The gemeente an audit row records: the signal's, when it names a dossier."""
    return case((columns.inburgeraar_url.is_(None), None), else_=columns.gemeentecode)


def signaal_of(row: Row[Any]) -> Signaal:
    """The signal of a row of either read, as an object outside any session."""
    values = row._mapping
    return loaded(Signaal, {c.name: values[c.name] for c in SIGNAAL.c})
