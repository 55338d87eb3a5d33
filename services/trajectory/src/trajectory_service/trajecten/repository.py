"""The hot reads of trajectories (audit.audited_read): one trajectory, a page of them, each row with
the hours the Z-route norm counts, built once per shape with bind parameters."""

import uuid
from functools import cache
from typing import Any

from inburgering_shared.audit import AuditedQuery, audited_page
from sqlalchemy import CTE, Label, Row, Select, bindparam, case, func, select

from ..componenten.rules import ZRouteVoortgang
from ..uren.models import Urenregistratie
from ..uren.rules import Urensoort, z_route_norm
from ..voortgang.models import Voortgangsrapportage
from .models import Traject

TRAJECT = Traject.__table__
RAPPORTAGE = Voortgangsrapportage.__table__
UREN = Urenregistratie.__table__
_LESUREN = "lesuren"
_UREN = {soort: "uren_" + soort.name.lower() for soort in Urensoort}


def traject_read(
    traject_id: uuid.UUID, gemeenten: frozenset[str] | None, taalaanbieder: str | None
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of one trajectory (of `gemeenten`, None: of any; served by `taalaanbieder`, None:
    by any) and its parameters."""
    values = _filters(gemeenten, taalaanbieder, None)
    return _traject_read(frozenset(values)), {**values, "traject_id": traject_id}


def page_read(
    gemeenten: frozenset[str] | None,
    taalaanbieder: str | None,
    inburgeraar: str | None,
    *,
    offset: int,
    limit: int,
) -> tuple[AuditedQuery, dict[str, Any]]:
    """The read of a page of the trajectories (filtered as `traject_read`, and of one inburgeraar
    unless None) and its parameters."""
    values = _filters(gemeenten, taalaanbieder, inburgeraar)
    return _page_read(frozenset(values)), {**values, "offset": offset, "limit": limit}


def z_route_of(row: Row[Any]) -> ZRouteVoortgang | None:
    """The hours against the Z-route norm (R10) of a row of either read."""
    values = row._mapping
    geregistreerd = {soort: values[name] for soort, name in _UREN.items()}
    return z_route_norm(row.leerroute, row.doelgroep, values[_LESUREN], geregistreerd)


def _filters(
    gemeenten: frozenset[str] | None, taalaanbieder: str | None, inburgeraar: str | None
) -> dict[str, Any]:
    values = {
        "gemeenten": sorted(gemeenten) if gemeenten is not None else None,
        "taalaanbieder": taalaanbieder,
        "inburgeraar": inburgeraar,
    }
    return {name: value for name, value in values.items() if value is not None}


def _matching(filters: frozenset[str]) -> Select[Any]:
    conditions = {
        "gemeenten": lambda: TRAJECT.c.gemeentecode.in_(bindparam("gemeenten", expanding=True)),
        "taalaanbieder": lambda: TRAJECT.c.taalaanbieder == bindparam("taalaanbieder"),
        "inburgeraar": lambda: TRAJECT.c.inburgeraar_url == bindparam("inburgeraar"),
    }
    return select(TRAJECT).where(*(conditions[name]() for name in sorted(filters)))


def _hours(traject: CTE) -> list[Label[Any]]:
    """Per trajectory the taalaanbieder's lesson hours and the gemeente's recorded hours per kind
    (uren.service.z_route, as correlated subqueries of the same statement)."""
    lesuren = select(func.coalesce(func.sum(RAPPORTAGE.c.uren_gevolgd), 0)).where(
        RAPPORTAGE.c.traject_id == traject.c.id
    )
    columns = [lesuren.scalar_subquery().label(_LESUREN)]
    for soort, name in _UREN.items():
        uren = select(func.coalesce(func.sum(UREN.c.uren), 0)).where(
            UREN.c.traject_id == traject.c.id, UREN.c.soort == soort.value
        )
        columns.append(uren.scalar_subquery().label(name))
    return columns


@cache
def _traject_read(filters: frozenset[str]) -> AuditedQuery:
    """The trajectory (`traject_id`, within `filters`) with its hours, and what its audit row
    records: the dossier of the trajectory answered (200), or none when it is absent or not the
    caller's to see (404)."""
    traject = _matching(filters).where(TRAJECT.c.id == bindparam("traject_id")).cte("gelezen_traject")
    rows = select(traject, *_hours(traject))
    audited = select(
        func.max(traject.c.inburgeraar_url).label("hoofd_object"),
        func.max(traject.c.gemeentecode).label("gemeentecode"),
        case((func.count(traject.c.id) == 0, 404), else_=200).label("resultaat"),
    )
    return AuditedQuery(rows, audited)


@cache
def _page_read(filters: frozenset[str]) -> AuditedQuery:
    """A page of the trajectories within `filters`, each row with its hours, and the audit rows of
    the dossiers of the trajectories on it (audit.audited_page)."""
    return audited_page(_matching(filters).cte("gevonden"), lambda page: page.c.inburgeraar_url, _hours)
